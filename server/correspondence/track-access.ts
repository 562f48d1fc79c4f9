// People add to what they sent: after /track matches a reference and email, we email a link
// (a random token; only its SHA-256 is kept; 7 days) to a page for that case where they see what
// we sent them and, while it is open, add a message and files. Internal notes never show.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "../db";
import { normaliseEmail } from "../domain/cases/create-case.js";
import { mailJourneyId } from "./attachments";
import { joinedToCase } from "./inbound";
import { mailText, type Lang } from "./texts";

export const TRACK_LINK_DAYS = 7;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Queues the link email (at most 3 unexpired links per case and address at a time, so /track cannot flood an inbox). */
export async function sendTrackLink(deps: { prisma: Prisma; publicUrl: string; now?: () => Date }, input: { reference: string; email: string; language: Lang; pageLang: Lang }) {
  const now = (deps.now ?? (() => new Date()))();
  const email = normaliseEmail(input.email);
  const live = await deps.prisma.trackAccess.count({ where: { reference: input.reference, email, expiresAt: { gt: now }, createdAt: { gt: new Date(now.getTime() - 3600_000) } } });
  if (live >= 3) return false;
  const token = randomBytes(32).toString("base64url");
  const c = await deps.prisma.case.findUnique({ where: { reference: input.reference }, select: { id: true } });
  if (!c) return false;
  const url = `${deps.publicUrl}${input.pageLang === "cy" ? "/cy" : ""}/track/case/${token}`;
  const lang = input.language;
  await deps.prisma.$transaction(async (tx) => {
    await tx.trackAccess.create({ data: { tokenHash: hash(token), kind: "case", reference: input.reference, email, language: input.pageLang, createdAt: now, expiresAt: new Date(now.getTime() + TRACK_LINK_DAYS * 86400_000) } });
    const values = { reference: input.reference };
    await tx.emailMessage.create({
      data: { to: input.email.trim(), subject: mailText(lang, "trackLink.subject", values), text: [mailText(lang, "trackLink.body", values), "", url, "", mailText(lang, "trackLink.expiry"), "", mailText(lang, "trackLink.signoff")].join("\n"), language: lang, kind: "track_link", caseId: c.id, createdAt: now, nextAttemptAt: now },
    });
  });
  return true;
}

export async function accessFor(prisma: Prisma, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const access = await prisma.trackAccess.findUnique({ where: { tokenHash: hash(token) } });
  if (!access || access.expiresAt <= now) return null;
  return access;
}

/** What the person sees: the case's stage and what we sent them (emails to their address, letters); never notes or staff mail. */
export async function caseForAccess(prisma: Prisma, access: { reference: string; email: string }) {
  const c = await prisma.case.findFirst({
    where: { reference: access.reference, parties: { some: { role: "customer", party: { emailNormalised: access.email } } } },
    select: { id: true, reference: true, type: true, status: true, language: true },
  });
  if (!c) return null;
  const sent = await prisma.emailMessage.findMany({
    where: { caseId: c.id, to: { equals: access.email, mode: "insensitive" }, NOT: [{ kind: { startsWith: "staff_" } }, { kind: "track_link" }] },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, subject: true, text: true, createdAt: true, sentAt: true },
  });
  const added = await prisma.inboundMail.findMany({ where: { caseId: c.id, fromNormalised: access.email }, orderBy: { receivedAt: "desc" }, take: 50, select: { id: true, subject: true, text: true, receivedAt: true, attachmentCount: true, source: true } });
  return { case: c, sent, added };
}

/** A message (and files already stored under its journey) from the tracking page joins the case. */
export async function addFromTrackPage(deps: { prisma: Prisma; publicUrl: string; now?: () => Date }, input: { inboundId: string; caseId: string; email: string; text: string; files: number }) {
  const now = (deps.now ?? (() => new Date()))();
  await deps.prisma.$transaction(async (tx) => {
    const c = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { id: true, reference: true, status: true, assignedToId: true } });
    await tx.inboundMail.create({
      data: { id: input.inboundId, source: "web", receivedAt: now, fromAddress: input.email, fromNormalised: input.email, subject: `[Ref. ${c.reference}]`, text: input.text, sizeBytes: Buffer.byteLength(input.text), attachmentCount: input.files, status: "joined", matchedBy: "web", claimedReference: c.reference, caseId: c.id },
    });
    // Uploaded files were stored as unattached uploads under this message's journey: now they are the case's, kept.
    await tx.concernAttachment.updateMany({ where: { journeyId: mailJourneyId(input.inboundId), caseId: null }, data: { caseId: c.id, expiresAt: null } });
    await joinedToCase(tx, deps, { inboundId: input.inboundId, caseId: c.id, reference: c.reference, closed: c.status === "closed", assignedToId: c.assignedToId, source: "web", files: input.files, refused: 0, matchedBy: "web", actorId: null, at: now });
  });
}

export const newInboundId = () => randomUUID();
