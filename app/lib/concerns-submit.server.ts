// Sending a completed report: check every page once more, then create the case (with its
// acknowledgement email in the person's language) in one transaction.
import type { AppLoadContext } from "react-router";
import { submitConcern } from "../../server/concerns/submit";
import type { CreatedCase } from "../../server/domain/cases";
import { isReportStepDone, reportSteps, type AttachmentSummary, type Evaluation, type Report, type ReportStep } from "../../server/domain/concerns";
import type { ConcernDraft } from "./concerns";
import { ReportSchemas } from "./concerns-report.server";
import { formatDate } from "./format";
import type { Lang } from "./lang";
import { serverT } from "./locales.server";

/** The first report page whose stored answers no longer pass (a stale or tampered session), or null. */
export function firstInvalidReportStep(report: Report, late: boolean): ReportStep | null {
  for (const step of reportSteps(late)) {
    if (!isReportStepDone(step, report)) return step;
    if (step === "timeline" || step === "files") continue;
    const schema = ReportSchemas[step];
    if (!schema.safeParse({ ...report }).success) return step;
  }
  return null;
}

export async function sendReport(context: AppLoadContext, input: { draft: ConcernDraft; evaluation: Evaluation; journeyLanguage: Lang; idempotencyKey: string; acknowledge: boolean }) {
  const { prisma, now, mailWorker } = context.services;
  const { draft } = input;
  const language = draft.report.language ?? input.journeyLanguage;
  const result = await submitConcern(
    { prisma, now },
    {
      journeyId: draft.journeyId,
      answers: draft.answers,
      report: draft.report,
      evaluation: input.evaluation,
      journeyLanguage: input.journeyLanguage,
      idempotencyKey: input.idempotencyKey,
      // No acknowledgement when the recipient's daily limit is met (server/limits/public.ts); the case stands.
      email: !input.acknowledge ? undefined : (created, attachments) => concernAcknowledgement(language, { created, draft, attachments, late: input.evaluation.outcome?.kind === "report_late" }),
    },
  );
  if (result.created) mailWorker.kick();
  return result.case;
}

export function concernAcknowledgement(lang: Lang, input: { created: CreatedCase; draft: ConcernDraft; attachments: readonly AttachmentSummary[]; late: boolean }) {
  const t = serverT(lang, "email-concerns");
  const { created, draft } = input;
  const values = { reference: created.reference, name: draft.report.name!.trim(), organisation: draft.answers.organisation ?? "", date: formatDate(created.clocks.answerBy, lang) };
  const lines = [
    t("acknowledgement.greeting", values),
    "",
    t("acknowledgement.body", values),
    "",
    t("acknowledgement.next", values),
    ...(input.late ? ["", t("acknowledgement.late")] : []),
    ...(input.attachments.length > 0 ? ["", t("acknowledgement.files", { count: input.attachments.length })] : []),
    "",
    t("acknowledgement.quote", values),
    "",
    t("acknowledgement.summary"),
    draft.report.description?.trim() ?? "",
    "",
    t("acknowledgement.signoff"),
  ];
  return { to: draft.report.email!.trim(), subject: t("acknowledgement.subject", values), text: lines.join("\n"), language: lang, kind: "concern_acknowledgement" };
}
