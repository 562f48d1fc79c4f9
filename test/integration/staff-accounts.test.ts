// Staff accounts and sessions against the real production server (issue 12): CSRF tokens
// bound to the session and rotated at sign-in, malformed cookies answered 400.
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");

describe("CSRF and cookies", () => {
  it("a token seen before sign-in is refused after it: sign-in rotates the token with the session", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/staff/sign-in");
    const before = client.csrfToken();
    const signedIn = await client.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" }, { csrf: before });
    expect(signedIn.status).toBe(302);
    // Signing out with the pre-sign-in token is a forged request now.
    expect((await client.post("/staff/sign-out", {}, { csrf: before })).status).toBe(403);
    expect((await client.get("/staff")).status).toBe(200);
    const after = client.csrfToken();
    expect(after).not.toBe(before);
    expect((await client.post("/staff/sign-out", {}, { csrf: after })).status).toBe(302);
  });

  it("a token from another browser's session is refused even with the same CSRF cookie", async () => {
    const a = new BrowserLikeClient(baseUrl);
    await a.get("/contact");
    await a.post("/contact", { question: "starts a session" });
    await a.get("/contact/details");
    const token = a.csrfToken();
    const csrfCookie = /doorstep_csrf=([^;]+)/.exec(a.cookieHeader())![1];
    // Same CSRF cookie, no session: the token was made for a's session and does not fit.
    const res = await fetch(`${baseUrl}/contact/details`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: `doorstep_csrf=${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: token, name: "A", email: "a@example.com" }),
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ["doorstep_csrf=%E0%A4%A"],
    ["doorstep_session=%ZZ%"],
    ["doorstep_session=" + "A".repeat(3000)],
    ["lang=%E0"],
  ])("a malformed cookie (%s) is a 4xx, never a 500", async (cookie) => {
    for (const path of ["/", "/staff/sign-in", "/contact"]) {
      const res = await fetch(baseUrl + path, { headers: { cookie }, redirect: "manual" });
      expect(res.status, path).toBeLessThan(500);
    }
    const post = await fetch(baseUrl + "/contact", { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "question=x", redirect: "manual" });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
  });

  it("answers a broken CSRF cookie with 400 and clears it", async () => {
    const res = await fetch(baseUrl + "/contact", { headers: { cookie: "doorstep_csrf=%E0%A4%A" } });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/doorstep_csrf=;/);
  });
});
