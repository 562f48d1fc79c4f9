// CSRF protection for every form: a random per-browser secret in an httpOnly cookie, and an
// HMAC of it *and of this browser's session cookie* in each form. A forged cross-site post
// cannot read either; binding to the session means a token seen before sign-in (or in another
// session) stops working the moment the session is replaced, so sign-in rotates it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export const CSRF_FIELD = "csrf";

/**
 * Cookie names. Over HTTPS they carry the `__Host-` prefix, which browsers accept only with
 * Secure, Path=/ and no Domain: a sibling subdomain or a plain-HTTP page cannot plant or
 * overwrite them (cookie tossing).
 */
export function cookieNames(secure: boolean) {
  const prefix = secure ? "__Host-" : "";
  return { session: `${prefix}doorstep_session`, csrf: `${prefix}doorstep_csrf` };
}
/** The plain-HTTP name, kept for callers that only need to recognise it. */
export const CSRF_COOKIE = "doorstep_csrf";

export function csrfTokenFor(secret: string, cookieValue: string, sessionCookie = ""): string {
  return createHmac("sha256", secret).update(`csrf:${cookieValue}:${sessionCookie}`).digest("base64url");
}

export function isValidCsrfToken(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== "string" || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

export class MalformedCookieError extends Error {
  constructor(readonly cookieName: string) {
    super("malformed cookie");
  }
}

/**
 * Ensures each browser has a CSRF secret cookie and exposes this request's token, bound to the
 * session cookie the browser sent. A cookie we read that cannot be decoded is answered 400
 * (and cleared, so a reload recovers) rather than failing deeper down as a 500.
 */
export function csrfCookie(options: { secret: string; secure: boolean }) {
  const names = cookieNames(options.secure);
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, secure: options.secure, path: "/" };
  return (req: Request, res: Response, next: NextFunction) => {
    let value: string | undefined;
    let session: string | undefined;
    try {
      value = readCookie(req.headers.cookie, names.csrf);
      session = readCookie(req.headers.cookie, names.session);
    } catch (error) {
      if (!(error instanceof MalformedCookieError)) throw error;
      res.clearCookie(error.cookieName, cookieOptions);
      res.status(400).set("Cache-Control", "no-store").type("text/plain").send("Bad request: a cookie could not be read. Please reload the page.\nCais gwael: nid oedd modd darllen cwci. Ail-lwythwch y dudalen.");
      return;
    }
    if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
      value = randomBytes(32).toString("base64url");
      res.cookie(names.csrf, value, cookieOptions);
    }
    res.locals.csrfToken = csrfTokenFor(options.secret, value, session ?? "");
    next();
  };
}

/** One cookie's value; throws MalformedCookieError when its percent-encoding is broken. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        throw new MalformedCookieError(name);
      }
    }
  }
  return undefined;
}

/** readCookie for cookies that only carry a preference: a broken one counts as absent. */
export function readCookieLeniently(header: string | undefined, name: string): string | undefined {
  try {
    return readCookie(header, name);
  } catch {
    return undefined;
  }
}

/**
 * When a form was given out, for the fill-time check on public submissions (no CAPTCHA, GOV.UK's
 * rule): a script posts the moment it has the page, a person reads it first. The time is signed
 * with this browser's CSRF token, so it cannot be made up or carried to another browser.
 */
export const FORM_TIME_FIELD = "formIssued";

export function issueFormTime(secret: string, csrfToken: string, at: number): string {
  return `${at}.${formTimeMac(secret, csrfToken, at)}`;
}

/** Milliseconds since the form was given out, or null when the value is missing, forged or from another browser. */
export function formAgeMs(secret: string, csrfToken: string, value: unknown, at: number): number | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{13})\.([A-Za-z0-9_-]{22})$/.exec(value);
  if (!match) return null;
  const issued = Number(match[1]);
  const expected = formTimeMac(secret, csrfToken, issued);
  if (!timingSafeEqual(Buffer.from(match[2]!), Buffer.from(expected))) return null;
  return at - issued;
}

function formTimeMac(secret: string, csrfToken: string, at: number) {
  return createHmac("sha256", secret).update(`form-time:${csrfToken}:${at}`).digest("base64url").slice(0, 22);
}
