// Adjustment requests' retention (issue 12): declined ones and agreed one-off ones go two years
// after their last change, with their emails (the consent-withdrawal link's too), timeline, flag,
// outbox events and a person nothing else names; requests still in force, undecided ones and those
// inside the period stay. Runs the retention-adjustments job's own function on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdjustmentTexts } from "../../app/lib/adjustments-texts.server";
import { submitAdjustmentRequest } from "../../server/adjustments";
import { JOB_CATALOGUE } from "../../server/jobs/catalogue";
import { TIMETABLE } from "../../server/jobs/background";
import { purgeAdjustments, retentionPolicies, runRetention } from "../../server/retention/retention";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const NOW = new Date("2026-12-01T12:00:00Z");
const monthsAgo = (n: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - n, NOW.getUTCDate(), 12));

describe.each(ENGINES)("adjustment requests' retention on %s", (engine) => {
  let db: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A request as the public form makes it (acknowledgement with a consent-withdrawal link), then put in the given state. */
  async function request(state: { status: "received" | "agreed" | "partly_agreed" | "declined" | "removed"; duration: "one_off" | "ongoing"; lastChange: Date }) {
    const made = await submitAdjustmentRequest(
      { prisma: db.prisma, now: () => state.lastChange, texts: createAdjustmentTexts("http://localhost") },
      {
        language: "en",
        needs: [{ code: "large_print" } as never],
        otherNeed: null,
        duration: state.duration,
        caseReference: null,
        difficulty: "Reading small print",
        consent: true,
        name: `Rhian Retention ${n}`,
        email: `retention-${n++}@example.org`,
        phone: null,
        postalAddress: null,
        replyBy: "email",
        idempotencyKey: `retention-${engine}-${n}`,
        withdrawConsentUrl: (token) => `http://localhost/adjustments/consent/${token}`,
      },
    );
    // The decision itself is another area's (server/domain/adjustments); here only its outcome and date matter.
    await db.prisma.$executeRaw`UPDATE "AdjustmentRequest" SET status = ${state.status}::"AdjustmentStatus", "decidedAt" = ${state.lastChange}, "updatedAt" = ${state.lastChange} WHERE id = ${made.id}::uuid`;
    const row = await db.prisma.adjustmentRequest.findUniqueOrThrow({ where: { id: made.id }, select: { partyId: true, emails: { select: { emailMessageId: true } } } });
    return { id: made.id, reference: made.reference, partyId: row.partyId!, emailIds: row.emails.map((e) => e.emailMessageId) };
  }

  it("deletes what is past its period with everything hanging off it, and keeps the rest", async () => {
    const declinedOld = await request({ status: "declined", duration: "ongoing", lastChange: monthsAgo(25) });
    const oneOffOld = await request({ status: "agreed", duration: "one_off", lastChange: monthsAgo(30) });
    const partlyOneOffOld = await request({ status: "partly_agreed", duration: "one_off", lastChange: monthsAgo(26) });
    const declinedRecent = await request({ status: "declined", duration: "one_off", lastChange: monthsAgo(23) });
    const ongoingOld = await request({ status: "agreed", duration: "ongoing", lastChange: monthsAgo(40) });
    const undecidedOld = await request({ status: "received", duration: "one_off", lastChange: monthsAgo(40) });
    const gone = [declinedOld, oneOffOld, partlyOneOffOld];
    const kept = [declinedRecent, ongoingOld, undecidedOld];
    expect(gone.every((r) => r.emailIds.length === 1)).toBe(true);

    // The admin's dry run (/staff/retention) lists exactly these.
    const [dry] = (await runRetention(db.prisma, { now: NOW, dryRun: true, policies: retentionPolicies({ nuisanceRetentionDays: 730, chatRetentionDays: 365 }) })).filter((r) => r.policy === "adjustment_requests");
    expect(dry!.items.map((i) => i.label).sort()).toEqual(gone.map((r) => r.reference).sort());

    const [report] = await purgeAdjustments(db.prisma, NOW);
    expect(report).toMatchObject({ policy: "adjustment_requests", removed: 3 });

    for (const r of gone) {
      expect(await db.prisma.adjustmentRequest.count({ where: { id: r.id } }), r.reference).toBe(0);
      expect(await db.prisma.emailMessage.count({ where: { id: { in: r.emailIds } } })).toBe(0);
      expect(await db.prisma.adjustmentEvent.count({ where: { requestId: r.id } })).toBe(0);
      expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "adjustment_request", aggregateId: r.id } })).toBe(0);
      expect(await db.prisma.party.count({ where: { id: r.partyId } })).toBe(0);
    }
    for (const r of kept) {
      expect(await db.prisma.adjustmentRequest.count({ where: { id: r.id } }), r.reference).toBe(1);
      expect(await db.prisma.emailMessage.count({ where: { id: { in: r.emailIds } } })).toBe(1);
      expect(await db.prisma.party.count({ where: { id: r.partyId } })).toBe(1);
    }
    expect(await db.prisma.auditEvent.count({ where: { action: "retention.delete", entityType: "AdjustmentRequest" } })).toBe(1);
    // Run again: nothing more is due.
    expect((await purgeAdjustments(db.prisma, NOW))[0]!.removed).toBe(0);
  });

  it("is a timetabled job on the queue", () => {
    expect(JOB_CATALOGUE["retention-adjustments"].policy).toBe("stately");
    expect(TIMETABLE["retention-adjustments"]).toMatch(/^\d+ \d+ \* \* \*$/);
  });
});
