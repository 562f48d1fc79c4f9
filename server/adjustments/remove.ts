// Removing a request's details when the customer no longer needs it or asks us to delete them.
import { type StaffLike } from "../domain/adjustments/access.js";
import { londonDate, type IsoDate } from "../domain/cases/working-days.js";
import { clearFlag } from "../domain/parties/parties.js";
import { AdjustmentError, type Deps } from "./deps.js";
import { load, nowOf, outbox, record, requireDecider, requireLive } from "./store.js";

/** The outbox aggregate of a request, whose earlier events are redacted on removal. */
const AGGREGATE = "adjustment_request";

/**
 * The customer no longer needs it (or asked us to delete it): every detail is deleted
 * (the request's fields, its emails, its timeline, its conferences, the details in its
 * earlier outbox events) and the flag is cleared, its words replaced by the dated note.
 * What is left is the reference, the dates and the note that it was removed.
 */
export async function removeRequest(deps: Deps, staff: StaffLike, reference: string, input: { requestedOn: IsoDate }) {
  requireDecider(staff);
  const at = nowOf(deps);
  if (input.requestedOn > londonDate(at)) throw new AdjustmentError("invalid", 400, { requestedOn: "future" });
  await deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    const emails = await tx.adjustmentEmail.findMany({ where: { requestId: row.id }, select: { emailMessageId: true } });
    await tx.emailMessage.deleteMany({ where: { id: { in: emails.map((e) => e.emailMessageId) } } });
    await tx.adjustmentEvent.deleteMany({ where: { requestId: row.id } });
    await tx.adjustmentConference.deleteMany({ where: { requestId: row.id } });
    if (row.flagId) {
      await clearFlag(tx, row.flagId, { clearedById: staff.id, at, note: deps.texts.removalNote(input.requestedOn, "en") });
    }
    await tx.adjustmentRequest.update({
      where: { id: row.id },
      data: {
        status: "removed",
        needs: [],
        otherNeed: null,
        duration: null,
        caseId: null,
        difficulty: null,
        difficultyConsentAt: null,
        consentTokenHash: null,
        name: null,
        email: null,
        phone: null,
        postalAddress: null,
        replyBy: null,
        insteadText: null,
        declineReasons: null,
        alternatives: null,
        reviewDueAt: null,
        checkDueAt: null,
        checkNote: null,
        flagSummaryCy: deps.texts.removalNote(input.requestedOn, "cy"),
        removedAt: at,
        removalRequestedOn: input.requestedOn,
        idempotencyKey: null,
      },
    });
    await tx.$executeRaw`UPDATE "AdjustmentRequest" SET "agreedNeeds" = NULL WHERE id = ${row.id}::uuid`;
    // Earlier events keep their type and time for the back office's sequence, not the details.
    await tx.outboxEvent.updateMany({ where: { aggregateType: AGGREGATE, aggregateId: row.id }, data: { payload: { reference, redacted: true } } });
    await record(tx, row, staff, "removed", at, { requestedOn: input.requestedOn });
    await outbox(tx, row.id, "removed", at, { reference, requestedOn: input.requestedOn, removedAt: at.toISOString() });
  });
}
