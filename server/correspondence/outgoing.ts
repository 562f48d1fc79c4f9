// What every email we send gets on its way out: the record's reference in the subject as
// `[Ref. …]`, a Reply-To of the casework mailbox, and a Message-ID made from the
// EmailMessage id so that a reply's In-Reply-To/References lead back to the case even when
// the person deletes the reference from the subject.
import { mailboxAddress } from "../config";
import type { Prisma } from "../db";
import type { OutgoingMail } from "../mail/mailer";

export type StoredAttachment = { fileName: string; contentType: string; base64: string };

type EmailRow = { id: string; subject: string; caseId: string | null; attachments?: unknown };

export function mailDomain(replyTo: string): string {
  return (mailboxAddress(replyTo) ?? "casework@doorstep.localhost").split("@")[1]!.toLowerCase();
}

export function messageIdFor(emailId: string, domain: string): string {
  return `<${emailId}@${domain}>`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The EmailMessage ids named by Message-IDs of ours in In-Reply-To/References (others are ignored). */
export function ourEmailIds(messageIds: readonly string[], domain: string): string[] {
  const ids: string[] = [];
  for (const raw of messageIds) {
    const m = /^<?([^<>@\s]+)@([^<>@\s]+)>?$/.exec(raw.trim());
    if (!m || m[2]!.toLowerCase() !== domain) continue;
    const id = m[1]!.toLowerCase();
    if (UUID.test(id) && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, 20);
}

/** Adds `[Ref. X]` unless the subject already quotes it; a bare "(X)" the text carried is replaced. */
export function withReferenceTag(subject: string, reference: string): string {
  const tag = `[Ref. ${reference}]`;
  if (subject.includes(tag)) return subject;
  const bare = subject.replace(new RegExp(`\\s*\\(${reference}\\)`), "");
  return `${bare} ${tag}`;
}

/** The reference of the record an email is about: its case, or the adjustment request it belongs to. */
export async function referenceOf(prisma: Prisma, email: EmailRow): Promise<string | null> {
  if (email.caseId) {
    const c = await prisma.case.findUnique({ where: { id: email.caseId }, select: { reference: true } });
    if (c) return c.reference;
  }
  const adjustment = await prisma.adjustmentEmail.findUnique({ where: { emailMessageId: email.id }, select: { request: { select: { reference: true } } } });
  if (adjustment) return adjustment.request.reference;
  // Nuisance acknowledgements quote their NUI reference in the text already.
  return null;
}

export function createOutgoingDecorator(deps: { prisma: Prisma; replyTo: string }) {
  const domain = mailDomain(deps.replyTo);
  return async (email: EmailRow): Promise<Partial<OutgoingMail>> => {
    const reference = await referenceOf(deps.prisma, email);
    const attachments = Array.isArray(email.attachments) ? (email.attachments as StoredAttachment[]) : [];
    return {
      subject: reference ? withReferenceTag(email.subject, reference) : email.subject,
      replyTo: deps.replyTo,
      messageId: messageIdFor(email.id, domain),
      attachments: attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.base64, "base64") })),
    };
  };
}
