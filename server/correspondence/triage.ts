// Staff decisions on mail that did not join a record by itself: triage (no or unknown reference)
// and held (the sender is not the customer of the case or adjustment request it names). Staff
// confirm a held message onto the record it names, link it to a case, create a case from it, or
// set it aside. Every decision is audited and written to the record's timeline.
import { z } from "zod";
import { audit } from "../audit";
import { canReadSensitive, ForbiddenError, type StaffLike } from "../auth/permissions";
import type { Prisma } from "../db";
import { parseAdjustmentReference } from "../domain/adjustments/reference.js";
import { ReferenceSchema } from "../domain/cases/reference.js";
import { mailJourneyId } from "./attachments";
import { joinedToAdjustment, joinedToCase } from "./inbound";
import { createStaffCase, type IntakeInput } from "./intake";

import { MAIL_LISTS, MAIL_PAGE_SIZE, type MailList } from "./lists";

export { MAIL_LISTS, MAIL_PAGE_SIZE, type MailList };

export class TriageError extends Error {
  constructor(readonly code: "not_found" | "already_decided" | "unknown_case") {
    super(code);
  }
}

export async function listMail(prisma: Prisma, list: MailList, page: number) {
  const where = { status: list };
  const [total, rows] = await Promise.all([
    prisma.inboundMail.count({ where }),
    prisma.inboundMail.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * MAIL_PAGE_SIZE,
      take: MAIL_PAGE_SIZE,
      select: { id: true, source: true, receivedAt: true, fromAddress: true, fromName: true, subject: true, status: true, reason: true, claimedReference: true, attachmentCount: true, caseId: true },
    }),
  ]);
  const counts = await prisma.inboundMail.groupBy({ by: ["status"], _count: { _all: true } });
  return { total, rows, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>> };
}

export async function getMail(prisma: Prisma, id: string) {
  const mail = await prisma.inboundMail.findUnique({ where: { id } });
  if (!mail) return null;
  const files = await prisma.concernAttachment.findMany({ where: { journeyId: mailJourneyId(id) }, select: { id: true, fileName: true, mediaType: true, sizeBytes: true }, orderBy: { fileName: "asc" } });
  const caseId = mail.caseId;
  const adjustmentReference = mail.claimedReference ? parseAdjustmentReference(mail.claimedReference) : null;
  const claimed = mail.claimedReference && !adjustmentReference ? await prisma.case.findUnique({ where: { reference: mail.claimedReference }, select: { id: true, reference: true, status: true, title: true, closedAt: true } }) : null;
  const claimedAdjustment = adjustmentReference ? await prisma.adjustmentRequest.findUnique({ where: { reference: adjustmentReference }, select: { id: true, reference: true, status: true, assignedToId: true } }) : null;
  const joined = caseId ? await prisma.case.findUnique({ where: { id: caseId }, select: { id: true, reference: true, status: true, title: true, closedAt: true } }) : null;
  return { mail, files, claimed, claimedAdjustment, joined };
}

/**
 * Who may confirm a held message onto an adjustment request: those who may see everything on it,
 * its sensitive "what you find hard" text included (managers, the Head of Customer Contact, the
 * officer dealing with it). A message about an adjustment is usually about the same things, and
 * whether a third party (a carer, an adviser) really writes for the person is for the people
 * dealing with the request to judge. Anyone else takes the request first, or asks a manager.
 */
export const mayConfirmOnAdjustment = (staff: StaffLike, request: { assignedToId: string | null }) => canReadSensitive(staff, request);

/** A held message joins the adjustment request its subject or headers named: on its timeline, the officer told, audited. */
export async function confirmHeldAdjustment(deps: { prisma: Prisma; publicUrl: string; now?: () => Date }, staff: StaffLike, id: string): Promise<string> {
  const now = (deps.now ?? (() => new Date()))();
  return deps.prisma.$transaction(async (tx) => {
    const mail = await tx.inboundMail.findUnique({ where: { id }, select: { status: true, claimedReference: true, text: true, attachmentCount: true, source: true } });
    if (!mail) throw new TriageError("not_found");
    const reference = mail.claimedReference ? parseAdjustmentReference(mail.claimedReference) : null;
    if (mail.status !== "held" || !reference) throw new TriageError("already_decided");
    const request = await tx.adjustmentRequest.findUnique({ where: { reference }, select: { id: true, reference: true, assignedToId: true } });
    if (!request) throw new TriageError("unknown_case");
    if (!mayConfirmOnAdjustment(staff, request)) throw new ForbiddenError("adjustment.sensitive.read");
    // Only a row still held is taken: two staff deciding at once cannot both win.
    const { count } = await tx.inboundMail.updateMany({ where: { id, status: "held" }, data: { status: "joined", matchedBy: "staff", decidedAt: now, decidedById: staff.id } });
    if (count === 0) throw new TriageError("already_decided");
    // Its files stay where triage keeps them (staff download from the mail page the event links to), as for messages that join by themselves.
    await joinedToAdjustment(tx, deps, { inboundId: id, requestId: request.id, reference: request.reference, assignedToId: request.assignedToId, text: mail.text, files: mail.attachmentCount, refused: 0, source: mail.source, actorId: staff.id, at: now });
    await tx.auditEvent.create({ data: { at: now, actorId: staff.id, action: "mail.confirm_held", entityType: "InboundMail", entityId: id, data: { reference: request.reference, was: "held" } } });
    return request.reference;
  });
}

export const LinkSchema = z.object({ reference: ReferenceSchema });

/** Joins a triage or held message to a case: its files move to the case, the officer is told. */
export async function linkMail(deps: { prisma: Prisma; publicUrl: string; now?: () => Date }, actorId: string, id: string, reference: string) {
  const now = (deps.now ?? (() => new Date()))();
  return deps.prisma.$transaction(async (tx) => {
    const mail = await tx.inboundMail.findUnique({ where: { id } });
    if (!mail) throw new TriageError("not_found");
    if (mail.status === "joined") throw new TriageError("already_decided");
    const c = await tx.case.findUnique({ where: { reference }, select: { id: true, reference: true, status: true, assignedToId: true } });
    if (!c) throw new TriageError("unknown_case");
    // Only a row still undecided is taken: two staff deciding at once cannot both win.
    const { count } = await tx.inboundMail.updateMany({ where: { id, status: mail.status }, data: { status: "joined", caseId: c.id, matchedBy: "staff", decidedAt: now, decidedById: actorId } });
    if (count === 0) throw new TriageError("already_decided");
    await tx.concernAttachment.updateMany({ where: { journeyId: mailJourneyId(id) }, data: { caseId: c.id } });
    await joinedToCase(tx, deps, { inboundId: id, caseId: c.id, reference: c.reference, closed: c.status === "closed", assignedToId: c.assignedToId, source: mail.source, files: mail.attachmentCount, refused: 0, matchedBy: "staff", actorId, at: now });
    await tx.auditEvent.create({ data: { at: now, actorId, action: mail.status === "held" ? "mail.confirm_held" : "mail.link", entityType: "InboundMail", entityId: id, data: { reference: c.reference, was: mail.status } } });
    return c.reference;
  });
}

/** A new case from a message (staff intake, channel email), with the message as its first correspondence. */
export async function createCaseFromMail(deps: { prisma: Prisma; publicUrl: string; now?: () => Date }, actorId: string, id: string, input: IntakeInput) {
  const mail = await deps.prisma.inboundMail.findUnique({ where: { id }, select: { status: true } });
  if (!mail) throw new TriageError("not_found");
  if (mail.status === "joined") throw new TriageError("already_decided");
  const { case: created } = await createStaffCase(deps, actorId, { ...input, channel: "email" });
  return linkMail(deps, actorId, id, created.reference);
}

/** Not case work (spam, misdirected): kept as ignored, with who decided. */
export async function setAside(deps: { prisma: Prisma; now?: () => Date }, actorId: string, id: string) {
  const now = (deps.now ?? (() => new Date()))();
  const { count } = await deps.prisma.inboundMail.updateMany({ where: { id, status: { in: ["triage", "held"] } }, data: { status: "ignored", reason: "set_aside", decidedAt: now, decidedById: actorId } });
  if (count === 0) throw new TriageError("already_decided");
  await audit(deps.prisma, { actorId, action: "mail.set_aside", entityType: "InboundMail", entityId: id, data: {} });
}
