// After an agreement: did it work (the check), is it still needed (the review, with the next
// review date), and the Head of Customer Contact's "seen" on the notice they were sent.
import { isHeadOfCustomerContact, type StaffLike } from "../domain/adjustments/access.js";
import { reviewDateFor } from "../domain/adjustments/clocks.js";
import { isAgreed, type AdjustmentStatus } from "../domain/adjustments/decision.js";
import type { AgreeableCode } from "../domain/adjustments/needs.js";
import { updateFlag } from "../domain/parties/parties.js";
import { AdjustmentError, type DecisionForTexts, type Deps } from "./deps.js";
import { load, nowOf, outbox, record, requireDecider, requireLive, textsView } from "./store.js";

/** "Check it worked": did the adjustment help? A "no" keeps the request open for a further change. */
export async function recordCheck(deps: Deps, staff: StaffLike, reference: string, input: { worked: boolean; note: string | null }) {
  requireDecider(staff);
  const at = nowOf(deps);
  await deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    if (!isAgreed(row.status as AdjustmentStatus)) throw new AdjustmentError("not_agreed", 409);
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { checkedAt: at, checkWorked: input.worked, checkNote: input.note } });
    await record(tx, row, staff, "checked", at, { worked: input.worked });
    await outbox(tx, row.id, "checked", at, { reference, worked: input.worked, note: input.note, checkedAt: at.toISOString() });
  });
}

/** A review: the adjustment is still needed, with the next review date (at most 2 years ahead). */
export async function recordReview(deps: Deps, staff: StaffLike, reference: string, input: { reviewOn: string | null }): Promise<{ ok: true; reviewAt: Date } | { ok: false; errors: Record<string, string> }> {
  requireDecider(staff);
  const at = nowOf(deps);
  return deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    if (!isAgreed(row.status as AdjustmentStatus) || row.duration !== "ongoing") throw new AdjustmentError("not_agreed", 409);
    const review = reviewDateFor("ongoing", at, input.reviewOn);
    if (!review.ok) return { ok: false as const, errors: { reviewOn: review.error } };
    const view = textsView(row);
    const decision: DecisionForTexts = {
      outcome: row.status === "agreed" ? "agree_all" : "agree_some",
      status: row.status as "agreed" | "partly_agreed",
      agreed: (Array.isArray(row.agreedNeeds) ? row.agreedNeeds : []) as AgreeableCode[],
      instead: row.insteadText,
      reasons: null,
      alternatives: null,
      reviewAt: review.reviewAt,
      checkDueAt: row.checkDueAt,
    };
    const summaryCy = deps.texts.flagSummary(view, decision, "cy");
    if (row.flagId) await updateFlag(tx, row.flagId, { reviewAt: review.reviewAt, summary: deps.texts.flagSummary(view, decision, "en") });
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { reviewDueAt: review.reviewAt, flagSummaryCy: summaryCy } });
    await record(tx, row, staff, "reviewed", at, { reviewDueAt: review.reviewAt!.toISOString() });
    await outbox(tx, row.id, "reviewed", at, { reference, reviewDueAt: review.reviewAt!.toISOString(), reviewedAt: at.toISOString() });
    return { ok: true as const, reviewAt: review.reviewAt! };
  });
}

/** The Head of Customer Contact has seen the notice of an agreed adjustment. */
export async function acknowledgeHeadNotice(deps: Deps, staff: StaffLike, reference: string) {
  if (!isHeadOfCustomerContact(staff)) throw new AdjustmentError("forbidden", 403);
  const at = nowOf(deps);
  await deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    if (!row.headNotifiedAt || row.headSeenAt) throw new AdjustmentError("invalid", 409);
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { headSeenAt: at, headSeenById: staff.id } });
    await record(tx, row, staff, "head_seen", at);
    await outbox(tx, row.id, "head_seen", at, { reference, seenAt: at.toISOString(), seenById: staff.id });
  });
}
