// /track for adjustment requests (ADJ…) and nuisance reports (NUI…), like cases: the reference
// and the email address given on the form must both match; then a link (a random token, only its
// SHA-256 kept, 7 days: the same TrackAccess rows as cases, kind "adjustment" / "nuisance") goes
// to that address, and opens a page with the status and what we sent. On an adjustment request
// the person can also add a message while it is not removed (it joins the request's timeline).
import { createHash, randomBytes } from "node:crypto";
import cy from "../../locales/cy/track-records.json";
import en from "../../locales/en/track-records.json";
import type { Prisma } from "../db";
import { normaliseEmail } from "../domain/cases/create-case.js";
import { tellAdjustmentOfficer } from "../correspondence/officer-notice";
import { emit } from "../outbox/emit.js";

export type Lang = "en" | "cy";
export type RecordKind = "adjustment" | "nuisance";
export const RECORD_LINK_DAYS = 7;

const PATTERNS: Record<RecordKind, RegExp> = { adjustment: /^ADJ\d{7}$/, nuisance: /^NUI\d{7}$/ };

/** ADJ0000012 / NUI0000034 (spaces and case forgiven), or null for anything else. */
export function parseRecordReference(raw: string): { kind: RecordKind; reference: string } | null {
  const reference = raw.replace(/\s+/g, "").toUpperCase();
  for (const kind of Object.keys(PATTERNS) as RecordKind[]) if (PATTERNS[kind].test(reference)) return { kind, reference };
  return null;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The record's email texts, straight from the locale file (server/ never imports app/). */
export function recordText(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = (lang === "cy" ? cy : en) as unknown;
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== "string") return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

export type TrackedRecord = {
  kind: RecordKind;
  id: string;
  reference: string;
  /** adjustment: received | agreed | partly_agreed | declined | removed; nuisance: received. */
  status: string;
  receivedAt: string;
  /** When we will reply to an adjustment request still waiting for a decision. */
  decisionDueAt: string | null;
  /** The language we write to them in. */
  language: Lang;
  /** The address on the record: the link goes there, as it was given. */
  email: string;
};

/**
 * The record whose reference and email address both match, or null: one query, so a wrong email
 * and a wrong reference cost the same. Email addresses on these records are kept as typed.
 */
export async function trackRecord(prisma: Prisma, input: { reference: string; email: string }): Promise<TrackedRecord | null> {
  const parsed = parseRecordReference(input.reference);
  if (!parsed) return null;
  const email = { equals: normaliseEmail(input.email), mode: "insensitive" as const };
  if (parsed.kind === "adjustment") {
    const row = await prisma.adjustmentRequest.findFirst({
      where: { reference: parsed.reference, email },
      select: { id: true, reference: true, status: true, receivedAt: true, decisionDueAt: true, decidedAt: true, correspondenceLanguage: true, email: true },
    });
    if (!row) return null;
    return {
      kind: "adjustment",
      id: row.id,
      reference: row.reference,
      status: row.status,
      receivedAt: row.receivedAt.toISOString(),
      decisionDueAt: row.status === "received" && !row.decidedAt ? row.decisionDueAt.toISOString() : null,
      language: row.correspondenceLanguage,
      email: row.email ?? "",
    };
  }
  const row = await prisma.nuisanceReport.findFirst({ where: { reference: parsed.reference, email }, select: { id: true, reference: true, receivedAt: true, language: true, email: true } });
  if (!row) return null;
  return { kind: "nuisance", id: row.id, reference: row.reference, status: "received", receivedAt: row.receivedAt.toISOString(), decisionDueAt: null, language: row.language, email: row.email ?? "" };
}

/** Queues the link email; at most 3 links an hour per record and address, so /track cannot flood an inbox. */
export async function sendRecordLink(
  deps: { prisma: Prisma; publicUrl: string; now?: () => Date },
  input: { record: TrackedRecord; email: string; pageLang: Lang },
): Promise<boolean> {
  const now = (deps.now ?? (() => new Date()))();
  const email = normaliseEmail(input.email);
  const { record } = input;
  const recent = await deps.prisma.trackAccess.count({ where: { reference: record.reference, email, createdAt: { gt: new Date(now.getTime() - 3600_000) } } });
  if (recent >= 3) return false;
  const token = randomBytes(32).toString("base64url");
  const url = `${deps.publicUrl}${input.pageLang === "cy" ? "/cy" : ""}/track/record/${token}`;
  const lang = record.language;
  const values = { reference: record.reference };
  await deps.prisma.$transaction(async (tx) => {
    await tx.trackAccess.create({
      data: { tokenHash: hash(token), kind: record.kind, reference: record.reference, email, language: input.pageLang, createdAt: now, expiresAt: new Date(now.getTime() + RECORD_LINK_DAYS * 86400_000) },
    });
    await tx.emailMessage.create({
      data: {
        to: record.email,
        subject: recordText(lang, "email.subject", values),
        text: [recordText(lang, `email.body.${record.kind}`, values), "", url, "", recordText(lang, "email.expiry"), "", recordText(lang, "email.signoff")].join("\n"),
        language: lang,
        kind: "track_link",
        createdAt: now,
        nextAttemptAt: now,
      },
    });
  });
  return true;
}

/** The live link's record, or null (unknown, expired, or a case link: those open /track/case). */
export async function recordAccessFor(prisma: Prisma, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const access = await prisma.trackAccess.findUnique({ where: { tokenHash: hash(token) } });
  if (!access || access.expiresAt <= now || (access.kind !== "adjustment" && access.kind !== "nuisance")) return null;
  return access as typeof access & { kind: RecordKind };
}

export type SentEmail = { id: string; subject: string; text: string; at: string };
export type AddedMessage = { id: string; text: string; at: string };

/**
 * What the person sees on the page: the status and the emails we sent to their address about the
 * record (never the link emails, never anything staff wrote for themselves). For an adjustment
 * request, also what they added. The sensitive "what you find hard" is never shown here.
 */
export async function recordForAccess(prisma: Prisma, access: { kind: RecordKind; reference: string; email: string }) {
  const record = await trackRecord(prisma, { reference: access.reference, email: access.email });
  if (!record) return null;
  const toThem = { equals: access.email, mode: "insensitive" as const };
  let sent: { id: string; subject: string; text: string; createdAt: Date; sentAt: Date | null }[];
  let added: AddedMessage[] = [];
  if (record.kind === "adjustment") {
    const links = await prisma.adjustmentEmail.findMany({
      where: { requestId: record.id, emailMessage: { to: toThem } },
      select: { emailMessage: { select: { id: true, subject: true, text: true, createdAt: true, sentAt: true } } },
      take: 50,
    });
    sent = links.map((l) => l.emailMessage);
    // Messages from this page and emails that joined the request.
    const events = await prisma.adjustmentEvent.findMany({ where: { requestId: record.id, kind: { in: ["customer_message", "customer_email"] } }, orderBy: { at: "desc" }, take: 50, select: { id: true, at: true, data: true } });
    added = events.map((e) => ({ id: e.id, at: e.at.toISOString(), text: String((e.data as { text?: unknown }).text ?? "") }));
  } else {
    // Nuisance emails are not linked by a key; every email about a record carries [Ref. …].
    sent = await prisma.emailMessage.findMany({
      where: { caseId: null, to: toThem, subject: { contains: `[Ref. ${record.reference}]` }, NOT: { kind: "track_link" } },
      take: 50,
      select: { id: true, subject: true, text: true, createdAt: true, sentAt: true },
    });
  }
  return {
    record,
    sent: sent
      .map((e) => ({ id: e.id, subject: e.subject, text: e.text, at: (e.sentAt ?? e.createdAt).toISOString() }))
      .sort((a, b) => b.at.localeCompare(a.at)),
    added,
  };
}

/** Whether the person can still add a message: adjustment requests, until removed. */
export const canAddMessage = (record: TrackedRecord) => record.kind === "adjustment" && record.status !== "removed";

/**
 * A message from the tracking page joins the adjustment request's timeline, with an outbox event
 * so the back office hears of it, and the officer dealing with it is told by email (as for cases;
 * unassigned, it waits on the team's list).
 */
export async function addAdjustmentMessage(deps: { prisma: Prisma; publicUrl: string; now?: () => Date }, input: { requestId: string; reference: string; text: string }) {
  const now = (deps.now ?? (() => new Date()))();
  await deps.prisma.$transaction(async (tx) => {
    const request = await tx.adjustmentRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { assignedToId: true } });
    await tx.adjustmentEvent.create({ data: { requestId: input.requestId, kind: "customer_message", at: now, data: { text: input.text, source: "web" } } });
    await emit(tx, { type: "adjustment_request.customer_message", aggregateId: input.requestId, at: now, data: { reference: input.reference } });
    await tellAdjustmentOfficer(tx, deps, { reference: input.reference, assignedToId: request.assignedToId, path: `/staff/adjustments/${input.reference}`, at: now });
  });
}
