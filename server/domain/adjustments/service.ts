// Adjustment requests in the database. Every change is one transaction with its timeline
// event, an audit row and an outbox event (and any emails), so nothing is half-saved.
// Dependencies are passed in: the Prisma client, the clock, and the texts (emails and flag
// words in both languages), which live with the locale files in app/lib.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import { isUniqueViolation } from "../cases/create-case.js";
import { clearFlag, findOrCreatePerson, setFlag, updateFlag } from "../parties/parties.js";
import { parseReference } from "../cases/reference.js";
import { londonDate, type IsoDate } from "../cases/working-days.js";
import { canDecideConference, canDecideRequests, canSeeDifficulty, canTake, isHeadOfCustomerContact, type StaffLike } from "./access.js";
import { checkDueAt, decisionDueAt, reviewDateFor } from "./clocks.js";
import { canAppeal, canDecide, isAgreed, validateDecision, type AdjustmentStatus, type ConferenceOutcome, type Decision, type DecisionInput } from "./decision.js";
import { agreeableCodes, correspondenceLanguage, readNeeds, type AgreeableCode, type Need } from "./needs.js";
import { formatAdjustmentReference } from "./reference.js";
import { emit } from "../../outbox/emit.js";
import type { AdjustmentEventKind } from "../../outbox/catalogue.js";

export const ADJUSTMENT_EVENT_SCHEMA_VERSION = 1;
export const AGGREGATE = "adjustment_request";

type Tx = PrismaNamespace.TransactionClient;
type Lang = "en" | "cy";

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string | null; language: Lang; kind: string };

/** What the email and flag texts are given about a request. */
export type RequestForTexts = {
  reference: string;
  language: Lang;
  correspondenceLanguage: Lang;
  name: string;
  email: string | null;
  needs: Need[];
  otherNeed: string | null;
  duration: "one_off" | "ongoing";
  receivedAt: Date;
  decisionDueAt: Date;
  hasDifficulty: boolean;
  replyBy: "email" | "phone" | "text" | "letter";
};

export type DecisionForTexts = Decision & { reviewAt: Date | null; checkDueAt: Date | null };

export interface AdjustmentTexts {
  acknowledgement(request: RequestForTexts, links: { withdrawConsent: string | null }): OutgoingEmail | null;
  decision(request: RequestForTexts, decision: DecisionForTexts): OutgoingEmail | null;
  headNotice(request: RequestForTexts, head: { name: string; email: string }, decision: DecisionForTexts, lang: Lang, deciderName: string): OutgoingEmail;
  flagSummary(request: RequestForTexts, decision: DecisionForTexts, lang: Lang): string;
  /** The dated note that replaces the flag's words when the details are removed. */
  removalNote(removedOn: IsoDate, lang: Lang): string;
}

export type Deps = { prisma: PrismaClient; now?: () => Date; texts: AdjustmentTexts };

export class AdjustmentError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "removed" | "cannot_decide" | "cannot_appeal" | "no_conference" | "not_agreed" | "invalid",
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(code);
  }
}

const nowOf = (deps: Deps) => (deps.now ?? (() => new Date()))();
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// ── submission ──────────────────────────────────────────────────────────────

export type SubmitInput = {
  language: Lang;
  needs: Need[];
  otherNeed: string | null;
  duration: "one_off" | "ongoing";
  caseReference: string | null;
  difficulty: string | null;
  /** Consent to keep `difficulty`; without it the text is not kept. */
  consent: boolean;
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  replyBy: "email" | "phone" | "text" | "letter";
  idempotencyKey: string;
  /** False when the recipient's daily limit of acknowledgements is met (server/limits/public.ts): the request stands, no email. */
  acknowledge?: boolean;
  /** The customer's "withdraw your consent" link for a token. */
  withdrawConsentUrl: (token: string) => string;
};

export type Submitted = { id: string; reference: string; decisionDueAt: Date; created: boolean };

/** Looks a case up by what someone typed: "unknown" when the format is right but no such case exists. */
export async function findCaseByReference(prisma: PrismaClient | Tx, input: string): Promise<{ state: "invalid" } | { state: "unknown" } | { state: "found"; id: string; reference: string }> {
  const parsed = parseReference(input);
  if (!parsed) return { state: "invalid" };
  const reference = input.replace(/\s+/g, "").toUpperCase();
  const row = await prisma.case.findUnique({ where: { reference }, select: { id: true, reference: true } });
  return row ? { state: "found", ...row } : { state: "unknown" };
}

export async function submitAdjustmentRequest(deps: Deps, input: SubmitInput): Promise<Submitted> {
  const existing = await deps.prisma.adjustmentRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { id: existing.id, reference: existing.reference, decisionDueAt: existing.decisionDueAt, created: false };
  const now = nowOf(deps);
  try {
    const created = await deps.prisma.$transaction((tx) => insertRequest(tx, deps, input, now));
    return { ...created, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await deps.prisma.adjustmentRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (winner) return { id: winner.id, reference: winner.reference, decisionDueAt: winner.decisionDueAt, created: false };
    }
    throw error;
  }
}

async function insertRequest(tx: Tx, deps: Deps, input: SubmitInput, now: Date) {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "ReferenceCounter" ("type", "value") VALUES ('ADJ', 1)
    ON CONFLICT ("type") DO UPDATE SET "value" = "ReferenceCounter"."value" + 1
    RETURNING "value"`;
  const reference = formatAdjustmentReference(Number(rows[0]!.value));
  const language = correspondenceLanguage(input.language, input.needs);
  const dueAt = decisionDueAt(now);
  const linkedCase = input.caseReference ? await findCaseByReference(tx, input.caseReference) : null;
  const partyId = await findOrCreatePerson(tx, { name: input.name, email: input.email, phone: input.phone, preferredLanguage: language }, "keep");
  const keepDifficulty = Boolean(input.difficulty && input.consent);
  const token = keepDifficulty ? randomBytes(32).toString("base64url") : null;

  const row = await tx.adjustmentRequest.create({
    data: {
      reference,
      status: "received",
      language: input.language,
      correspondenceLanguage: language,
      needs: input.needs as object,
      otherNeed: input.otherNeed,
      duration: input.duration,
      caseId: linkedCase?.state === "found" ? linkedCase.id : null,
      difficulty: keepDifficulty ? input.difficulty : null,
      difficultyConsentAt: keepDifficulty ? now : null,
      consentTokenHash: token ? hashToken(token) : null,
      name: input.name,
      email: input.email,
      phone: input.phone,
      postalAddress: input.postalAddress,
      replyBy: input.replyBy,
      partyId,
      receivedAt: now,
      decisionDueAt: dueAt,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    },
  });
  await tx.adjustmentEvent.create({ data: { requestId: row.id, kind: "received", at: now, data: { channel: "web_form", difficultyGiven: keepDifficulty } } });
  await tx.auditEvent.create({ data: { at: now, actorId: null, action: "adjustment.create", entityType: "AdjustmentRequest", entityId: row.id, data: { reference } } });
  await outbox(tx, row.id, "created", now, { ...publicPayload(row), difficultyGiven: keepDifficulty });
  const forTexts = textsView(row);
  const ack = deps.texts.acknowledgement(forTexts, { withdrawConsent: token ? input.withdrawConsentUrl(token) : null });
  if (ack && input.acknowledge !== false) await queueEmail(tx, row.id, ack, now);
  return { id: row.id, reference, decisionDueAt: dueAt };
}

// ── reading ─────────────────────────────────────────────────────────────────

type RequestRow = NonNullable<Awaited<ReturnType<PrismaClient["adjustmentRequest"]["findUnique"]>>>;

function textsView(row: RequestRow): RequestForTexts {
  return {
    reference: row.reference,
    language: row.language,
    correspondenceLanguage: row.correspondenceLanguage,
    name: row.name ?? "",
    email: row.email,
    needs: readNeeds(row.needs),
    otherNeed: row.otherNeed,
    duration: row.duration ?? "ongoing",
    receivedAt: row.receivedAt,
    decisionDueAt: row.decisionDueAt,
    hasDifficulty: row.difficulty !== null,
    replyBy: row.replyBy ?? "email",
  };
}

/** Everything the outbox carries about a request: never the sensitive text. */
function publicPayload(row: RequestRow) {
  return {
    reference: row.reference,
    status: row.status,
    language: row.language,
    correspondenceLanguage: row.correspondenceLanguage,
    needs: readNeeds(row.needs),
    otherNeed: row.otherNeed,
    duration: row.duration,
    caseId: row.caseId,
    customer: { name: row.name, email: row.email, phone: row.phone, postalAddress: row.postalAddress, partyId: row.partyId },
    replyBy: row.replyBy,
    receivedAt: row.receivedAt.toISOString(),
    decisionDueAt: row.decisionDueAt.toISOString(),
  };
}

async function outbox(tx: Tx, id: string, event: AdjustmentEventKind, at: Date, payload: Record<string, unknown>) {
  await emit(tx, { type: `adjustment_request.${event}`, aggregateId: id, at, data: payload });
}

async function queueEmail(tx: Tx, requestId: string, email: OutgoingEmail, at: Date) {
  // caseId stays empty: the outcome of an adjustment request is sent apart from any case.
  const row = await tx.emailMessage.create({ data: { ...email, html: email.html ?? null, caseId: null, createdAt: at, nextAttemptAt: at } });
  await tx.adjustmentEmail.create({ data: { emailMessageId: row.id, requestId, kind: email.kind } });
}

async function load(tx: Tx | PrismaClient, reference: string) {
  const row = await tx.adjustmentRequest.findUnique({ where: { reference }, include: { conferences: { orderBy: { openedAt: "asc" } } } });
  if (!row) throw new AdjustmentError("not_found", 404);
  return row;
}

function requireLive(row: RequestRow) {
  if (row.status === "removed") throw new AdjustmentError("removed", 409);
}

function requireDecider(staff: StaffLike) {
  if (!canDecideRequests(staff)) throw new AdjustmentError("forbidden", 403);
}

async function record(tx: Tx, row: { id: string; reference: string }, staff: StaffLike | null, kind: string, at: Date, data: Record<string, unknown> = {}) {
  await tx.adjustmentEvent.create({ data: { requestId: row.id, kind, at, actorId: staff?.id ?? null, data: data as object } });
  await tx.auditEvent.create({
    data: { at, actorId: staff?.id ?? null, action: `adjustment.${kind}`, entityType: "AdjustmentRequest", entityId: row.id, data: { reference: row.reference, ...data } as object },
  });
}

/**
 * The sensitive text, for those allowed to read it; every read is audited. Anyone else
 * gets a 403 (and the refusal is audited too).
 */
export async function readDifficulty(deps: Deps, staff: StaffLike, reference: string): Promise<{ text: string | null; consentAt: Date | null; withdrawnAt: Date | null }> {
  const row = await load(deps.prisma, reference);
  const at = nowOf(deps);
  if (!canSeeDifficulty(staff, row)) {
    await deps.prisma.auditEvent.create({ data: { at, actorId: staff.id, action: "adjustment.difficulty.refused", entityType: "AdjustmentRequest", entityId: row.id, data: { reference } } });
    throw new AdjustmentError("forbidden", 403);
  }
  await deps.prisma.auditEvent.create({ data: { at, actorId: staff.id, action: "adjustment.difficulty.view", entityType: "AdjustmentRequest", entityId: row.id, data: { reference } } });
  return { text: row.difficulty, consentAt: row.difficultyConsentAt, withdrawnAt: row.consentWithdrawnAt };
}

// ── staff actions ───────────────────────────────────────────────────────────

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

/**
 * Consent to keep what they find hard is withdrawn: the text is deleted at once.
 * By the customer (their link's token) or by staff on their behalf.
 */
export async function withdrawConsent(deps: Deps, by: { token: string } | { staff: StaffLike; reference: string }): Promise<{ reference: string } | null> {
  const at = nowOf(deps);
  return deps.prisma.$transaction(async (tx) => {
    const row =
      "token" in by
        ? await tx.adjustmentRequest.findUnique({ where: { consentTokenHash: hashToken(by.token) } })
        : await load(tx, by.reference);
    if (!row) return null;
    if ("staff" in by) requireDecider(by.staff);
    if (row.status === "removed" || (row.difficulty === null && row.consentWithdrawnAt)) return { reference: row.reference };
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { difficulty: null, consentWithdrawnAt: at, consentTokenHash: null } });
    await record(tx, row, "staff" in by ? by.staff : null, "consent_withdrawn", at, { by: "staff" in by ? "staff" : "customer" });
    await outbox(tx, row.id, "consent_withdrawn", at, { reference: row.reference, withdrawnAt: at.toISOString() });
    return { reference: row.reference };
  });
}

/** Whether a consent link is still live, for the page that shows it (no change made). */
export async function consentLinkReference(prisma: PrismaClient, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await prisma.adjustmentRequest.findUnique({ where: { consentTokenHash: hashToken(token) }, select: { reference: true } });
  return row?.reference ?? null;
}

// ── appeals and case conferences ────────────────────────────────────────────

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

// ── removal ─────────────────────────────────────────────────────────────────

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
