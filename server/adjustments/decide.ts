// Taking and deciding a request, and telling the customer. Agreeing records the adjustments as
// a flag on the customer's party and tells every Head of Customer Contact; declining clears it.
import { checkDueAt, reviewDateFor } from "../domain/adjustments/clocks.js";
import { canTake, type StaffLike } from "../domain/adjustments/access.js";
import { canDecide, isAgreed, validateDecision, type AdjustmentStatus, type DecisionInput } from "../domain/adjustments/decision.js";
import { agreeableCodes } from "../domain/adjustments/needs.js";
import { clearFlag, findOrCreatePerson, setFlag, updateFlag } from "../domain/parties/parties.js";
import { AdjustmentError, type DecisionForTexts, type Deps, type Lang } from "./deps.js";
import { load, nowOf, outbox, queueEmail, record, requireDecider, requireLive, textsView } from "./store.js";

export async function takeRequest(deps: Deps, staff: StaffLike, reference: string) {
  const at = nowOf(deps);
  await deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    if (!canTake(staff, row)) throw new AdjustmentError("forbidden", 403);
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { assignedToId: staff.id, assignedAt: at } });
    await record(tx, row, staff, "assigned", at, { assignedToId: staff.id });
    await outbox(tx, row.id, "assigned", at, { reference, assignedToId: staff.id, assignedAt: at.toISOString() });
  });
}

export type DecideResult = { ok: true; decision: DecisionForTexts; flagId: string | null } | { ok: false; errors: Record<string, string> };

/**
 * Records a decision. Agreeing (all or some) records the agreed adjustments on the
 * customer's party as a reasonable-adjustment flag with its review date, sets the
 * "check it worked" date and tells every active Head of Customer Contact; declining
 * clears any flag an earlier decision set. The customer is told separately from any
 * case: by email now when that is how they asked to hear, otherwise staff record the
 * call, text or letter afterwards (markTold).
 */
export async function decideRequest(deps: Deps, staff: StaffLike, reference: string, input: DecisionInput & { reviewOn?: string | null }, staffLang: Lang): Promise<DecideResult> {
  requireDecider(staff);
  const at = nowOf(deps);
  return deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    if (!canDecide(row.status as AdjustmentStatus, row.decidedAt, row.conferences)) throw new AdjustmentError("cannot_decide", 409);
    const view = textsView(row);
    const checked = validateDecision(agreeableCodes(view.needs, row.otherNeed), input);
    const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
    const agreed = checked.ok && isAgreed(checked.decision.status);
    const review = reviewDateFor(view.duration, at, agreed ? input.reviewOn : null);
    if (!review.ok) errors.reviewOn = review.error;
    if (!checked.ok || !review.ok) return { ok: false as const, errors };
    const decision: DecisionForTexts = { ...checked.decision, reviewAt: agreed ? review.reviewAt : null, checkDueAt: agreed ? checkDueAt(at) : null };

    let flagId = row.flagId;
    let flagSummaryCy: string | null = null;
    if (agreed) {
      const partyId = row.partyId ?? (await findOrCreatePerson(tx, { name: view.name, email: row.email, phone: row.phone, preferredLanguage: row.correspondenceLanguage }, "keep"));
      const summary = deps.texts.flagSummary(view, decision, "en");
      flagSummaryCy = deps.texts.flagSummary(view, decision, "cy");
      if (flagId) {
        await updateFlag(tx, flagId, { summary, reviewAt: decision.reviewAt, reactivate: true });
      } else {
        flagId = await setFlag(tx, { partyId, kind: "reasonable_adjustment", summary, reviewAt: decision.reviewAt, setById: staff.id, at });
      }
      if (!row.partyId) await tx.adjustmentRequest.update({ where: { id: row.id }, data: { partyId } });
    } else if (flagId) {
      await clearFlag(tx, flagId, { clearedById: staff.id, at });
    }

    const byEmail = row.replyBy === "email" && row.email;
    await tx.adjustmentRequest.update({
      where: { id: row.id },
      data: {
        status: decision.status,
        decidedAt: at,
        decidedById: staff.id,
        agreedNeeds: decision.agreed,
        insteadText: decision.instead,
        declineReasons: decision.reasons,
        alternatives: decision.alternatives,
        reviewDueAt: decision.reviewAt,
        checkDueAt: decision.checkDueAt,
        checkedAt: null,
        checkWorked: null,
        checkNote: null,
        decisionToldAt: byEmail ? at : null,
        decisionToldById: byEmail ? staff.id : null,
        flagId: agreed ? flagId : row.flagId,
        flagSummaryCy: agreed ? flagSummaryCy : row.flagSummaryCy,
        headNotifiedAt: agreed ? at : row.headNotifiedAt,
        headSeenAt: agreed ? null : row.headSeenAt,
        headSeenById: agreed ? null : row.headSeenById,
        assignedToId: row.assignedToId ?? staff.id,
        assignedAt: row.assignedAt ?? at,
      },
    });
    await record(tx, row, staff, "decided", at, { outcome: decision.outcome, agreed: decision.agreed, flagId: agreed ? flagId : null });
    await outbox(tx, row.id, "decided", at, {
      reference,
      status: decision.status,
      outcome: decision.outcome,
      agreed: decision.agreed,
      instead: decision.instead,
      reasons: decision.reasons,
      alternatives: decision.alternatives,
      reviewDueAt: decision.reviewAt?.toISOString() ?? null,
      checkDueAt: decision.checkDueAt?.toISOString() ?? null,
      decidedAt: at.toISOString(),
      decidedById: staff.id,
      partyFlagId: agreed ? flagId : null,
    });
    if (byEmail) {
      const email = deps.texts.decision(view, decision);
      if (email) {
        await queueEmail(tx, row.id, email, at);
        await record(tx, row, staff, "decision_sent", at, { channel: "email" });
      }
    }
    if (agreed) {
      // Raw SQL: the PGlite adapter cannot bind an enum array filter (`roles: { has }`).
      const heads = await tx.$queryRaw<{ id: string; name: string; email: string }[]>`
        SELECT "id", "name", "email" FROM "StaffUser"
        WHERE "active" AND 'head_of_customer_contact'::"StaffRole" = ANY("roles")
        ORDER BY "email"`;
      const decider = await tx.staffUser.findUnique({ where: { id: staff.id }, select: { name: true } });
      for (const head of heads) await queueEmail(tx, row.id, deps.texts.headNotice(view, head, decision, staffLang, decider?.name ?? ""), at);
      await record(tx, row, staff, "head_notified", at, { heads: heads.map((h) => h.id) });
    }
    return { ok: true as const, decision, flagId: agreed ? flagId : null };
  });
}

/** Staff told the customer by phone, text or letter (email decisions are recorded when queued). */
export async function markTold(deps: Deps, staff: StaffLike, reference: string) {
  requireDecider(staff);
  const at = nowOf(deps);
  await deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    if (!row.decidedAt || row.decisionToldAt) throw new AdjustmentError("invalid", 409);
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { decisionToldAt: at, decisionToldById: staff.id } });
    await record(tx, row, staff, "decision_sent", at, { channel: row.replyBy });
    await outbox(tx, row.id, "decision_sent", at, { reference, channel: row.replyBy, toldAt: at.toISOString() });
  });
}
