// /track: a customer checks their case with its reference and their email address. The answer
// is the same for "no such reference" and "not your reference", and both are rate-limited.
import { z } from "zod";
import type { Prisma } from "../../server/db";
import { isLimited, secondsToWait, type Limits } from "../../server/limits";
import { normaliseEmail, parseReference, formatReference } from "../../server/domain/cases";
import { parseRecordReference } from "../../server/tracking/records";

export const TrackSchema = z.object({
  reference: z
    .string("track:errors.reference.required")
    .trim()
    .min(1, "track:errors.reference.required")
    .max(40, "track:errors.reference.invalid")
    // A case reference, or an adjustment request (ADJ…) or nuisance report (NUI…) reference.
    .refine((v) => parseReference(v) !== null || parseRecordReference(v) !== null, "track:errors.reference.invalid"),
  email: z.string("track:errors.email.required").trim().min(1, "track:errors.email.required").max(254, "track:errors.email.invalid").pipe(z.email("track:errors.email.invalid")),
});

/** Seconds to wait, or 0 when this lookup may go ahead (and is counted). */
export async function trackAllowed(limits: Limits, ip: string, reference: string): Promise<number> {
  // Per address: enough for a person with a few cases, too few to walk through references.
  const perIp = limits.create({ keyPrefix: "track-ip", points: 30, duration: 10 * 60 });
  // Per reference: stops guessing the email address that goes with one reference.
  const perReference = limits.create({ keyPrefix: "track-ref", points: 5, duration: 15 * 60 });
  try {
    await perIp.consume(ip);
    await perReference.consume(`${ip}|${reference}`);
    return 0;
  } catch (res) {
    if (!isLimited(res)) throw res;
    return secondsToWait(res);
  }
}

export type TrackedCase = {
  reference: string;
  type: string;
  stage: "waiting" | "under_way" | "answered" | "closed";
  receivedAt: string;
  contactBy: string | null;
  closedAt: string | null;
  officer: string | null;
  language: "en" | "cy";
};

/**
 * The customer's view of their case: a stage in plain words, dates, and the officer's name.
 * Never notes, contacts, outcomes or anything else staff wrote.
 */
export async function trackCase(prisma: Prisma, input: { reference: string; email: string }): Promise<TrackedCase | null> {
  const parsed = parseReference(input.reference);
  if (!parsed) return null;
  const reference = formatReference(parsed.type, parsed.number);
  // One query that needs both to match, so a wrong email and a wrong reference cost the same.
  const row = await prisma.case.findFirst({
    where: { reference, parties: { some: { role: "customer", party: { emailNormalised: normaliseEmail(input.email) } } } },
    select: { reference: true, type: true, status: true, createdAt: true, underWayDueAt: true, underWayAt: true, answeredAt: true, closedAt: true, language: true, assignedTo: { select: { name: true } } },
  });
  if (!row) return null;
  const stage = row.status === "closed" ? "closed" : row.answeredAt ? "answered" : row.status === "under_way" ? "under_way" : "waiting";
  return {
    reference: row.reference,
    type: row.type,
    stage,
    receivedAt: row.createdAt.toISOString(),
    contactBy: stage === "waiting" ? row.underWayDueAt.toISOString() : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    officer: stage === "closed" ? null : (row.assignedTo?.name ?? null),
    language: row.language,
  };
}
