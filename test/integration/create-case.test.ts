import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, type NewCaseInput } from "../../server/domain/cases";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const enquiry = (overrides: Partial<NewCaseInput> = {}): NewCaseInput => ({
  type: "ENQ",
  channel: "web_form",
  language: "en",
  summary: "Can my employer share my address?",
  customer: { name: "Sam Jones", email: "Sam.Jones@Example.com" },
  ...overrides,
});

describe.each(ENGINES)("createCase on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("writes the case, parties, timeline, audit, outbox and email together", async () => {
    const now = new Date("2026-11-20T10:00:00Z"); // a Friday
    const { case: created, created: isNew } = await createCase(
      { prisma: db.prisma, now: () => now },
      enquiry({ emails: (c) => [{ to: "sam.jones@example.com", subject: `Ack [Ref. ${c.reference}]`, text: "hi", language: "en", kind: "ack" }] }),
    );
    expect(isNew).toBe(true);
    expect(created.reference).toMatch(/^ENQ\d{7}$/);
    expect(created.workQueue).toBe("1");
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id: created.id }, include: { parties: { include: { party: true } }, events: true } });
    expect(row.status).toBe("queued");
    // 3 working days from Friday 20 Nov 2026 is Wednesday 25 Nov, end of the London day.
    expect(row.queueDueAt.toISOString()).toBe("2026-11-25T23:59:59.999Z");
    expect(row.underWayDueAt.toISOString()).toBe("2026-12-04T23:59:59.999Z");
    expect(row.parties).toHaveLength(1);
    expect(row.parties[0]!.party.emailNormalised).toBe("sam.jones@example.com");
    expect(row.events.map((e) => e.kind).sort()).toEqual(["acknowledgement_queued", "created", "queued"]);
    expect(await db.prisma.outboxEvent.count({ where: { aggregateId: created.id, eventType: "case.created" } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { entityId: created.id, action: "case.create" } })).toBe(1);
    const email = await db.prisma.emailMessage.findFirstOrThrow({ where: { caseId: created.id } });
    expect(email.subject).toBe(`Ack [Ref. ${created.reference}]`);
  });

  it("routes a concern by sector and marks Welsh cases in the title", async () => {
    const { case: created } = await createCase(
      { prisma: db.prisma },
      enquiry({ type: "RFA", language: "cy", organisation: { name: "Cyngor Sir Enghraifft", sector: "local_government", location: "uk" } }),
    );
    expect(created.workQueue).toBe("13");
    expect(created.reference).toMatch(/^RFA\d{7}$/);
    expect(created.title).toMatch(/^Welsh language/);
  });

  it("creates one case for the same idempotency key, even at the same moment", async () => {
    const key = `key-${engine}-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => createCase({ prisma: db.prisma }, enquiry({ idempotencyKey: key }))));
    const references = new Set(results.map((r) => r.case.reference));
    expect(references.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.prisma.case.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("gives concurrent cases unique, consecutive references", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => createCase({ prisma: db.prisma }, enquiry({ type: "FS50", organisation: { name: "Dept", sector: "central_government" } }))));
    const numbers = results.map((r) => Number(r.case.reference.slice(4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.at(-1)! - numbers[0]!).toBe(19);
    expect(results[0]!.case.reference).toHaveLength(10);
  });

  it("matches a returning customer by normalised email", async () => {
    await createCase({ prisma: db.prisma }, enquiry({ customer: { name: "Ann", email: "  ANN@example.org " } }));
    await createCase({ prisma: db.prisma }, enquiry({ customer: { name: "Ann Lee", email: "ann@example.org" } }));
    const parties = await db.prisma.party.findMany({ where: { emailNormalised: "ann@example.org" }, include: { cases: true } });
    expect(parties).toHaveLength(1);
    expect(parties[0]!.cases).toHaveLength(2);
    expect(parties[0]!.name).toBe("Ann Lee");
  });

  it("leaves nothing behind when any part fails", async () => {
    const before = await Promise.all([db.prisma.case.count(), db.prisma.party.count(), db.prisma.outboxEvent.count(), db.prisma.auditEvent.count()]);
    await expect(
      createCase(
        { prisma: db.prisma },
        enquiry({
          customer: { name: "Nobody", email: "nobody-new@example.net" },
          emails: () => {
            throw new Error("template failed");
          },
        }),
      ),
    ).rejects.toThrow("template failed");
    const after = await Promise.all([db.prisma.case.count(), db.prisma.party.count(), db.prisma.outboxEvent.count(), db.prisma.auditEvent.count()]);
    expect(after).toEqual(before);
  });
});
