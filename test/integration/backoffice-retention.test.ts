// Retention: dry run lists, real run deletes closed cases 2 years after their last activity.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNote, closeCase, createCase } from "../../server/domain/cases";
import { retentionCutoff, runRetention } from "../../server/retention/retention";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

describe("retention cutoff", () => {
  it.each([
    ["2026-12-02T10:00:00Z", "2024-12-02T23:59:59.999Z"],
    ["2026-02-28T10:00:00Z", "2024-02-28T23:59:59.999Z"],
    ["2026-07-01T10:00:00Z", "2024-07-01T22:59:59.999Z"],
  ])("at %s keeps activity after %s", (now, cutoff) => {
    expect(retentionCutoff(new Date(now)).toISOString()).toBe(cutoff);
  });
});

describe.each(ENGINES)("retention on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("a dry run lists only closed cases with no activity for 2 years; a real run deletes them and what hangs off them", async () => {
    const officer = await db.prisma.staffUser.create({ data: { email: `r-${engine}@x.test`, name: "R", passwordHash: "x", roles: ["case_officer"] } });
    const actor = { id: officer.id, roles: officer.roles };
    const at = (iso: string) => ({ prisma: db.prisma, now: () => new Date(iso) });
    const make = async (email: string) =>
      (await createCase(at("2023-01-05T10:00:00Z"), { type: "ENQ", channel: "web_form", language: "en", summary: "Old question", customer: { name: "Old Customer", email }, emails: (c) => [{ to: email, subject: `[Ref. ${c.reference}]`, text: "x", language: "en", kind: "ack" }] })).case;
    const oldClosed = await make(`old-${engine}@example.com`);
    const touched = await make(`touched-${engine}@example.com`);
    const open = await make(`open-${engine}@example.com`);
    await closeCase(at("2024-01-10T10:00:00Z"), actor, oldClosed.reference, { outcome: "advice_provided" });
    await closeCase(at("2024-01-10T10:00:00Z"), actor, touched.reference, { outcome: "advice_provided" });
    await addNote(at("2025-03-01T10:00:00Z"), actor, touched.reference, { text: "Customer wrote again" });
    // updatedAt is the database's clock; put it where the story says.
    await db.prisma.$executeRaw`UPDATE "Case" SET "updatedAt" = "closedAt" WHERE "id" IN (${oldClosed.id}::uuid, ${touched.id}::uuid)`;
    await db.prisma.$executeRaw`UPDATE "Case" SET "updatedAt" = '2023-01-05T10:00:00Z' WHERE "id" = ${open.id}::uuid`;

    const now = new Date("2026-12-02T10:00:00Z");
    const dry = await runRetention(db.prisma, { now, dryRun: true });
    expect(dry[0]!.items.map((i) => i.label)).toEqual([oldClosed.reference]);
    expect(dry[0]!.removed).toBe(0);
    expect(await db.prisma.case.count({ where: { id: oldClosed.id } })).toBe(1);

    const removedFiles: string[] = [];
    const real = await runRetention(db.prisma, { now, dryRun: false, removeFile: async (f) => void removedFiles.push(f) });
    expect(real[0]!.removed).toBe(1);
    expect(await db.prisma.case.count({ where: { id: oldClosed.id } })).toBe(0);
    expect(await db.prisma.caseEvent.count({ where: { caseId: oldClosed.id } })).toBe(0);
    expect(await db.prisma.emailMessage.count({ where: { to: `old-${engine}@example.com` } })).toBe(0);
    expect(await db.prisma.party.count({ where: { emailNormalised: `old-${engine}@example.com` } })).toBe(0);
    const outbox = await db.prisma.outboxEvent.findMany({ where: { aggregateId: oldClosed.id } });
    expect(outbox.map((e) => e.eventType)).toEqual(["case.deleted"]);
    expect(JSON.stringify(outbox[0]!.payload)).not.toContain("Old Customer");
    expect(await db.prisma.auditEvent.count({ where: { entityId: oldClosed.id, action: "retention.delete" } })).toBe(1);
    // The others stay.
    expect(await db.prisma.case.count({ where: { id: { in: [touched.id, open.id] } } })).toBe(2);
    expect((await runRetention(db.prisma, { now, dryRun: true }))[0]!.items).toEqual([]);
  });
});
