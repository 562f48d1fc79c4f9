// Nuisance reports against real databases (PGlite always, PostgreSQL when TEST_DATABASE_URL is set):
// all contacts with the report and its outbox event in one transaction, or nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNuisanceReport, type DraftContact, type ReportInput } from "../../server/domain/nuisance";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const contact = (over: Partial<DraftContact>): DraftContact => ({
  id: crypto.randomUUID(),
  kind: "live_call",
  date: "2026-11-30",
  time: "10:15",
  fromStatus: "given",
  from: "07700 900123",
  to: "",
  company: "",
  topic: "pensions",
  message: "",
  subject: "",
  description: "",
  ...over,
});

const FIVE: DraftContact[] = [
  contact({ from: "07700 900123", company: "Acme Solar Ltd" }),
  contact({ kind: "recorded_call", from: "+44 7700 900123", time: null, topic: "accident_claims" }),
  contact({ kind: "text", from: "0909 879 0000", message: "You have won <script>alert(1)</script>" }),
  contact({ kind: "email", from: "Prize <win@prize.example>", subject: "Claim now", topic: "other" }),
  contact({ kind: "fax", fromStatus: "withheld", from: "", topic: "insurance" }),
];

describe.each(ENGINES)("nuisance reports on %s", (engine) => {
  let db: TestDatabase;
  const now = () => new Date("2026-12-01T09:00:00Z");
  const input = (over: Partial<ReportInput> = {}): ReportInput => ({
    language: "en",
    contacts: FIVE,
    about: { tps: "yes", registeredOn: "2026-11-20", consent: "no", askedToStop: "yes" },
    you: { wantsReply: false, name: null, email: "pat@example.com", phone: null },
    idempotencyKey: crypto.randomUUID(),
    acknowledgement: ({ reference }) => ({ to: "pat@example.com", subject: `Report ${reference}`, text: "Thanks", language: "en", kind: "nuisance_acknowledgement" }),
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("stores a report with 5 mixed contacts, its outbox event and the acknowledgement together", async () => {
    const stored = await submitNuisanceReport({ prisma: db.prisma, now }, input());
    expect(stored.reference).toMatch(/^NUI\d{7}$/);
    expect(stored.advice).toEqual(["tps_wait", "forward_7726", "block", "phishing", "premium_rate"]);
    const contacts = await db.prisma.nuisanceContact.findMany({ where: { reportId: stored.id }, orderBy: { position: "asc" } });
    expect(contacts.map((c) => [c.kind, c.fromNumber, c.senderAddress, c.fromStatus])).toEqual([
      ["live_call", "+447700900123", null, "given"],
      ["recorded_call", "+447700900123", null, "given"],
      ["text", "+449098790000", null, "given"],
      ["email", null, "win@prize.example", "given"],
      ["fax", null, null, "withheld"],
    ]);
    // TPS per contact (issue 13): registered on 20 November, so calls before 18 December were not
    // yet covered; texts, emails and faxes never are.
    expect(contacts[0]).toMatchObject({ companyNormalised: "acme solar", tpsRegistered: false, fromTyped: "07700 900123" });
    expect(contacts.map((c) => c.tpsRegistered)).toEqual([false, false, false, false, false]);
    expect(contacts[1]!.timeKnown).toBe(false);
    expect(contacts[2]).toMatchObject({ premiumRate: true, message: "You have won <script>alert(1)</script>" });
    const events = await db.prisma.outboxEvent.findMany({ where: { aggregateType: "nuisance_report", aggregateId: stored.id } });
    expect(events).toHaveLength(1);
    expect((events[0]!.payload as { contacts: unknown[] }).contacts).toHaveLength(5);
    expect(await db.prisma.emailMessage.count({ where: { subject: `Report ${stored.reference}` } })).toBe(1);
  });

  it("records TPS per contact where it applies, and carries the reply details when a reply is wanted", async () => {
    const stored = await submitNuisanceReport(
      { prisma: db.prisma, now },
      input({
        about: { tps: "yes", registeredOn: "2026-09-01", consent: "no", askedToStop: "yes" },
        contacts: [contact({ date: "2026-11-30", from: "07700 900555" }), contact({ kind: "text", date: "2026-11-30", from: "07700 900555" }), contact({ kind: "recorded_call", date: "2026-09-10", from: "07700 900555" })],
        you: { wantsReply: true, name: "Pat Jones", email: "pat@example.com", phone: null },
      }),
    );
    const contacts = await db.prisma.nuisanceContact.findMany({ where: { reportId: stored.id }, orderBy: { position: "asc" } });
    // A call 90 days after registering: covered. A text: never. A call 9 days after: not yet.
    expect(contacts.map((c) => [c.kind, c.tpsRegistered])).toEqual([["live_call", true], ["text", false], ["recorded_call", false]]);
    const offender = await db.prisma.nuisanceOffender.findUniqueOrThrow({ where: { dimension_key: { dimension: "number", key: "+447700900555" } } });
    expect([offender.total, offender.tpsCount]).toEqual([3, 1]);
    const event = await db.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateType: "nuisance_report", aggregateId: stored.id } });
    const payload = event.payload as { wantsReply: boolean; replyTo: unknown; contacts: { tpsRegistered: boolean }[] };
    expect(payload.wantsReply).toBe(true);
    expect(payload.replyTo).toEqual({ name: "Pat Jones", email: "pat@example.com", phone: null });
    expect(payload.contacts.map((c) => c.tpsRegistered)).toEqual([true, false, false]);
    // Staff see who wants a reply beside each of that report's contacts.
    const { offenderContacts } = await import("../../server/domain/nuisance");
    const seen = await offenderContacts(db.prisma, "number", "+447700900555", 10);
    expect(seen.map((c) => c.replyTo)).toEqual(Array(3).fill({ name: "Pat Jones", email: "pat@example.com", phone: null }));
  });

  it("the same idempotency key twice stores one report", async () => {
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([submitNuisanceReport({ prisma: db.prisma, now }, input({ idempotencyKey: key })), submitNuisanceReport({ prisma: db.prisma, now }, input({ idempotencyKey: key }))]);
    expect(a.reference).toBe(b.reference);
    expect(await db.prisma.nuisanceReport.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("a contact that cannot be stored leaves nothing: no report, contacts, outbox event, email or reference used", async () => {
    const before = {
      reports: await db.prisma.nuisanceReport.count(),
      contacts: await db.prisma.nuisanceContact.count(),
      events: await db.prisma.outboxEvent.count(),
      emails: await db.prisma.emailMessage.count(),
      counter: (await db.prisma.referenceCounter.findUnique({ where: { type: "NUI" } }))?.value,
    };
    const bad = [...FIVE.slice(0, 4), contact({ kind: "pigeon" as never })];
    await expect(submitNuisanceReport({ prisma: db.prisma, now }, input({ contacts: bad }))).rejects.toThrow();
    const bogusEml = [...FIVE.slice(0, 4), contact({ kind: "email", from: "a@b.example", emlId: crypto.randomUUID() })];
    await expect(submitNuisanceReport({ prisma: db.prisma, now }, input({ contacts: bogusEml }))).rejects.toThrow("eml_missing");
    expect({
      reports: await db.prisma.nuisanceReport.count(),
      contacts: await db.prisma.nuisanceContact.count(),
      events: await db.prisma.outboxEvent.count(),
      emails: await db.prisma.emailMessage.count(),
      counter: (await db.prisma.referenceCounter.findUnique({ where: { type: "NUI" } }))?.value,
    }).toEqual(before);
  });

  it("refuses no contacts and more than the stated maximum", async () => {
    await expect(submitNuisanceReport({ prisma: db.prisma, now }, input({ contacts: [] }))).rejects.toThrow("no_contacts");
    const many = Array.from({ length: 51 }, () => contact({}));
    await expect(submitNuisanceReport({ prisma: db.prisma, now }, input({ contacts: many }))).rejects.toThrow("too_many");
    const fifty = Array.from({ length: 50 }, () => contact({}));
    const stored = await submitNuisanceReport({ prisma: db.prisma, now }, input({ contacts: fifty }));
    expect(await db.prisma.nuisanceContact.count({ where: { reportId: stored.id } })).toBe(50);
  });
});

describe.each(ENGINES)("offender summary on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("what each report adds equals a rebuild from the contacts, and the list reads it", async () => {
    const { listOffenders, rebuildSummary } = await import("../../server/domain/nuisance");
    const now = new Date("2026-12-01T09:00:00Z");
    const days = [0, 3, 10, 40, 100];
    for (const [i, ago] of days.entries()) {
      const date = new Date(now.getTime() - ago * 86_400_000).toISOString().slice(0, 10);
      await submitNuisanceReport(
        { prisma: db.prisma, now: () => now },
        {
          language: "en",
          contacts: [
            contact({ date, from: i % 2 ? "+44 1632 960001" : "01632 960001", company: i % 2 ? "Acme Solar Ltd" : "ACME SOLAR LIMITED", topic: i === 4 ? "debt" : "pensions" }),
            contact({ kind: "email", date, from: `x${i}@spam.example`, topic: "investments" }),
          ],
          about: { tps: i < 3 ? "yes" : "no", registeredOn: null, consent: "no", askedToStop: "yes" },
          you: { wantsReply: false, name: null, email: null, phone: null },
          idempotencyKey: crypto.randomUUID(),
        },
      );
    }
    const snapshot = async () => (await db.prisma.nuisanceOffender.findMany({ orderBy: [{ dimension: "asc" }, { key: "asc" }] })).map(({ label: _label, ...r }) => r);
    const incremental = await snapshot();
    await rebuildSummary(db.prisma, now);
    expect(await snapshot()).toEqual(incremental);
    const number = incremental.find((r) => r.dimension === "number")!;
    expect(number).toMatchObject({ key: "+441632960001", total: 5, d7: 2, d30: 3, d90: 4, tpsCount: 3 });

    const list = await listOffenders(db.prisma, { dimension: "number" }, now);
    expect(list.rows[0]).toMatchObject({ key: "+441632960001", total: 5, d30: 3, kinds: ["live_call"], topTopics: [{ topic: "pensions", count: 4 }, { topic: "debt", count: 1 }] });
    expect(list.rows[0]!.tpsShare).toBeCloseTo(0.6);
    const companies = await listOffenders(db.prisma, { dimension: "company", q: "acme solar plc" }, now);
    expect(companies.rows.map((r) => [r.key, r.total])).toEqual([["acme solar", 5]]);
    const domains = await listOffenders(db.prisma, { dimension: "domain", kind: "email" }, now);
    expect(domains.rows.map((r) => [r.key, r.total])).toEqual([["spam.example", 5]]);
    expect((await listOffenders(db.prisma, { dimension: "sender", sort: "total", dir: "asc" }, now)).groups).toBe(5);
    expect((await listOffenders(db.prisma, { dimension: "number", kind: "fax" }, now)).rows).toEqual([]);
  });
});

describe.each(ENGINES)("nuisance retention on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("deletes reports past the retention with their contacts, and unsent .eml files after a day; rebuilds the summary once a day", async () => {
    const { purgeNuisance } = await import("../../server/domain/nuisance");
    const now = new Date("2026-12-01T09:00:00Z");
    const base = { language: "en" as const, about: { tps: "no" as const, registeredOn: null, consent: "no" as const, askedToStop: "yes" as const }, you: { wantsReply: false, name: null, email: null, phone: null } };
    const old = await submitNuisanceReport({ prisma: db.prisma, now: () => new Date(now.getTime() - 800 * 86_400_000) }, { ...base, contacts: [contact({ date: "2024-09-20" })], idempotencyKey: crypto.randomUUID() });
    const recent = await submitNuisanceReport({ prisma: db.prisma, now: () => now }, { ...base, contacts: [contact({})], idempotencyKey: crypto.randomUUID() });
    await db.prisma.nuisanceEml.create({ data: { draftId: "d", fileName: "x.eml", sizeBytes: 1, sha256: "x", base64: "eA==", createdAt: new Date(now.getTime() - 2 * 86_400_000) } });
    const first = await purgeNuisance({ prisma: db.prisma, now: () => now, retentionDays: 730 });
    expect(first).toEqual({ reports: 1, emls: 1, rebuilt: true });
    expect(await db.prisma.nuisanceReport.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.prisma.nuisanceReport.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.prisma.nuisanceContact.count({ where: { reportId: old.id } })).toBe(0);
    expect((await db.prisma.nuisanceOffender.findUnique({ where: { dimension_key: { dimension: "number", key: "+447700900123" } } }))?.total).toBe(1);
    expect(await purgeNuisance({ prisma: db.prisma, now: () => now, retentionDays: 730 })).toEqual({ reports: 0, emls: 0, rebuilt: false });
  });
});
