// The read API: tokens made and revoked by admins in the staff area, scopes, bad tokens,
// rate limits, JSON Schemas and CSV; token expiry against the database directly.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CaseSummarySchema } from "../../server/api/schemas";
import { authenticateToken, createApiToken } from "../../server/api/tokens";
import type { BrowserLikeClient } from "../support/browser-like-client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");

const admin = () => signInAs(baseUrl, "admin");

async function makeToken(staff: BrowserLikeClient, name: string, scopes: string[]) {
  await staff.get("/staff/api-tokens");
  const body = new URLSearchParams([["csrf", staff.csrfToken()], ["name", name], ["days", "30"], ...scopes.map((s) => ["scopes", s] as [string, string])]);
  const res = await fetch(`${baseUrl}/staff/api-tokens`, { method: "POST", body, headers: { cookie: staff.cookieHeader(), "content-type": "application/x-www-form-urlencoded" } });
  const html = await res.text();
  expect(res.status, html.slice(0, 500)).toBe(200);
  return /data-token="(dst_[A-Za-z0-9_-]+)"/.exec(html)![1]!;
}

const api = (path: string, token?: string) => fetch(`${baseUrl}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("read API", () => {
  it("401 without a token, with a forged one, and after revoking; 403 without the scope; 200 with it", async () => {
    const staff = await admin();
    const casesToken = await makeToken(staff, "Back office (cases)", ["cases:read", "events:read"]);
    const noScope = await makeToken(staff, "Adjustments only", ["adjustments:read"]);

    for (const [label, res] of [
      ["none", await api("/cases")],
      ["forged", await api("/cases", "dst_" + "A".repeat(43))],
      ["garbage", await fetch(`${baseUrl}/api/v1/cases`, { headers: { authorization: "Bearer ' OR 1=1 --" } })],
      ["basic", await fetch(`${baseUrl}/api/v1/cases`, { headers: { authorization: "Basic YWRtaW46YWRtaW4=" } })],
    ] as const) {
      expect(res.status, label).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.json()).toEqual({ error: "unauthorized", message: "A valid bearer token is required." });
    }

    let res = await api("/cases?sort=received", casesToken);
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.total).toBeGreaterThan(0);
    // Exactly the fields the published schema names, in the list's order (no ids): one more or one fewer fails.
    const fields = ["reference", "type", "title", "status", "language", "channel", "workQueue", "createdAt", "openedAt", "nextDueAt", "closedAt", "outcome", "officer", "clock", "flags"];
    expect(Object.keys(CaseSummarySchema.shape).sort()).toEqual([...fields].sort());
    expect(page.cases.length).toBeGreaterThan(0);
    for (const c of page.cases) expect(Object.keys(c)).toEqual(fields);
    const reference = page.cases[0].reference;
    res = await api(`/cases/${reference}`, casesToken);
    expect(res.status).toBe(200);
    expect((await res.json()).clocks).toHaveProperty("underWayBy");
    expect((await api("/cases/NOPE", casesToken)).status).toBe(404);

    expect((await api("/adjustments", casesToken)).status).toBe(403);
    expect((await api("/cases", noScope)).status).toBe(403);
    expect((await api("/adjustments", noScope)).status).toBe(200);

    // Events since a cursor: cursor moves forward; bad cursors are refused.
    res = await api("/events?after=0&limit=5", casesToken);
    const events = await res.json();
    expect(Array.isArray(events.events)).toBe(true);
    expect((await api("/events?after=-1", casesToken)).status).toBe(400);
    expect((await api("/events?after=1;DROP", casesToken)).status).toBe(400);

    // CSV for the same filters.
    res = await api("/cases.csv?status=all", casesToken);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect((await res.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("reference,type,status,title,language,channel,work_queue,officer,received_at,opened_at,next_due_at,clock,closed_at,outcome");

    // Revoke: the token stops working at once.
    await staff.get("/staff/api-tokens");
    const id = new RegExp(`data-token-id="([0-9a-f-]{36})"[\\s\\S]*?Adjustments only`).exec(staff.lastHtml)?.[1] ?? /data-token-id="([0-9a-f-]{36})"/.exec(staff.lastHtml)![1]!;
    // The revoke button's form (the kit's IntentForm) posts what this test posts, with the CSRF field.
    const revokeForm = new RegExp(`<form[^>]*method="post"[^>]*>((?:(?!</form>)[\\s\\S])*?name="id" value="${id}"[\\s\\S]*?)</form>`).exec(staff.lastHtml)?.[1] ?? "";
    expect(revokeForm).toContain('name="intent" value="revoke"');
    expect(revokeForm).toMatch(/name="csrf" value="[^"]+"/);
    expect((await staff.post("/staff/api-tokens", { intent: "revoke", id })).status).toBe(200);
    expect((await api("/adjustments", noScope)).status).toBe(401);
  });

  it("serves each event only to a token holding the scope for its kind of record", async () => {
    const staff = await admin();
    const eventsOnly = await makeToken(staff, "Events only", ["events:read"]);
    const casesEvents = await makeToken(staff, "Cases and events", ["cases:read", "events:read"]);
    const reportsEvents = await makeToken(staff, "Reports and events", ["reports:read", "events:read"]);
    const adjustmentsEvents = await makeToken(staff, "Adjustments and events", ["adjustments:read", "events:read"]);
    const kinds = async (token: string) => {
      const body = await (await api("/events?after=0&limit=500", token)).json();
      return new Set<string>(body.events.map((e: { aggregate: { type: string } }) => e.aggregate.type));
    };
    // The demo cases' events are held back for 10 s after they are written; wait for them.
    let seen = new Set<string>();
    for (let i = 0; i < 60 && !seen.has("case"); i++) {
      seen = await kinds(casesEvents);
      if (!seen.has("case")) await new Promise((r) => setTimeout(r, 500));
    }
    expect(seen.has("case")).toBe(true);
    expect([...seen].every((k) => ["case", "party", "concern_attachment", "concern_draft"].includes(k))).toBe(true);
    expect([...(await kinds(eventsOnly))]).toEqual([]);
    expect([...(await kinds(reportsEvents))].every((k) => k === "nuisance_report")).toBe(true);
    expect([...(await kinds(adjustmentsEvents))].every((k) => k === "adjustment_request")).toBe(true);
  });

  it("only admins manage tokens", async () => {
    const officer = await signInAs(baseUrl, "officer");
    expect((await officer.get("/staff/api-tokens")).status).toBe(403);
  });

  it("publishes JSON Schemas generated from the zod schemas, without a token", async () => {
    for (const name of ["case", "case-list", "event", "event-page", "adjustment", "report"]) {
      const res = await fetch(`${baseUrl}/api/v1/schema/${name}.json`);
      expect(res.status, name).toBe(200);
      const schema = await res.json();
      expect(schema.$schema).toContain("json-schema.org");
      expect(schema.type).toBe("object");
    }
    const event = await (await fetch(`${baseUrl}/api/v1/schema/event.json`)).json();
    expect(event.required).toEqual(expect.arrayContaining(["id", "type", "version", "occurredAt", "aggregate", "data"]));
    expect((await fetch(`${baseUrl}/api/v1/schema/..%2f..%2fetc%2fpasswd.json`)).status).toBe(404);
  });
});

describe("tokens in the database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("keeps only a hash, and refuses an expired token", async () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const { token, id } = await createApiToken(db.prisma, { name: "x", scopes: ["cases:read"], days: 1, createdById: null, now });
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await authenticateToken(db.prisma, `Bearer ${token}`, now)).toMatchObject({ ok: true, scopes: ["cases:read"] });
    expect(await authenticateToken(db.prisma, `Bearer ${token}`, new Date(now.getTime() + 25 * 3600_000))).toEqual({ ok: false, reason: "expired" });
    expect(await authenticateToken(db.prisma, `Bearer ${token}x`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateToken(db.prisma, undefined, now)).toEqual({ ok: false, reason: "missing" });
  });
});
