// Staff-side adjustment queries. Plain data out (dates as ISO strings); the sensitive text
// never leaves here unless the reader may see it, and then only through readDifficulty (audited).
import { data, type AppLoadContext } from "react-router";
import type { Prisma as PrismaNamespace } from "../../generated/prisma/client";
import { canDecideConference, canDecideRequests, canSeeDifficulty, canTake, isHeadOfCustomerContact, type StaffLike } from "../../server/domain/adjustments/access";
import { decisionClockState, reviewComingDueBefore } from "../../server/domain/adjustments/clocks";
import { ADJUSTMENT_STATUSES, canAppeal, canDecide, isAgreed, type AdjustmentStatus } from "../../server/domain/adjustments/decision";
import { agreeableCodes, readNeeds } from "../../server/domain/adjustments/needs";
import { parseAdjustmentReference } from "../../server/domain/adjustments/reference";
import { AdjustmentError, readDifficulty } from "../../server/adjustments";
import { normaliseEmail } from "../../server/domain/cases/create-case";
import { dateFailure, parseDateParts, type DatePart } from "../../server/domain/concerns/dates";
import { londonDate } from "../../server/domain/cases/working-days";
import { adjustmentDeps } from "./adjustments.server";

const STATUSES = ADJUSTMENT_STATUSES;

/** Turns a domain refusal into the page's answer: 404, 403, or a conflict message. */
export function throwAdjustmentError(error: unknown): never {
  if (error instanceof AdjustmentError) {
    if (error.status === 404) throw data({ reason: "notFound" }, { status: 404 });
    if (error.status === 403) throw data({ reason: "forbidden" }, { status: 403 });
    throw data({ reason: "conflict" }, { status: 409 });
  }
  throw error;
}

/** The reference from the URL, or 404. */
export function referenceParam(value: string | undefined): string {
  const reference = parseAdjustmentReference(value ?? "");
  if (!reference) throw data({ reason: "notFound" }, { status: 404 });
  return reference;
}

/** A date's three boxes as typed, to show them again. */
export type DateBoxes = { day: string; month: string; year: string };

/** Why a date's boxes could not be read: its message key, the box the summary links to, the boxes to mark. */
export type DateBoxError = { key: string; field: string; parts: DatePart[] };

/**
 * One of the kit's dates on a staff adjustment page (`<name>-day`, `-month`, `-year`), read with the
 * same parseDateParts/dateFailure as every other date, so the message names the date and the box
 * ("The review date must include a month", key `errors.<name>.<code>`) and links to the first
 * wrong box. Every date on these pages may be left out (the domain then uses its default), so
 * three empty boxes give "" rather than an error.
 */
export function readDateBoxes(form: FormData, name: string): { boxes: DateBoxes; iso: string; error: null } | { boxes: DateBoxes; iso: null; error: DateBoxError } {
  const box = (part: DatePart) => String(form.get(`${name}-${part}`) ?? "");
  const boxes = { day: box("day"), month: box("month"), year: box("year") };
  const parsed = parseDateParts(boxes);
  if (parsed.ok) return { boxes, iso: parsed.iso, error: null };
  if (parsed.error === "required") return { boxes, iso: "", error: null };
  const { code, box: first, parts } = dateFailure(parsed);
  return { boxes, iso: null, error: { key: `errors.${name}.${code}`, field: `${name}-${first}`, parts } };
}

const needsText = (value: unknown) => readNeeds(value);

export type RegisterFilters = { status: string; review: boolean; who: string };

export async function adjustmentRegister(context: AppLoadContext, filters: RegisterFilters) {
  const { prisma, now } = context.services;
  const at = now();
  const reviewLimit = reviewComingDueBefore(at);
  const where: PrismaNamespace.AdjustmentRequestWhereInput[] = [];
  if ((STATUSES as readonly string[]).includes(filters.status)) where.push({ status: filters.status as AdjustmentStatus });
  if (filters.review) where.push({ status: { in: ["agreed", "partly_agreed"] }, reviewDueAt: { lte: reviewLimit } });
  const who = filters.who.trim().slice(0, 100);
  if (who) {
    where.push({
      OR: [
        { name: { contains: who, mode: "insensitive" } },
        { email: { contains: who, mode: "insensitive" } },
        { reference: who.replace(/\s+/g, "").toUpperCase() },
      ],
    });
  }
  const select = {
    reference: true,
    status: true,
    name: true,
    needs: true,
    otherNeed: true,
    duration: true,
    receivedAt: true,
    decisionDueAt: true,
    decidedAt: true,
    reviewDueAt: true,
    checkDueAt: true,
    checkedAt: true,
    replyBy: true,
    decisionToldAt: true,
    headNotifiedAt: true,
    headSeenAt: true,
    removalRequestedOn: true,
    language: true,
  } as const;
  const take = 200;
  // Waiting for a decision first, nearest due (so overdue) first; then the rest, newest first.
  const [waiting, rest, total] = await Promise.all([
    prisma.adjustmentRequest.findMany({ where: { AND: [...where, { status: "received" }] }, orderBy: [{ decisionDueAt: "asc" }], take, select }),
    prisma.adjustmentRequest.findMany({ where: { AND: [...where, { status: { not: "received" } }] }, orderBy: [{ receivedAt: "desc" }], take, select }),
    prisma.adjustmentRequest.count({ where: { AND: where } }),
  ]);
  const live = { status: { in: ["agreed", "partly_agreed"] as AdjustmentStatus[] } };
  const [notices, reviews, checks, toTell] = await Promise.all([
    prisma.adjustmentRequest.findMany({ where: { ...live, headNotifiedAt: { not: null }, headSeenAt: null }, orderBy: { headNotifiedAt: "asc" }, take: 50, select }),
    prisma.adjustmentRequest.findMany({ where: { ...live, reviewDueAt: { lte: reviewLimit } }, orderBy: { reviewDueAt: "asc" }, take: 50, select }),
    prisma.adjustmentRequest.findMany({ where: { ...live, checkDueAt: { not: null }, checkedAt: null }, orderBy: { checkDueAt: "asc" }, take: 50, select }),
    prisma.adjustmentRequest.findMany({ where: { decidedAt: { not: null }, decisionToldAt: null, status: { not: "removed" } }, orderBy: { decidedAt: "asc" }, take: 50, select }),
  ]);
  type Row = (typeof waiting)[number];
  const view = (r: Row) => ({
    reference: r.reference,
    status: r.status,
    name: r.name,
    needs: needsText(r.needs),
    otherNeed: r.otherNeed,
    duration: r.duration,
    receivedAt: r.receivedAt.toISOString(),
    decisionDueAt: r.decisionDueAt.toISOString(),
    decisionState: r.status === "removed" ? null : decisionClockState(r.decisionDueAt, at, r.decidedAt),
    reviewDueAt: r.reviewDueAt?.toISOString() ?? null,
    checkDueAt: r.checkDueAt?.toISOString() ?? null,
    checkState: r.checkDueAt ? decisionClockState(r.checkDueAt, at, r.checkedAt) : null,
    reviewState: r.reviewDueAt ? decisionClockState(r.reviewDueAt, at, null) : null,
    replyBy: r.replyBy,
    headNotifiedAt: r.headNotifiedAt?.toISOString() ?? null,
    removalRequestedOn: r.removalRequestedOn,
  });
  const rows = filters.status === "received" ? waiting : filters.status ? rest : [...waiting, ...rest].slice(0, take);
  return { rows: rows.map(view), total, notices: notices.map(view), reviews: reviews.map(view), checks: checks.map(view), toTell: toTell.map(view) };
}

export async function adjustmentForStaff(context: AppLoadContext, staff: StaffLike, reference: string) {
  const { prisma, now } = context.services;
  const at = now();
  const row = await prisma.adjustmentRequest.findUnique({
    where: { reference },
    include: {
      conferences: { orderBy: { openedAt: "asc" } },
      events: { orderBy: { at: "asc" } },
      assignedTo: { select: { name: true } },
      decidedBy: { select: { name: true } },
      case: { select: { reference: true, parties: { where: { role: "customer" }, select: { party: { select: { emailNormalised: true } } } } } },
      flag: { select: { summary: true, clearedAt: true } },
    },
  });
  if (!row) throw data({ reason: "notFound" }, { status: 404 });
  const staffIds = [...new Set([...row.events.map((e) => e.actorId), ...row.conferences.flatMap((c) => [c.openedById, c.decidedById]), row.headSeenById, row.decisionToldById].filter((x): x is string => Boolean(x)))];
  const names = new Map((await prisma.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  const mayRead = canSeeDifficulty(staff, row);
  // The sensitive text is read (and the read audited) only for those allowed to see it.
  const difficulty = mayRead && row.difficulty !== null ? (await readDifficulty(adjustmentDeps(context), staff, reference)).text : null;
  const needs = readNeeds(row.needs);
  const caseEmails = row.case?.parties.map((p) => p.party.emailNormalised).filter(Boolean) ?? [];
  const status = row.status as AdjustmentStatus;
  return {
    id: row.id,
    reference: row.reference,
    status,
    language: row.correspondenceLanguage,
    needs,
    otherNeed: row.otherNeed,
    agreeable: agreeableCodes(needs, row.otherNeed),
    duration: row.duration,
    caseReference: row.case?.reference ?? null,
    caseCustomerMatches: row.case && row.email ? caseEmails.includes(normaliseEmail(row.email)) : null,
    receivedAt: row.receivedAt.toISOString(),
    decisionDueAt: row.decisionDueAt.toISOString(),
    decisionState: status === "removed" ? null : decisionClockState(row.decisionDueAt, at, row.decidedAt),
    assignedTo: row.assignedTo?.name ?? null,
    assignedToMe: row.assignedToId === staff.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    postalAddress: row.postalAddress,
    replyBy: row.replyBy,
    hasDifficulty: row.difficulty !== null,
    difficulty,
    mayReadDifficulty: mayRead,
    difficultyConsentAt: row.difficultyConsentAt?.toISOString() ?? null,
    consentWithdrawnAt: row.consentWithdrawnAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy?.name ?? null,
    agreed: (Array.isArray(row.agreedNeeds) ? row.agreedNeeds : []) as string[],
    instead: row.insteadText,
    reasons: row.declineReasons,
    alternatives: row.alternatives,
    decisionToldAt: row.decisionToldAt?.toISOString() ?? null,
    reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
    checkDueAt: row.checkDueAt?.toISOString() ?? null,
    checkState: row.checkDueAt ? decisionClockState(row.checkDueAt, at, row.checkedAt) : null,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    checkWorked: row.checkWorked,
    checkNote: row.checkNote,
    headNotifiedAt: row.headNotifiedAt?.toISOString() ?? null,
    headSeenAt: row.headSeenAt?.toISOString() ?? null,
    flagSummary: row.flag && !row.flag.clearedAt ? (row.flag.summary) : null,
    flagSummaryCy: row.flag && !row.flag.clearedAt ? row.flagSummaryCy : null,
    removedAt: row.removedAt?.toISOString() ?? null,
    removalRequestedOn: row.removalRequestedOn,
    conferences: row.conferences.map((c) => ({
      id: c.id,
      openedAt: c.openedAt.toISOString(),
      openedBy: c.openedById ? (names.get(c.openedById) ?? null) : null,
      appeal: c.appeal,
      heldOn: c.heldOn,
      attendees: c.attendees,
      outcome: c.outcome,
      decision: c.decision,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      decidedBy: c.decidedById ? (names.get(c.decidedById) ?? null) : null,
    })),
    events: row.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      actor: e.actorId ? (names.get(e.actorId) ?? null) : null,
      // What the person wrote from the tracking page or by email (issue 14): the officer reads it
      // here (an email in full, with its files, on the staff mail page: inboundId).
      text: e.kind === "customer_message" || e.kind === "customer_email" ? String((e.data as { text?: unknown }).text ?? "") : null,
      inboundId: e.kind === "customer_email" ? String((e.data as { inboundId?: unknown }).inboundId ?? "") || null : null,
    })),
    can: {
      take: status !== "removed" && canTake(staff, row),
      decide: canDecideRequests(staff) && canDecide(status, row.decidedAt, row.conferences),
      act: canDecideRequests(staff) && status !== "removed",
      tell: canDecideRequests(staff) && Boolean(row.decidedAt) && !row.decisionToldAt && status !== "removed",
      check: canDecideRequests(staff) && isAgreed(status) && !row.checkedAt,
      review: canDecideRequests(staff) && isAgreed(status) && row.duration === "ongoing",
      appeal: canDecideRequests(staff) && canAppeal(status, row.conferences),
      conference: canDecideRequests(staff) && row.conferences.some((c) => !c.decidedAt),
      decideConference: canDecideConference(staff),
      seen: isHeadOfCustomerContact(staff) && Boolean(row.headNotifiedAt) && !row.headSeenAt,
    },
    today: londonDate(at),
  };
}
