// Issue 12: a sign-in attempt is counted before its password is checked. Before the fix, eight
// wrong passwords sent at once were all checked against a limit of five, because each was
// recorded only after its (slow, scrypt) check had failed.
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");

describe("staff sign-in limits", () => {
  it("checks at most 5 of 8 wrong passwords sent in parallel for one account", async () => {
    // An address no account has and no other test uses: refusals here never lock anyone else out.
    const email = `parallel-${Date.now().toString(36)}@doorstep.example`;
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new BrowserLikeClient(baseUrl);
        await client.get("/staff/sign-in");
        return client;
      }),
    );
    // One address of its own for all eight (the server trusts X-Forwarded-For): the refusals never
    // block other test files' sign-ins from loopback.
    const headers = { "x-forwarded-for": `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` };
    const statuses = await Promise.all(clients.map((client, i) => client.post("/staff/sign-in", { email, password: `wrong-guess-${i}` }, { headers }).then((res) => res.status)));
    // 400 = the password was checked and was wrong; 429 = refused before any check.
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
  });
});
