// Mail in: one function for every way a message reaches the casework mailbox (the SMTP
// receiver, the IMAP poller). It parses the message (mailparser; HTML is only ever turned into
// text), recognises automatic mail so we never answer it, finds the case it names, and either
// joins it to that case, holds it for staff (the sender is not the case's customer), or leaves
// it for triage. See docs/decisions/0014-correspondence.md.
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { Logger } from "pino";
import { mailboxAddress } from "../config";
import type { Prisma, TransactionClient } from "../db";
import { extractReference } from "../domain/cases/reference.js";
import { normaliseEmail } from "../domain/cases/create-case.js";
import { checkAndWrite, recordFiles, type RefusedFile } from "./attachments";
import { mailDomain, ourEmailIds } from "./outgoing";
import { emit } from "../outbox/emit.js";
import { tellAdjustmentOfficer } from "./officer-notice";
import { mailText, type Lang } from "./texts";

export type InboundDeps = {
  prisma: Prisma;
  dataDir: string;
  publicUrl: string;
  replyTo: string;
  /** Our own sending addresses: mail from them is a loop and is never answered. */
  ownAddresses?: string[];
  logger?: Logger;
  now?: () => Date;
};

export const INBOUND_LIMITS = {
  /** Text kept from a message; the rest is cut (the sender's files are kept separately). */
  maxTextChars: 100_000,
  maxSubjectChars: 300,
  /** Acknowledgements to one address in 24 hours, over all cases. */
  acksPerSenderPerDay: 3,
  /** Attachments mailparser is allowed to hand us from one message before we stop reading it as a normal message. */
  maxParts: 500,
} as const;

export type AutoKind = "bounce" | "auto_submitted" | "bulk" | "out_of_office";

export type InboundResult = {
  id: string;
  status: "joined" | "held" | "triage" | "ignored";
  reason: string | null;
  reference: string | null;
  duplicate: boolean;
  refused: RefusedFile[];
};

/** Automatic mail we must never answer (RFC 3834, RFC 2076, RFC 3464 and the usual out-of-office marks). */
export function automaticKind(mail: Pick<ParsedMail, "headers" | "subject" | "from">, envelopeFrom: string | null | undefined): AutoKind | null {
  const h = mail.headers;
  const header = (name: string) => {
    const v = h.get(name);
    if (v == null) return "";
    if (typeof v === "string") return v;
    if (typeof v === "object" && "value" in (v as object)) return String((v as { value: unknown }).value);
    return String(v);
  };
  if (envelopeFrom === "") return "bounce";
  const returnPath = header("return-path").trim();
  if (returnPath === "<>" || (h.has("return-path") && returnPath === "")) return "bounce";
  const contentType = header("content-type").toLowerCase();
  if (contentType.startsWith("multipart/report") || contentType.startsWith("message/delivery-status")) return "bounce";
  const from = (mail.from?.value?.[0]?.address ?? "").toLowerCase();
  if (/^(mailer-daemon|postmaster)@/.test(from)) return "bounce";
  const autoSubmitted = header("auto-submitted").trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return autoSubmitted.startsWith("auto-replied") ? "out_of_office" : "auto_submitted";
  if (/^(bulk|junk|list)$/i.test(header("precedence").trim())) return "bulk";
  if (h.has("list-id") || h.has("list-unsubscribe")) return "bulk";
  if (h.has("x-autoreply") || h.has("x-autorespond") || /oof|autoreply|all/i.test(header("x-auto-response-suppress"))) return "out_of_office";
  if (/^\s*(auto(matic)?[ -]?reply|out of (the )?office|autoreply|away from the office|ateb awtomatig|allan o’?'?r swyddfa)\b/i.test(mail.subject ?? "")) return "out_of_office";
  return null;
}

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value?.[0];

function headerList(mail: ParsedMail): string[] {
  const ids: string[] = [];
  const add = (v: string | string[] | undefined) => {
    if (!v) return;
    for (const item of Array.isArray(v) ? v : v.split(/\s+/)) if (item.trim()) ids.push(item.trim());
  };
  add(mail.inReplyTo);
  add(mail.references);
  return ids;
}

type Match =
  | { kind: "case"; caseId: string; reference: string; matchedBy: "subject" | "in_reply_to"; senderAllowed: boolean; status: string; language: Lang; assignedToId: string | null }
  | { kind: "adjustment"; requestId: string; reference: string; matchedBy: "subject" | "in_reply_to"; senderAllowed: boolean; language: Lang; assignedToId: string | null }
  | { kind: "unknown"; reference: string }
  | { kind: "none" };

/** An adjustment request's reference in the subject's `[Ref. ADJ…]` tag (our emails about one carry it). */
export function adjustmentReferenceIn(subject: string): string | null {
  const m = /\[\s*Ref\.?\s*(ADJ\s?\d{7})\s*\]/i.exec(subject);
  return m ? m[1]!.replace(/\s+/g, "").toUpperCase() : null;
}

const adjustmentSelect = { id: true, reference: true, email: true, correspondenceLanguage: true, assignedToId: true, party: { select: { emailNormalised: true } } } as const;

/** An adjustment request may be written to by the address on it or its customer's (the request has no representatives). */
function adjustmentMatch(r: { id: string; reference: string; email: string | null; correspondenceLanguage: Lang; assignedToId: string | null; party: { emailNormalised: string | null } | null }, sender: string | null, matchedBy: "subject" | "in_reply_to"): Match {
  const senderAllowed = sender !== null && ((r.email !== null && normaliseEmail(r.email) === sender) || r.party?.emailNormalised === sender);
  return { kind: "adjustment", requestId: r.id, reference: r.reference, matchedBy, senderAllowed, language: r.correspondenceLanguage, assignedToId: r.assignedToId };
}

/** Which case the message names, and whether the sender may write to it. */
async function matchCase(prisma: Prisma, mail: ParsedMail, sender: string | null, domain: string): Promise<Match> {
  const caseSelect = { id: true, reference: true, status: true, language: true, assignedToId: true } as const;
  // Replies to a message of ours first: the header is harder to get wrong than a subject.
  const emailIds = ourEmailIds(headerList(mail), domain);
  if (emailIds.length > 0) {
    const ours = await prisma.emailMessage.findMany({ where: { id: { in: emailIds }, caseId: { not: null } }, select: { caseId: true, to: true } });
    const hit = ours[0];
    if (hit?.caseId) {
      const c = await prisma.case.findUnique({ where: { id: hit.caseId }, select: caseSelect });
      if (c) return { kind: "case", caseId: c.id, reference: c.reference, matchedBy: "in_reply_to", senderAllowed: sender !== null && (await senderMayWrite(prisma, c.id, sender)), status: c.status, language: c.language, assignedToId: c.assignedToId };
    }
    // A reply to an email about an adjustment request (linked by AdjustmentEmail).
    const link = await prisma.adjustmentEmail.findFirst({ where: { emailMessageId: { in: emailIds } }, select: { request: { select: adjustmentSelect } } });
    if (link) return adjustmentMatch(link.request, sender, "in_reply_to");
  }
  const reference = extractReference(mail.subject ?? "");
  if (!reference) {
    const adjustment = adjustmentReferenceIn(mail.subject ?? "");
    if (!adjustment) return { kind: "none" };
    const r = await prisma.adjustmentRequest.findUnique({ where: { reference: adjustment }, select: adjustmentSelect });
    return r ? adjustmentMatch(r, sender, "subject") : { kind: "unknown", reference: adjustment };
  }
  const c = await prisma.case.findUnique({ where: { reference }, select: caseSelect });
  if (!c) return { kind: "unknown", reference };
  return { kind: "case", caseId: c.id, reference: c.reference, matchedBy: "subject", senderAllowed: sender !== null && (await senderMayWrite(prisma, c.id, sender)), status: c.status, language: c.language, assignedToId: c.assignedToId };
}

/** The case's customer, or an address we have written to about the case (a representative), may write to it. */
export async function senderMayWrite(prisma: Prisma | TransactionClient, caseId: string, senderNormalised: string): Promise<boolean> {
  const party = await prisma.caseParty.findFirst({ where: { caseId, role: { in: ["customer", "representative"] }, party: { emailNormalised: senderNormalised } }, select: { partyId: true } });
  if (party) return true;
  const written = await prisma.emailMessage.findFirst({ where: { caseId, to: { equals: senderNormalised, mode: "insensitive" }, NOT: { kind: { startsWith: "staff_" } } }, select: { id: true } });
  return written !== null;
}

export async function receiveMail(deps: InboundDeps, input: { source: "smtp" | "imap"; raw: Buffer; envelopeFrom?: string | null }): Promise<InboundResult> {
  const now = (deps.now ?? (() => new Date()))();
  let mail: ParsedMail;
  try {
    // HTML is converted to text by mailparser and the HTML itself is never kept.
    mail = await simpleParser(input.raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    // The parser refuses some messages outright (e.g. more MIME parts than it allows). Staff
    // still see that it came, from whom and about what: the headers alone are read again.
    const reason = (error as { code?: string }).code === "EMAXLEN" ? "too_many_parts" : "unreadable";
    return unreadable(deps, input, reason, now);
  }
  const messageId = typeof mail.messageId === "string" && mail.messageId.length <= 500 ? mail.messageId : null;
  if (messageId) {
    const existing = await deps.prisma.inboundMail.findUnique({ where: { messageId }, select: { id: true, status: true, reason: true, claimedReference: true } });
    if (existing) return { id: existing.id, status: existing.status as InboundResult["status"], reason: existing.reason, reference: existing.claimedReference, duplicate: true, refused: [] };
  }

  const from = firstAddress(mail.from);
  const fromAddress = from?.address && from.address.length <= 320 ? from.address : null;
  const sender = fromAddress ? normaliseEmail(fromAddress) : null;
  const subject = (mail.subject ?? "").slice(0, INBOUND_LIMITS.maxSubjectChars);
  const text = (mail.text ?? "").slice(0, INBOUND_LIMITS.maxTextChars);
  const own = sender !== null && [deps.replyTo, ...(deps.ownAddresses ?? [])].some((a) => (mailboxAddress(a) ?? "").toLowerCase() === sender);
  const auto: AutoKind | "own_mail" | null = own ? "own_mail" : automaticKind(mail, input.envelopeFrom);
  const domain = mailDomain(deps.replyTo);
  const match = auto ? ({ kind: "none" } as Match) : await matchCase(deps.prisma, mail, sender, domain);

  let status: InboundResult["status"];
  let reason: string | null = null;
  if (auto) {
    status = "ignored";
    reason = auto;
  } else if (match.kind === "case" || match.kind === "adjustment") {
    // Held: never merged, whatever the subject claims; staff decide (confirm it onto the record
    // it names, link it to another case, or set it aside: triage.ts).
    status = match.senderAllowed ? "joined" : "held";
    if (!match.senderAllowed) reason = "not_customer";
  } else {
    status = "triage";
    reason = match.kind === "unknown" ? "unknown_reference" : "no_reference";
  }
  const claimedReference = match.kind === "case" || match.kind === "adjustment" || match.kind === "unknown" ? match.reference : auto ? extractReference(subject) : null;
  const caseId = match.kind === "case" && status === "joined" ? match.caseId : null;

  // Automatic mail keeps no files: nothing in it is evidence, and it is the usual carrier of floods.
  const attachments = auto ? [] : (mail.attachments ?? []).slice(0, INBOUND_LIMITS.maxParts);
  const files = await checkAndWrite(
    deps.dataDir,
    attachments.map((a) => ({ fileName: a.filename ?? "attachment", content: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength) })),
  );
  const refusedCount = files.refused.length + Math.max(0, (mail.attachments?.length ?? 0) - attachments.length);

  try {
    const result = await deps.prisma.$transaction(async (tx) => {
      const row = await tx.inboundMail.create({
        data: {
          source: input.source,
          messageId,
          receivedAt: now,
          fromAddress,
          fromNormalised: sender,
          fromName: from?.name ? from.name.slice(0, 200) : null,
          subject,
          text,
          inReplyTo: typeof mail.inReplyTo === "string" ? mail.inReplyTo.slice(0, 500) : null,
          sizeBytes: input.raw.byteLength,
          attachmentCount: files.kept.length,
          status,
          reason,
          matchedBy: match.kind === "case" || match.kind === "adjustment" ? match.matchedBy : null,
          claimedReference,
          caseId,
        },
      });
      await recordFiles(tx, files.kept, row.id, caseId, now);
      if (status === "joined" && match.kind === "case") {
        await joinedToCase(tx, deps, { inboundId: row.id, caseId: match.caseId, reference: match.reference, closed: match.status === "closed", assignedToId: match.assignedToId, source: input.source, files: files.kept.length, refused: refusedCount, matchedBy: match.matchedBy, actorId: null, at: now });
        if (sender && fromAddress) await acknowledge(tx, { inboundId: row.id, to: fromAddress, sender, language: match.language, reference: match.reference, caseId: match.caseId, at: now });
      } else if (status === "joined" && match.kind === "adjustment") {
        await joinedToAdjustment(tx, deps, { inboundId: row.id, requestId: match.requestId, reference: match.reference, assignedToId: match.assignedToId, text, files: files.kept.length, refused: refusedCount, source: input.source, actorId: null, at: now });
        const ack = sender && fromAddress ? await acknowledge(tx, { inboundId: row.id, to: fromAddress, sender, language: match.language, reference: match.reference, caseId: null, at: now, adjustment: true }) : null;
        // Linked to the request like its other emails: shown on its tracking page, and a reply to it joins the request.
        if (ack) await tx.adjustmentEmail.create({ data: { emailMessageId: ack, requestId: match.requestId, kind: "correspondence_acknowledgement" } });
      } else if (status === "triage" && sender && fromAddress) {
        await acknowledge(tx, { inboundId: row.id, to: fromAddress, sender, language: null, reference: null, caseId: null, at: now });
      }
      return row;
    });
    // Identifiers and outcomes only: never the sender, subject or text.
    deps.logger?.info({ inboundId: result.id, source: input.source, status, reason, files: files.kept.length, refused: refusedCount }, "inbound mail");
    return { id: result.id, status, reason, reference: claimedReference, duplicate: false, refused: files.refused };
  } catch (error) {
    await files.discard();
    // The same message arriving twice at once: the second loses the unique race and is the duplicate.
    if (messageId && (error as { code?: string }).code === "P2002") {
      const existing = await deps.prisma.inboundMail.findUnique({ where: { messageId } });
      if (existing) return { id: existing.id, status: existing.status as InboundResult["status"], reason: existing.reason, reference: existing.claimedReference, duplicate: true, refused: [] };
    }
    throw error;
  }
}

async function unreadable(deps: InboundDeps, input: { source: "smtp" | "imap"; raw: Buffer }, reason: string, now: Date): Promise<InboundResult> {
  const text = input.raw.subarray(0, 64 * 1024).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  let head: ParsedMail | null = null;
  try {
    head = await simpleParser(Buffer.from((end >= 0 ? text.slice(0, end) : text) + "\r\n\r\n", "latin1"));
  } catch {
    head = null;
  }
  const from = head ? firstAddress(head.from) : undefined;
  const fromAddress = from?.address && from.address.length <= 320 ? from.address : null;
  const subject = (head?.subject ?? "").slice(0, INBOUND_LIMITS.maxSubjectChars);
  const messageId = typeof head?.messageId === "string" && head.messageId.length <= 500 ? head.messageId : null;
  if (messageId) {
    const existing = await deps.prisma.inboundMail.findUnique({ where: { messageId }, select: { id: true, status: true, reason: true, claimedReference: true } });
    if (existing) return { id: existing.id, status: existing.status as InboundResult["status"], reason: existing.reason, reference: existing.claimedReference, duplicate: true, refused: [] };
  }
  const claimedReference = extractReference(subject);
  const row = await deps.prisma.inboundMail.create({
    data: { source: input.source, messageId, receivedAt: now, fromAddress, fromNormalised: fromAddress ? normaliseEmail(fromAddress) : null, fromName: from?.name?.slice(0, 200) || null, subject, text: "", sizeBytes: input.raw.byteLength, status: "triage", reason, claimedReference },
  });
  deps.logger?.info({ inboundId: row.id, source: input.source, status: "triage", reason }, "inbound mail");
  return { id: row.id, status: "triage", reason, reference: claimedReference, duplicate: false, refused: [] };
}

/** The timeline entry, and the assigned officer told (by email, with no personal data in it). */
export async function joinedToCase(
  tx: TransactionClient,
  deps: { publicUrl: string },
  j: { inboundId: string; caseId: string; reference: string; closed: boolean; assignedToId: string | null; source: string; files: number; refused: number; matchedBy: string; actorId: string | null; at: Date },
) {
  await tx.caseEvent.create({
    data: { caseId: j.caseId, kind: "correspondence_in", at: j.at, actorId: j.actorId, data: { inboundId: j.inboundId, source: j.source, files: j.files, refused: j.refused, matchedBy: j.matchedBy, closed: j.closed } },
  });
  await tx.case.update({ where: { id: j.caseId }, data: { updatedAt: j.at } });
  if (!j.assignedToId) return;
  const officer = await tx.staffUser.findUnique({ where: { id: j.assignedToId }, select: { email: true, active: true } });
  if (!officer?.active) return;
  const url = `${deps.publicUrl}/staff/mail/${j.inboundId}`;
  const lines = [mailText("en", "officerNotice.body", { reference: j.reference }), ...(j.closed ? [mailText("en", "officerNotice.closed")] : []), "", mailText("en", "officerNotice.link", { url })];
  await tx.emailMessage.create({
    data: { to: officer.email, subject: mailText("en", "officerNotice.subject", { reference: j.reference }), text: lines.join("\n"), language: "en", kind: "staff_correspondence_notice", caseId: j.caseId, createdAt: j.at, nextAttemptAt: j.at },
  });
}

/**
 * A message on an adjustment request's timeline (the start of the text; the whole message and its
 * files are on the staff mail page the event links to), the back office told through the outbox,
 * the officer dealing with it emailed. Used when a message joins by itself and when staff confirm a held one.
 */
export async function joinedToAdjustment(
  tx: TransactionClient,
  deps: { publicUrl: string },
  j: { inboundId: string; requestId: string; reference: string; assignedToId: string | null; text: string; files: number; refused: number; source: string; actorId: string | null; at: Date },
) {
  await tx.adjustmentEvent.create({
    data: { requestId: j.requestId, kind: "customer_email", at: j.at, actorId: j.actorId, data: { inboundId: j.inboundId, text: j.text.slice(0, 5000), files: j.files, refused: j.refused, source: j.source } },
  });
  await emit(tx, { type: "adjustment_request.customer_message", aggregateId: j.requestId, at: j.at, data: { reference: j.reference } });
  await tellAdjustmentOfficer(tx, deps, { reference: j.reference, assignedToId: j.assignedToId, path: `/staff/mail/${j.inboundId}`, at: j.at });
}

/**
 * One acknowledgement per message, and never more than a few a day to one address: a sender
 * (or a forged sender) cannot turn the mailbox into a mail cannon.
 */
async function acknowledge(tx: TransactionClient, a: { inboundId: string; to: string; sender: string; language: Lang | null; reference: string | null; caseId: string | null; at: Date; adjustment?: boolean }): Promise<string | null> {
  const since = new Date(a.at.getTime() - 24 * 3600_000);
  const recent = await tx.inboundMail.count({ where: { fromNormalised: a.sender, acknowledgedAt: { gte: since } } });
  if (recent >= INBOUND_LIMITS.acksPerSenderPerDay) return null;
  // Replies on a case (or adjustment request) already acknowledged today are not acknowledged again.
  if (a.caseId || (a.adjustment && a.reference)) {
    const sameRecord = a.caseId ? { caseId: a.caseId } : { claimedReference: a.reference, status: "joined" };
    const already = await tx.inboundMail.count({ where: { fromNormalised: a.sender, ...sameRecord, acknowledgedAt: { gte: since } } });
    if (already > 0) return null;
  }
  const langs: Lang[] = a.language ? [a.language] : ["en", "cy"];
  const key = a.adjustment ? "receivedAdjustment" : a.reference ? "received" : "receivedNoReference";
  const values = { reference: a.reference ?? "" };
  const text = langs.map((l) => [mailText(l, `${key}.body`, values), "", mailText(l, `${key}.quote`, values), "", mailText(l, `${key}.signoff`)].join("\n")).join("\n\n---\n\n");
  const subject = langs.map((l) => mailText(l, `${key}.subject`, values)).join(" / ");
  const email = await tx.emailMessage.create({ data: { to: a.to, subject, text, language: langs[0]!, kind: "correspondence_acknowledgement", caseId: a.caseId, createdAt: a.at, nextAttemptAt: a.at }, select: { id: true } });
  await tx.inboundMail.update({ where: { id: a.inboundId }, data: { acknowledgedAt: a.at } });
  return email.id;
}

/** A message too large to take (IMAP): staff see that it came, and can ask for it another way. */
export async function recordTooLarge(deps: InboundDeps, m: { source: "smtp" | "imap"; sizeBytes: number; subject: string; messageId: string | null }) {
  const now = (deps.now ?? (() => new Date()))();
  const messageId = m.messageId && m.messageId.length <= 500 ? m.messageId : null;
  if (messageId && (await deps.prisma.inboundMail.findUnique({ where: { messageId }, select: { id: true } }))) return;
  const row = await deps.prisma.inboundMail.create({
    data: { source: m.source, messageId, receivedAt: now, subject: m.subject.slice(0, INBOUND_LIMITS.maxSubjectChars), text: "", sizeBytes: m.sizeBytes, status: "triage", reason: "too_large", claimedReference: extractReference(m.subject) },
  });
  deps.logger?.info({ inboundId: row.id, source: m.source, status: "triage", reason: "too_large" }, "inbound mail");
}
