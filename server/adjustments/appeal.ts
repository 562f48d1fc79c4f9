// Appeals against a decision and the case conference that hears them.
import { canDecideConference, type StaffLike } from "../domain/adjustments/access.js";
import { canAppeal, type AdjustmentStatus, type ConferenceOutcome } from "../domain/adjustments/decision.js";
import { AdjustmentError, type Deps } from "./deps.js";
import { load, nowOf, outbox, record, requireDecider, requireLive } from "./store.js";

export async function openAppeal(deps: Deps, staff: StaffLike, reference: string, input: { appeal: string }) {
  requireDecider(staff);
  const at = nowOf(deps);
  return deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    if (!canAppeal(row.status as AdjustmentStatus, row.conferences)) throw new AdjustmentError("cannot_appeal", 409);
    const conference = await tx.adjustmentConference.create({ data: { requestId: row.id, openedAt: at, openedById: staff.id, appeal: input.appeal } });
    await record(tx, row, staff, "appeal_opened", at, { conferenceId: conference.id });
    await outbox(tx, row.id, "appeal_opened", at, { reference, conferenceId: conference.id, appeal: input.appeal, openedAt: at.toISOString() });
    return conference.id;
  });
}

export type ConferenceInput = { heldOn: string | null; attendees: string | null; outcome?: ConferenceOutcome | null; decision?: string | null };

/**
 * Updates the open conference (date, attendees); with an outcome and a decision it is
 * decided, which only the Head of Customer Contact may do. "changed" lets the request
 * be decided again.
 */
export async function updateConference(deps: Deps, staff: StaffLike, reference: string, input: ConferenceInput) {
  requireDecider(staff);
  const deciding = Boolean(input.outcome);
  if (deciding && !canDecideConference(staff)) throw new AdjustmentError("forbidden", 403);
  const at = nowOf(deps);
  await deps.prisma.$transaction(async (tx) => {
    const row = await load(tx, reference);
    requireLive(row);
    const open = row.conferences.find((c) => c.decidedAt === null);
    if (!open) throw new AdjustmentError("no_conference", 409);
    await tx.adjustmentConference.update({
      where: { id: open.id },
      data: {
        heldOn: input.heldOn,
        attendees: input.attendees,
        ...(deciding ? { outcome: input.outcome, decision: input.decision, decidedAt: at, decidedById: staff.id } : {}),
      },
    });
    const kind = deciding ? "conference_decided" : "conference_updated";
    await record(tx, row, staff, kind, at, { conferenceId: open.id, ...(deciding ? { outcome: input.outcome } : {}) });
    await outbox(tx, row.id, kind, at, {
      reference,
      conferenceId: open.id,
      heldOn: input.heldOn,
      attendees: input.attendees,
      outcome: deciding ? input.outcome : null,
      decision: deciding ? input.decision : null,
      at: at.toISOString(),
    });
  });
}
