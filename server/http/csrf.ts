// CSRF protection for every form: a random per-browser secret in an httpOnly cookie,
// and an HMAC of it in each form. A forged cross-site post cannot read either.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export const CSRF_COOKIE = "doorstep_csrf";
export const CSRF_FIELD = "csrf";

export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac("sha256", secret).update(`csrf:${cookieValue}`).digest("base64url");
}

export function isValidCsrfToken(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== "string" || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

/** Ensures each browser has a CSRF secret cookie and exposes this request's token. */
export function csrfCookie(options: { secret: string; secure: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    let value = readCookie(req.headers.cookie, CSRF_COOKIE);
    if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
      value = randomBytes(32).toString("base64url");
      res.cookie(CSRF_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: options.secure, path: "/" });
    }
    res.locals.csrfToken = csrfTokenFor(options.secret, value);
    next();
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
