// "A copy of what the portal holds about me": every record tied to one email address, as JSON.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { normaliseEmail } from "../domain/cases/create-case.js";

export async function subjectAccessExport(prisma: PrismaClient, email: string, now: Date) {
  const emailNormalised = normaliseEmail(email);
  const party = await prisma.party.findUnique({
    where: { emailNormalised },
    include: {
      flags: true,
      cases: {
        include: {
          case: {
            include: {
              events: { orderBy: { at: "asc" }, select: { kind: true, at: true, data: true } },
              callbacks: { select: { requestedAt: true, dueAt: true, note: true, doneAt: true } },
              concernAttachments: { select: { fileName: true, createdAt: true } },
            },
          },
        },
      },
      adjustmentRequests: { include: { events: { select: { kind: true, at: true } } } },
    },
  });
  const emails = await prisma.emailMessage.findMany({ where: { to: { equals: email.trim(), mode: "insensitive" } }, select: { subject: true, text: true, createdAt: true, sentAt: true, language: true }, orderBy: { createdAt: "asc" } });
  const adjustmentsByEmail = await prisma.adjustmentRequest.findMany({ where: { email: { equals: email.trim(), mode: "insensitive" }, partyId: null } });
  if (!party && emails.length === 0 && adjustmentsByEmail.length === 0) return null;
  return {
    generatedAt: now.toISOString(),
    about: email.trim(),
    person: party ? { name: party.name, email: party.email, phone: party.phone, preferredLanguage: party.preferredLanguage, createdAt: party.createdAt } : null,
    flags: party?.flags.map((f) => ({ kind: f.kind, summary: f.summary, setAt: f.setAt, reviewAt: f.reviewAt, clearedAt: f.clearedAt })) ?? [],
    cases:
      party?.cases.map(({ role, case: c }) => ({
        role,
        reference: c.reference,
        type: c.type,
        status: c.status,
        title: c.title,
        language: c.language,
        channel: c.channel,
        summary: c.summary,
        details: c.details,
        createdAt: c.createdAt,
        closedAt: c.closedAt,
        outcome: c.outcome,
        timeline: c.events,
        callbacks: c.callbacks,
        attachments: c.concernAttachments,
      })) ?? [],
    adjustmentRequests: [...(party?.adjustmentRequests ?? []), ...adjustmentsByEmail].map(({ consentTokenHash: _t, idempotencyKey: _k, ...rest }) => rest),
    emails,
  };
}
