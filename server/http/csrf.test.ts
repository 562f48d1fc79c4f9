import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { cookieNames, csrfCookie, csrfTokenFor, formAgeMs, isValidCsrfToken, issueFormTime, MalformedCookieError, readCookie } from "./csrf";

describe("csrf", () => {
  const token = csrfTokenFor("s".repeat(32), "cookie-value", "session-a");

  it.each([
    [token, true],
    [csrfTokenFor("s".repeat(32), "other-cookie", "session-a"), false],
    [csrfTokenFor("t".repeat(32), "cookie-value", "session-a"), false],
    // Bound to the session: the same browser secret with another (or no) session is refused.
    [csrfTokenFor("s".repeat(32), "cookie-value", "session-b"), false],
    [csrfTokenFor("s".repeat(32), "cookie-value"), false],
    ["", false],
    [undefined, false],
    [token.slice(1), false],
  ])("accepts only the token made from this browser's cookie and session (%#)", (submitted, ok) => {
    expect(isValidCsrfToken(token, submitted)).toBe(ok);
  });

  it("reads one cookie from a header", () => {
    expect(readCookie("a=1; doorstep_csrf=abc; b=2", "doorstep_csrf")).toBe("abc");
    expect(readCookie("xdoorstep_csrf=abc", "doorstep_csrf")).toBeUndefined();
    expect(readCookie(undefined, "x")).toBeUndefined();
    expect(() => readCookie("doorstep_csrf=%E0%A4%A", "doorstep_csrf")).toThrow(MalformedCookieError);
  });

  it("uses __Host- names over HTTPS only", () => {
    expect(cookieNames(true)).toEqual({ session: "__Host-doorstep_session", csrf: "__Host-doorstep_csrf" });
    expect(cookieNames(false)).toEqual({ session: "doorstep_session", csrf: "doorstep_csrf" });
  });

  function run(cookie: string | undefined, secure = false) {
    const res = {
      locals: {} as Record<string, unknown>,
      statusCode: 200,
      cookies: [] as { name: string; options: Record<string, unknown> }[],
      cleared: [] as string[],
      cookie(name: string, _value: string, options: Record<string, unknown>) {
        this.cookies.push({ name, options });
        return this;
      },
      clearCookie(name: string) {
        this.cleared.push(name);
        return this;
      },
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      set() {
        return this;
      },
      type() {
        return this;
      },
      send: vi.fn(),
    };
    const next = vi.fn() as unknown as NextFunction;
    csrfCookie({ secret: "s".repeat(32), secure })({ headers: { cookie } } as Request, res as unknown as Response, next);
    return { res, next: next as unknown as ReturnType<typeof vi.fn> };
  }

  it("answers a malformed cookie with 400 and clears it, instead of failing later", () => {
    const { res, next } = run("doorstep_csrf=%E0%A4%A");
    expect(res.statusCode).toBe(400);
    expect(res.cleared).toEqual(["doorstep_csrf"]);
    expect(next).not.toHaveBeenCalled();
    expect(run("doorstep_session=%ZZ").res.statusCode).toBe(400);
  });

  it("sets a __Host- secure cookie over HTTPS and changes the token when the session changes", () => {
    const first = run(undefined, true);
    expect(first.res.cookies).toEqual([{ name: "__Host-doorstep_csrf", options: expect.objectContaining({ secure: true, path: "/", httpOnly: true }) }]);
    const secret = "a".repeat(43);
    const before = run(`__Host-doorstep_csrf=${secret}`, true).res.locals.csrfToken;
    const after = run(`__Host-doorstep_csrf=${secret}; __Host-doorstep_session=signed-in`, true).res.locals.csrfToken;
    expect(before).not.toBe(after);
    // The plain name is ignored over HTTPS: a cookie planted without the prefix counts for nothing.
    expect(run(`doorstep_csrf=${secret}`, true).res.cookies).toHaveLength(1);
  });
});

describe("form time", () => {
  const secret = "s".repeat(32);
  const token = "t".repeat(43);
  const at = Date.UTC(2026, 11, 6, 10, 0, 0);
  it.each<[string, unknown, number | null]>([
    ["as given out", issueFormTime(secret, token, at), 2500],
    ["missing", undefined, null],
    ["not a string", 5, null],
    ["an earlier time with the same signature", issueFormTime(secret, token, at).replace(String(at), String(at - 60_000)), null],
    ["another browser's", issueFormTime(secret, "u".repeat(43), at), null],
    ["another secret's", issueFormTime("x".repeat(32), token, at), null],
    ["garbage", "1234.abc", null],
  ])("%s", (_name, value, age) => {
    expect(formAgeMs(secret, token, value, at + 2500)).toBe(age);
  });
});
