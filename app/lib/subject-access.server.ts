// The subject access page and download share this: validate the address, build the copy with
// the reader's access rules, and audit whose data it was (the party's id or a hash of the
// address, never the address itself) and every sensitive text it released.
import type { AppLoadContext } from "react-router";
import { z } from "zod";
import type { StaffUser } from "./staff.server";
import { sectionCounts, subjectAccessExport } from "../../server/retention/subject-access";

export const SubjectAccessSchema = z.object({ email: z.email("staff-sar:errors.email").max(254, "staff-sar:errors.email") });

export async function prepareSubjectAccess(context: AppLoadContext, staff: StaffUser, email: string, purpose: "preview" | "export") {
  const { prisma, now } = context.services;
  const at = now();
  const result = await subjectAccessExport(prisma, email, at, staff);
  const counts = result ? sectionCounts(result.copy) : null;
  await prisma.$transaction(async (tx) => {
    await tx.auditEvent.create({
      data: {
        at,
        actorId: staff.id,
        action: `subject_access.${purpose}`,
        entityType: result?.subject.partyId ? "Party" : "Subject",
        entityId: result?.subject.partyId ?? result?.subject.hash ?? "none",
        data: result ? { subject: result.subject.hash, counts, sensitiveIncluded: result.sensitive.included.map((s) => s.reference), sensitiveWithheld: result.sensitive.withheld } : { found: false },
      },
    });
    // A sensitive text in the copy is a read of it, recorded as the screen records one.
    for (const read of result?.sensitive.included ?? []) {
      await tx.auditEvent.create({ data: { at, actorId: staff.id, action: "adjustment.difficulty.view", entityType: "AdjustmentRequest", entityId: read.id, data: { reference: read.reference, via: `subject_access.${purpose}` } } });
    }
  });
  return result ? { ...result, counts: counts! } : null;
}
