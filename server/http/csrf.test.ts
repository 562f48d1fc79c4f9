import { describe, expect, it } from "vitest";
import { csrfTokenFor, isValidCsrfToken, readCookie } from "./csrf";

describe("csrf", () => {
  const token = csrfTokenFor("s".repeat(32), "cookie-value");

  it.each([
    [token, true],
    [csrfTokenFor("s".repeat(32), "other-cookie"), false],
    [csrfTokenFor("t".repeat(32), "cookie-value"), false],
    ["", false],
    [undefined, false],
    [token.slice(1), false],
  ])("accepts only the token made from this browser's cookie (%#)", (submitted, ok) => {
    expect(isValidCsrfToken(token, submitted)).toBe(ok);
  });

  it("reads one cookie from a header", () => {
    expect(readCookie("a=1; doorstep_csrf=abc; b=2", "doorstep_csrf")).toBe("abc");
    expect(readCookie("xdoorstep_csrf=abc", "doorstep_csrf")).toBeUndefined();
    expect(readCookie(undefined, "x")).toBeUndefined();
  });
});
