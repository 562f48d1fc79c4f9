// What the staff case page shows of a concern report: its structured details and attachments.
import type { AppLoadContext } from "react-router";
import type { ConcernCaseDetails } from "../../server/domain/concerns";

export async function concernForStaff(context: AppLoadContext, caseId: string) {
  const { prisma } = context.services;
  const row = await prisma.case.findUnique({
    where: { id: caseId },
    select: {
      reference: true,
      details: true,
      concernAttachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, mediaType: true, sizeBytes: true } },
    },
  });
  const details = row?.details as Partial<ConcernCaseDetails> | null;
  if (!row || details?.form !== "concerns") return null;
  return {
    reference: row.reference,
    reason: details.reason ?? null,
    exceptions: (details.answers?.exceptions ?? []).filter((e) => e !== "none"),
    lateReason: details.lateReason ?? null,
    lateDisability: details.lateDisability ?? null,
    wanted: details.wanted ?? "",
    timeline: details.timeline ?? [],
    representative: details.representative ?? null,
    contact: details.contact ?? null,
    adjustments: details.adjustments ?? null,
    attachments: row.concernAttachments,
  };
}
