// A completed concern report becomes one case: the right type and work queue, the clocks, the
// late attribute, the journey's answers as structured details, the uploaded files attached,
// the acknowledgement email queued and any saved copies deleted, all in one transaction.
import type { Prisma } from "../db";
import { createCase, type CreatedCase, type NewCaseInput } from "../domain/cases/index.js";
import {
  concernCaseDetails,
  isReportOutcome,
  organisationForCase,
  type Answers,
  type Evaluation,
  type Report,
  type AttachmentSummary,
} from "../domain/concerns/index.js";
import { deleteSavedDrafts } from "./drafts";
import { attachmentEvent, journeyUploads } from "./uploads";

export type SubmitDeps = { prisma: Prisma; now?: () => Date };

export type SubmitInput = {
  journeyId: string;
  answers: Answers;
  report: Report;
  evaluation: Evaluation;
  journeyLanguage: "en" | "cy";
  idempotencyKey: string;
  /** The acknowledgement, built once the reference is known. */
  email?: (created: CreatedCase, attachments: readonly AttachmentSummary[]) => ReturnType<NonNullable<NewCaseInput["emails"]>>[number];
};

export class ReportNotReadyError extends Error {}

export async function submitConcern(deps: SubmitDeps, input: SubmitInput): Promise<{ case: CreatedCase; created: boolean }> {
  const outcome = input.evaluation.outcome;
  if (!isReportOutcome(outcome)) throw new ReportNotReadyError("the journey does not end in a report");
  const { report } = input;
  const attachments = await journeyUploads(deps.prisma, input.journeyId);
  const details = concernCaseDetails({ answers: input.answers, evaluation: input.evaluation, report, attachments, journeyLanguage: input.journeyLanguage });
  const language = report.language ?? input.journeyLanguage;
  const organisation = organisationForCase(input.answers);
  return createCase(
    { prisma: deps.prisma, now: deps.now },
    {
      type: outcome.caseType,
      channel: "web_form",
      language,
      summary: details.description,
      subject: organisation.name,
      details,
      customer: { name: report.name!.trim(), email: report.email!.trim(), phone: report.phone?.trim() || null, preferredLanguage: language },
      organisation,
      late: outcome.kind === "report_late",
      idempotencyKey: input.idempotencyKey,
      emails: input.email ? (created) => [input.email!(created, attachments)] : undefined,
      alsoInTransaction: async (tx, created) => {
        const at = created.openedAt;
        if (attachments.length > 0) {
          const { count } = await tx.concernAttachment.updateMany({
            where: { id: { in: attachments.map((a) => a.id) }, journeyId: input.journeyId, caseId: null },
            data: { caseId: created.id, expiresAt: null },
          });
          // A file removed in another tab meanwhile: fail whole, and the person sends again.
          if (count !== attachments.length) throw new Error("attachments changed while sending");
          for (const a of attachments) await attachmentEvent(tx, "concern_attachment.attached", a.id, at, { caseId: created.id, reference: created.reference });
        }
        await deleteSavedDrafts(tx, input.journeyId, at, "submitted");
      },
    },
  );
}
