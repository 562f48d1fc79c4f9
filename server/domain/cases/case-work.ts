// Case work: every change an officer or manager makes to a case. Each one writes the
// change, a timeline event, an audit row and an outbox event in one transaction, so the
// back-office system hears about exactly the changes that happened.
import { clearFlags, setFlag } from "../parties/parties.js";
import { z } from "zod";
import { can } from "../../auth/permissions.js";
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import { isCaseType, type CaseType } from "./case-types.js";
import { callbackDueAt, complaintDeadline, computeCaseClocks, isComplaintInTime, nextDueClock } from "./clocks.js";
import { createCase } from "./create-case.js";
import { isValidOutcome } from "./outcomes.js";
import { transition, type CaseAction, type CaseSnapshot, type TransitionRefusal } from "./status.js";
import type { WorkQueueId } from "./work-queues.js";
import { londonDate } from "./working-days.js";
import { emit } from "../../outbox/emit.js";
import type { CaseEventKind, EventType } from "../../outbox/catalogue.js";

type Tx = PrismaNamespace.TransactionClient;
export type CaseWorkDeps = { prisma: PrismaClient; now?: () => Date };
export type Actor = { id: string; roles: readonly string[] };

// Managers work any case; the rule (and who counts as one: not admin) is in server/auth/permissions.ts.
export const isManager = (actor: Actor) => can(actor, "case.any");

export const CASE_WORK_ERRORS = [
  "not_found",
  "forbidden",
  "not_an_officer",
  "case_open",
  "link_self",
  "already_linked",
  "linked_outcome_invalid",
  "no_customer",
  "callback_done",
  "not_under_way",
  "already_answered",
  "event_in_future",
  "late_reason_required",
] as const;
export type CaseWorkErrorCode = (typeof CASE_WORK_ERRORS)[number] | TransitionRefusal;

/** A refusal with a stable code the page maps to a message. */
export class CaseWorkError extends Error {
  constructor(readonly code: CaseWorkErrorCode) {
    super(code);
  }
}

// ---- input schemas (the pages validate posted forms with these) ----
// The form kit sends an empty field as missing (conform), so "missing" says the same as "empty".
const text = (max: number, required: string, tooLong: string) => z.string(required).trim().min(1, required).max(max, tooLong);
export const NoteSchema = z.object({ text: text(5000, "staff-cases:errors.note.required", "staff-cases:errors.note.tooLong") });
export const CONTACT_METHODS = ["call", "email", "letter"] as const;
export const CONTACT_DIRECTIONS = ["in", "out"] as const;
export const ContactSchema = z.object({
  method: z.enum(CONTACT_METHODS, "staff-cases:errors.method.required"),
  direction: z.enum(CONTACT_DIRECTIONS, "staff-cases:errors.direction.required"),
  summary: text(5000, "staff-cases:errors.summary.required", "staff-cases:errors.summary.tooLong"),
});
export const CloseSchema = z.object({
  outcome: z.string("staff-cases:errors.outcome.required").min(1, "staff-cases:errors.outcome.required").max(80),
  closeLinked: z.literal("yes").optional(),
});
export const NfcSchema = z.object({ reason: text(2000, "staff-cases:errors.reason.required", "staff-cases:errors.reason.tooLong") });
export const CallbackSchema = z.object({ note: text(2000, "staff-cases:errors.callbackNote.required", "staff-cases:errors.callbackNote.tooLong") });
export const RestrictSchema = z.object({
  arrangement: text(2000, "staff-cases:errors.arrangement.required", "staff-cases:errors.arrangement.tooLong"),
  reviewOn: z.iso.date("staff-cases:errors.reviewOn.invalid"),
});

const caseSelect = {
  id: true,
  reference: true,
  type: true,
  status: true,
  title: true,
  language: true,
  channel: true,
  workQueue: true,
  openedAt: true,
  queuedAt: true,
  underWayAt: true,
  answeredAt: true,
  closedAt: true,
  outcome: true,
  reopenCount: true,
  assignedToId: true,
  queueDueAt: true,
  underWayDueAt: true,
  answerDueAt: true,
  closeDueAt: true,
  nextDueAt: true,
} as const;
type CaseRow = PrismaNamespace.CaseGetPayload<{ select: typeof caseSelect }>;

const snapshot = (row: CaseRow): CaseSnapshot => ({
  type: row.type as CaseType,
  status: row.status,
  openedAt: row.openedAt,
  workQueue: row.workQueue as WorkQueueId,
  queuedAt: row.queuedAt,
  underWayAt: row.underWayAt,
  closedAt: row.closedAt,
  outcome: row.outcome as CaseSnapshot["outcome"],
  reopenCount: row.reopenCount,
});

/** What the back-office system receives for every case change (schema version 1). */
export function caseChangePayload(row: CaseRow, change: { kind: string; data: Record<string, unknown> }) {
  return {
    reference: row.reference,
    type: row.type,
    status: row.status,
    workQueue: row.workQueue,
    language: row.language,
    assignedToId: row.assignedToId,
    outcome: row.outcome,
    openedAt: row.openedAt.toISOString(),
    underWayAt: row.underWayAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    reopenCount: row.reopenCount,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    change,
  };
}

async function load(tx: Tx, reference: string): Promise<CaseRow> {
  // Locks the row so two officers acting at once apply their changes one after the other.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Case" WHERE "reference" = ${reference} FOR UPDATE`;
  if (!locked[0]) throw new CaseWorkError("not_found");
  return tx.case.findUniqueOrThrow({ where: { id: locked[0].id }, select: caseSelect });
}

/** Writes the change, its timeline event, the audit row and the outbox event. */
async function record(
  tx: Tx,
  row: CaseRow,
  actor: Actor,
  now: Date,
  kind: CaseEventKind,
  changes: PrismaNamespace.CaseUpdateInput,
  data: Record<string, unknown> = {},
  eventType: EventType = `case.${kind}`,
): Promise<CaseRow> {
  let updated = Object.keys(changes).length ? await tx.case.update({ where: { id: row.id }, data: changes, select: caseSelect }) : row;
  // Lists sort by the nearest due clock, and an open callback is one of the clocks.
  const nextDueAt = await nearestDue(tx, updated);
  if ((nextDueAt?.getTime() ?? null) !== (updated.nextDueAt?.getTime() ?? null)) {
    updated = await tx.case.update({ where: { id: row.id }, data: { nextDueAt }, select: caseSelect });
  }
  await tx.caseEvent.create({ data: { caseId: row.id, kind, at: now, actorId: actor.id, data: data as object } });
  // The audit row carries identifiers only; the words stay on the case.
  await tx.auditEvent.create({ data: { at: now, actorId: actor.id, action: `case.${kind}`, entityType: "Case", entityId: row.id, data: { reference: row.reference } } });
  await emit(tx, { type: eventType, aggregateId: row.id, at: now, data: caseChangePayload(updated, { kind, data }) });
  return updated;
}

/** The earliest of the case's running clock and its open callbacks; null once closed. */
async function nearestDue(tx: Tx, row: CaseRow): Promise<Date | null> {
  if (row.status === "closed") return null;
  const clocks = { acknowledgeBy: row.openedAt, queueBy: row.queueDueAt, underWayBy: row.underWayDueAt, answerBy: row.answerDueAt, closeBy: row.closeDueAt };
  const fromClocks = nextDueClock(clocks, progressOf(row))?.dueAt ?? null;
  const callback = await tx.caseCallback.findFirst({ where: { caseId: row.id, doneAt: null }, orderBy: { dueAt: "asc" }, select: { dueAt: true } });
  if (!callback) return fromClocks;
  return !fromClocks || callback.dueAt < fromClocks ? callback.dueAt : fromClocks;
}

/** Clock fields after a change of status or type. */
function clockFields(type: CaseType, row: Pick<CaseRow, "openedAt">, progress: { queuedAt: Date | null; underWayAt: Date | null; answeredAt: Date | null; closedAt: Date | null }) {
  const clocks = computeCaseClocks(type, row.openedAt);
  return {
    queueDueAt: clocks.queueBy,
    underWayDueAt: clocks.underWayBy,
    answerDueAt: clocks.answerBy,
    closeDueAt: clocks.closeBy,
    nextDueAt: nextDueClock(clocks, progress)?.dueAt ?? null,
  };
}

function apply(row: CaseRow, action: CaseAction, now: Date): Partial<CaseSnapshot> {
  const result = transition(snapshot(row), action, now);
  if (!result.ok) throw new CaseWorkError(result.reason);
  return result.next;
}

function run<T>(deps: CaseWorkDeps, work: (tx: Tx, now: Date) => Promise<T>): Promise<T> {
  const now = (deps.now ?? (() => new Date()))();
  return deps.prisma.$transaction((tx) => work(tx, now), { timeout: 20_000 });
}

const progressOf = (row: CaseRow) => ({ queuedAt: row.queuedAt, underWayAt: row.underWayAt, answeredAt: row.answeredAt, closedAt: row.closedAt });

/** A manager gives the case to an officer (or to nobody); anyone may take an unallocated or their own case. */
export function allocateCase(deps: CaseWorkDeps, actor: Actor, reference: string, officerId: string | null) {
  return run(deps, async (tx, now) => {
    if (!isManager(actor)) throw new CaseWorkError("forbidden");
    const row = await load(tx, reference);
    if (row.status === "closed") throw new CaseWorkError("case_closed");
    if (officerId) {
      const officer = await tx.staffUser.findUnique({ where: { id: officerId }, select: { active: true } });
      if (!officer?.active) throw new CaseWorkError("not_an_officer");
    }
    return record(tx, row, actor, now, "allocated", { assignedTo: officerId ? { connect: { id: officerId } } : { disconnect: true } }, { officerId });
  });
}

export function takeCase(deps: CaseWorkDeps, actor: Actor, reference: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    if (row.status === "closed") throw new CaseWorkError("case_closed");
    // Taking someone else's case is a manager's allocation, not a grab.
    if (row.assignedToId && row.assignedToId !== actor.id && !isManager(actor)) throw new CaseWorkError("forbidden");
    return record(tx, row, actor, now, "allocated", { assignedTo: { connect: { id: actor.id } } }, { officerId: actor.id });
  });
}

/** Prepare done: the customer has been contacted, which meets the 14-day "under way" clock. */
export function prepareDone(deps: CaseWorkDeps, actor: Actor, reference: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    const next = apply(row, { kind: "start" }, now);
    const progress = { ...progressOf(row), underWayAt: next.underWayAt ?? now };
    return record(tx, row, actor, now, "under_way", { status: next.status, underWayAt: now, nextDueAt: clockFields(row.type as CaseType, row, progress).nextDueAt });
  });
}

/** Progress: the substantive answer has gone to the customer, which meets the 30-day clock. */
export function recordProgress(deps: CaseWorkDeps, actor: Actor, reference: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    if (row.status === "closed") throw new CaseWorkError("case_closed");
    if (row.status !== "under_way") throw new CaseWorkError("not_under_way");
    if (row.answeredAt) throw new CaseWorkError("already_answered");
    const progress = { ...progressOf(row), answeredAt: now };
    return record(tx, row, actor, now, "answered", { answeredAt: now, nextDueAt: clockFields(row.type as CaseType, row, progress).nextDueAt });
  });
}

export function addNote(deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<typeof NoteSchema>) {
  return run(deps, async (tx, now) => record(tx, await load(tx, reference), actor, now, "note", {}, { text: input.text }));
}

export function addContact(deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<typeof ContactSchema>) {
  return run(deps, async (tx, now) => record(tx, await load(tx, reference), actor, now, "contact", {}, { method: input.method, direction: input.direction, summary: input.summary }));
}

export function changeType(deps: CaseWorkDeps, actor: Actor, reference: string, to: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    if (!isCaseType(to)) throw new CaseWorkError("invalid_type");
    apply(row, { kind: "change_type", to }, now);
    // The clocks follow the new type (an RCC's first clock is its 5-working-day acknowledgement).
    return record(tx, row, actor, now, "type_changed", { type: to, ...clockFields(to, row, progressOf(row)) }, { from: row.type, to });
  });
}

export function linkCases(deps: CaseWorkDeps, actor: Actor, reference: string, otherReference: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    const other = await load(tx, otherReference);
    if (row.id === other.id) throw new CaseWorkError("link_self");
    const exists = await tx.caseLink.findUnique({ where: { caseId_linkedId: { caseId: row.id, linkedId: other.id } } });
    if (exists) throw new CaseWorkError("already_linked");
    await tx.caseLink.createMany({
      data: [
        { caseId: row.id, linkedId: other.id, createdAt: now, createdById: actor.id },
        { caseId: other.id, linkedId: row.id, createdAt: now, createdById: actor.id },
      ],
    });
    await record(tx, other, actor, now, "linked", {}, { reference: row.reference });
    return record(tx, row, actor, now, "linked", {}, { reference: other.reference });
  });
}

/**
 * Closes with an outcome from the type's list. With closeLinked, every open linked case
 * closes with the same outcome in the same transaction; if the outcome is not one of a
 * linked case's type, nothing closes.
 */
export function closeCase(deps: CaseWorkDeps, actor: Actor, reference: string, input: { outcome: string; closeLinked?: boolean }) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    const targets = [row];
    if (input.closeLinked) {
      const links = await tx.caseLink.findMany({ where: { caseId: row.id }, select: { linked: { select: { reference: true, status: true } } }, orderBy: { linkedId: "asc" } });
      for (const link of links) if (link.linked.status !== "closed") targets.push(await load(tx, link.linked.reference));
      for (const target of targets.slice(1)) if (!isValidOutcome(target.type as CaseType, input.outcome)) throw new CaseWorkError("linked_outcome_invalid");
    }
    const closed: string[] = [];
    for (const target of targets) {
      const next = apply(target, { kind: "close", outcome: input.outcome }, now);
      await record(tx, target, actor, now, "closed", { status: "closed", closedAt: now, outcome: next.outcome ?? input.outcome, nextDueAt: null }, { outcome: input.outcome, ...(target === row ? {} : { with: row.reference }) });
      closed.push(target.reference);
    }
    return closed;
  });
}

/** Re-open for a second, related concern: a new instance with its own start date and clocks. */
export function reopenCase(deps: CaseWorkDeps, actor: Actor, reference: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    const next = apply(row, { kind: "reopen" }, now);
    const opened = { openedAt: now };
    const progress = { queuedAt: next.queuedAt ?? null, underWayAt: null, answeredAt: null, closedAt: null };
    return record(
      tx,
      row,
      actor,
      now,
      "reopened",
      { status: next.status, openedAt: now, queuedAt: next.queuedAt ?? null, underWayAt: null, answeredAt: null, closedAt: null, outcome: null, reopenCount: next.reopenCount, ...clockFields(row.type as CaseType, opened, progress) },
      { previousOutcome: row.outcome, instance: (next.reopenCount ?? 0) + 1 },
    );
  });
}

async function customerParties(tx: Tx, caseId: string) {
  return tx.caseParty.findMany({ where: { caseId, role: "customer" }, select: { partyId: true } });
}

async function partyEvent(tx: Tx, actor: Actor, now: Date, partyId: string, eventType: "party.flag_set" | "party.flag_cleared", payload: Record<string, unknown>) {
  await tx.auditEvent.create({ data: { at: now, actorId: actor.id, action: eventType, entityType: "Party", entityId: partyId } });
  await emit(tx, { type: eventType, aggregateId: partyId, at: now, data: payload });
}

/** No further contact on a closed case, with the manager's reason; flags the customer. */
export function markNoFurtherContact(deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<typeof NfcSchema>) {
  return run(deps, async (tx, now) => {
    if (!isManager(actor)) throw new CaseWorkError("forbidden");
    const row = await load(tx, reference);
    if (row.status !== "closed") throw new CaseWorkError("case_open");
    const customers = await customerParties(tx, row.id);
    if (customers.length === 0) throw new CaseWorkError("no_customer");
    for (const { partyId } of customers) {
      await setFlag(tx, { partyId, kind: "no_further_contact", summary: `${row.reference}: ${input.reason}`, setById: actor.id, at: now });
      await partyEvent(tx, actor, now, partyId, "party.flag_set", { kind: "no_further_contact", reference: row.reference, reason: input.reason });
    }
    return record(tx, row, actor, now, "no_further_contact", {}, { reason: input.reason });
  });
}

/** Restricted contact on the case's customer, with the arrangement and a review date. */
export function setRestrictedContact(deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<typeof RestrictSchema>) {
  return run(deps, async (tx, now) => {
    if (!isManager(actor)) throw new CaseWorkError("forbidden");
    const row = await load(tx, reference);
    const customers = await customerParties(tx, row.id);
    if (customers.length === 0) throw new CaseWorkError("no_customer");
    const reviewAt = new Date(`${input.reviewOn}T12:00:00Z`);
    for (const { partyId } of customers) {
      // One restriction at a time: setFlag replaces the old arrangement.
      await setFlag(tx, { partyId, kind: "restricted_contact", summary: input.arrangement, reviewAt, setById: actor.id, at: now });
      await partyEvent(tx, actor, now, partyId, "party.flag_set", { kind: "restricted_contact", arrangement: input.arrangement, reviewOn: input.reviewOn });
    }
    return record(tx, row, actor, now, "restricted_contact_set", {}, { reviewOn: input.reviewOn });
  });
}

export function liftRestrictedContact(deps: CaseWorkDeps, actor: Actor, reference: string) {
  return run(deps, async (tx, now) => {
    if (!isManager(actor)) throw new CaseWorkError("forbidden");
    const row = await load(tx, reference);
    for (const { partyId } of await customerParties(tx, row.id)) {
      const lifted = await clearFlags(tx, { partyId, kind: "restricted_contact", clearedById: actor.id, at: now });
      if (lifted) await partyEvent(tx, actor, now, partyId, "party.flag_cleared", { kind: "restricted_contact" });
    }
    return record(tx, row, actor, now, "restricted_contact_lifted", {});
  });
}

export function requestCallback(deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<typeof CallbackSchema>) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    const dueAt = callbackDueAt(now);
    const callback = await tx.caseCallback.create({ data: { caseId: row.id, requestedAt: now, dueAt, note: input.note, createdById: actor.id } });
    await record(tx, row, actor, now, "callback_requested", {}, { callbackId: callback.id, dueAt: dueAt.toISOString(), note: input.note });
    return callback;
  });
}

export function completeCallback(deps: CaseWorkDeps, actor: Actor, reference: string, callbackId: string) {
  return run(deps, async (tx, now) => {
    const row = await load(tx, reference);
    const callback = await tx.caseCallback.findFirst({ where: { id: callbackId, caseId: row.id } });
    if (!callback) throw new CaseWorkError("not_found");
    if (callback.doneAt) throw new CaseWorkError("callback_done");
    await tx.caseCallback.update({ where: { id: callback.id }, data: { doneAt: now, doneById: actor.id } });
    return record(tx, row, actor, now, "callback_done", {}, { callbackId, onTime: now <= callback.dueAt });
  });
}

export const ComplaintSchema = z.object({
  summary: text(5000, "staff-cases:errors.complaintSummary.required", "staff-cases:errors.complaintSummary.tooLong"),
  eventOn: z.iso.date("staff-cases:errors.eventOn.invalid"),
  acceptLate: z.literal("yes").optional(),
  lateReason: z.string().trim().max(2000, "staff-cases:errors.reason.tooLong").optional(),
});

/**
 * A complaint about our service about this case: a new RCC case linked to it. Accepted within
 * 3 months of the event; a later one is refused (recorded and closed as refused_out_of_time)
 * unless a manager accepts it, with the reason recorded. Its clocks are the RCC ones:
 * acknowledged within 5 working days, answered within 30 calendar days.
 */
export async function recordServiceComplaint(deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<typeof ComplaintSchema>) {
  const now = (deps.now ?? (() => new Date()))();
  if (input.eventOn > londonDate(now)) throw new CaseWorkError("event_in_future");
  const inTime = isComplaintInTime(input.eventOn, now);
  const acceptLate = !inTime && input.acceptLate === "yes";
  if (acceptLate && !isManager(actor)) throw new CaseWorkError("forbidden");
  if (acceptLate && !input.lateReason) throw new CaseWorkError("late_reason_required");
  const about = await deps.prisma.case.findUnique({
    where: { reference },
    select: { id: true, reference: true, language: true, parties: { where: { role: "customer" }, select: { party: { select: { name: true, email: true, phone: true, preferredLanguage: true } } } } },
  });
  if (!about) throw new CaseWorkError("not_found");
  const customer = about.parties[0]?.party;
  const details = { about: about.reference, eventOn: input.eventOn, deadline: complaintDeadline(input.eventOn), inTime, ...(acceptLate ? { lateAccepted: { by: actor.id, reason: input.lateReason } } : {}) };
  const { case: rcc } = await createCase(
    { prisma: deps.prisma, now: () => now },
    {
      type: "RCC",
      channel: "staff",
      language: about.language,
      summary: input.summary,
      subject: `about ${about.reference}`,
      details,
      late: !inTime,
      actorId: actor.id,
      ...(customer ? { customer: { name: customer.name, email: customer.email, phone: customer.phone, preferredLanguage: customer.preferredLanguage ?? about.language } } : {}),
      alsoInTransaction: async (tx, created) => {
        await tx.caseLink.createMany({
          data: [
            { caseId: created.id, linkedId: about.id, createdAt: now, createdById: actor.id },
            { caseId: about.id, linkedId: created.id, createdAt: now, createdById: actor.id },
          ],
        });
        const row = await tx.case.findUniqueOrThrow({ where: { id: about.id }, select: caseSelect });
        await record(tx, row, actor, now, "complaint_recorded", {}, { reference: created.reference, inTime, lateAccepted: acceptLate });
      },
    },
  );
  if (!inTime && !acceptLate) await closeCase({ prisma: deps.prisma, now: () => now }, actor, rcc.reference, { outcome: "refused_out_of_time" });
  return { reference: rcc.reference, inTime, refused: !inTime && !acceptLate };
}
