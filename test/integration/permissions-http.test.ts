// Permissions through the real server, as the demo accounts: every staff page (loader) with
// every role, and the findings from issue 12 that failed before server/auth/permissions.ts:
// any signed-in role could close, reopen, retype and note any case; admin counted as a manager.
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");
const unique = () => Math.random().toString(36).slice(2, 10);
type Who = "adviser" | "officer" | "manager" | "head" | "admin";
const EVERYONE: Who[] = ["adviser", "officer", "manager", "head", "admin"];

const signedIn = (who: Who) => signInAs(baseUrl, who);

async function askQuestion(email: string) {
  const client = new BrowserLikeClient(baseUrl);
  await client.get("/contact");
  await client.post("/contact", { question: `Can my landlord share my number? ${unique()}` });
  await client.get("/contact/details");
  await client.post("/contact/details", { name: "Sam Tester", email });
  await client.get("/contact/check");
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  await client.post("/contact/check", { idempotencyKey: key });
  const confirmation = await client.get("/contact/confirmation");
  return /data-testid="reference">(ENQ\d{7})</.exec(await confirmation.text())![1]!;
}

// Page → who may open it (everyone else gets 403). Written out by hand: a change of policy changes this too.
const PAGES: [string, Who[]][] = [
  ["/staff", EVERYONE],
  ["/staff/back-office", EVERYONE],
  ["/staff/cases", ["adviser", "officer", "manager", "head"]],
  ["/staff/cases.csv", ["officer", "manager", "head"]],
  ["/staff/mail", ["officer", "manager", "head"]],
  ["/staff/intake", ["officer", "manager", "head"]],
  ["/staff/adjustments", ["adviser", "officer", "manager", "head"]],
  ["/staff/offenders", ["officer", "manager", "head"]],
  ["/staff/chat", ["adviser", "manager", "head"]],
  ["/staff/chat/monitor", ["manager", "head"]],
  ["/staff/reports/welsh", ["manager", "head", "admin"]],
  ["/staff/dead-letters", ["manager", "head", "admin"]],
  ["/staff/jobs", ["manager", "head", "admin"]],
  ["/staff/api-tokens", ["admin"]],
  ["/staff/audit", ["admin"]],
  ["/staff/retention", ["admin"]],
  ["/staff/subject-access", ["admin", "head"]],
];

describe("staff permissions over HTTP", () => {
  it("every staff page answers 200 to the roles that may use it and 403 to the rest", async () => {
    const wrong: string[] = [];
    for (const who of EVERYONE) {
      const staff = await signedIn(who);
      for (const [path, allowed] of PAGES) {
        const status = (await staff.get(path)).status;
        if ((status === 403) === allowed.includes(who) || (allowed.includes(who) && status !== 200)) wrong.push(`${path} as ${who}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("the adviser and the admin cannot close, reopen, retype or note a case; an officer only works cases allocated to them", async () => {
    const reference = await askQuestion(`perm-${unique()}@example.com`);
    for (const who of ["adviser", "admin"] as const) {
      const staff = await signedIn(who);
      await staff.get("/staff");
      const csrf = staff.csrfToken();
      for (const fields of <Record<string, string>[]>[{ intent: "note", text: "x" }, { intent: "close", outcome: "duplicate" }, { intent: "reopen" }, { intent: "changeType", type: "RFA" }]) {
        expect((await staff.post(`/staff/cases/${reference}`, fields, { csrf })).status, `${who} ${fields.intent}`).toBe(403);
      }
    }
    const officer = await signedIn("officer");
    await officer.get(`/staff/cases/${reference}`);
    const csrf = officer.csrfToken();
    // Not allocated to them: no note form, and a posted one is refused.
    expect(officer.lastHtml).not.toContain('data-section="note"');
    expect((await officer.post(`/staff/cases/${reference}`, { intent: "note", text: "not mine" }, { csrf })).status).toBe(403);
    expect((await officer.post(`/staff/cases/${reference}`, { intent: "close", outcome: "duplicate" }, { csrf })).status).toBe(403);
    // Taken, it is theirs to work.
    expect((await officer.post(`/staff/cases/${reference}`, { intent: "take" }, { csrf })).status).toBe(302);
    await officer.get(`/staff/cases/${reference}`);
    expect(officer.lastHtml).toContain('data-section="note"');
    expect((await officer.post(`/staff/cases/${reference}`, { intent: "note", text: "mine now" })).status).toBe(302);
  });

  it("admin is not a manager: no restricted contact or no further contact", async () => {
    const reference = await askQuestion(`perm-${unique()}@example.com`);
    const admin = await signedIn("admin");
    await admin.get("/staff");
    const csrf = admin.csrfToken();
    expect((await admin.post(`/staff/cases/${reference}`, { intent: "restrict", arrangement: "Writing only", "reviewOn-day": "1", "reviewOn-month": "6", "reviewOn-year": "2027" }, { csrf })).status).toBe(403);
    expect((await admin.post(`/staff/cases/${reference}`, { intent: "nfc", reason: "x" }, { csrf })).status).toBe(403);
    const manager = await signedIn("manager");
    await manager.get(`/staff/cases/${reference}`);
    expect((await manager.post(`/staff/cases/${reference}`, { intent: "restrict", arrangement: "Writing only", "reviewOn-day": "1", "reviewOn-month": "6", "reviewOn-year": "2027" })).status).toBe(302);
  });

  it("staff pages and /track answers send Cache-Control: no-store; public pages do not need to", async () => {
    const email = `nostore-${unique()}@example.com`;
    const reference = await askQuestion(email);
    const officer = await signedIn("officer");
    for (const path of ["/staff", "/cy/staff", `/staff/cases/${reference}`, `/staff/cases/${reference}.data`, "/staff/cases.data", "/staff/offenders"]) {
      expect((await officer.get(path)).headers.get("cache-control"), path).toBe("no-store");
    }
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/track");
    const res = await client.post("/track", { reference, email });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(reference);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await client.get("/cy/track")).headers.get("cache-control")).toBe("no-store");
  });
});
