// The report form's pages (all but the upload page): the reason for a delay, what happened,
// the timeline, what they want, acting for someone else, contact details, language, adjustments.
// One route (one address pattern): this module loads and saves; each page's drawing is its own
// module in app/components/concerns-report/.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { AdjustmentsPage } from "~/components/concerns-report/adjustments";
import { ContactPage } from "~/components/concerns-report/contact";
import { LanguagePage } from "~/components/concerns-report/language";
import { LateReasonPage } from "~/components/concerns-report/late-reason";
import type { ReportPageProps } from "~/components/concerns-report/page";
import { RepresentativePage } from "~/components/concerns-report/representative";
import { TextPage } from "~/components/concerns-report/text-page";
import { TimelinePage } from "~/components/concerns-report/timeline";
import type { FieldError } from "~/components/form";
import { errorText } from "~/lib/concerns-ui";
import { saveConcernDraft } from "~/lib/concerns.server";
import { guardReportStep, loadReport, parseReportStep, parseTimeline, reportBackLink } from "~/lib/concerns-report.server";
import { readForm } from "~/lib/forms.server";
import { formatNumber } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { commitSession } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { fullTimeline, REPORT_LIMITS, reportStepAfter, type Report } from "../../server/domain/concerns/report.js";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const report = await loadReport(request, context);
  const step = guardReportStep(params.step, report);
  const { draft, evaluation, url, late, outcome } = report;
  const change = url.searchParams.get("change") === "check";
  return {
    step,
    report: draft.report,
    organisation: draft.answers.organisation ?? "",
    lastContact: late && outcome.kind === "report_late" ? outcome.lastContact : null,
    timeline: step === "timeline" ? fullTimeline(draft.answers, evaluation.path, draft.report.timeline ?? []) : [],
    ownCount: draft.report.timeline?.length ?? 0,
    back: reportBackLink(step, late, change),
    change,
    notice: url.searchParams.get("notice"),
    exampleYear: Number(report.today.slice(0, 4)) - 1,
    journeyLang: report.lang,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const report = await loadReport(request, context);
  const step = guardReportStep(params.step, report);
  const { draft, session, lang, late, url, today } = report;
  const change = url.searchParams.get("change") === "check";
  let patch: Partial<Report>;
  let stay: string | null = null;
  if (step === "timeline") {
    const parsed = parseTimeline(form, draft.report.timeline ?? [], today);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    patch = { timeline: parsed.timeline, ...(parsed.done ? { timelineDone: true } : {}) };
    if (!parsed.done) stay = `/concerns/report/timeline?${change ? "change=check&" : ""}notice=${parsed.notice ?? ""}`;
  } else if (step === "files") {
    throw redirect(localePath("/concerns/report/files", lang));
  } else {
    const parsed = parseReportStep(step, form);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    patch = parsed.patch;
  }
  const updated = { ...draft, report: { ...draft.report, ...patch } };
  saveConcernDraft(session, updated);
  const next = reportStepAfter(updated.report, late, step, change);
  const target = stay ?? (next ? `/concerns/report/${next}` : "/concerns/report/check");
  return redirect(localePath(target, lang), { headers: await commitSession(context, session) });
}

export default function ReportStepPage() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { step, report, organisation } = loaded;
  const errors: FieldError[] = (result?.errors as FieldError[] | undefined) ?? [];
  const submitted = result?.values as Record<string, string> | undefined;
  const page: ReportPageProps = {
    step,
    title: t(`report.${step}.title`, { organisation }),
    organisation,
    back: to(loaded.back),
    // Always to the bare page: a post must not carry an earlier notice with it.
    formAction: to(`/concerns/report/${step}`) + (params.get("change") ? "?change=check" : ""),
    errors,
    summary: errors.map((e) => ({ field: e.field, message: errorText(t, e, lang) })),
    err: (field) => {
      const e = errors.find((x) => x.field === field || x.field.startsWith(`${field}-`));
      return e ? errorText(t, e, lang) : undefined;
    },
    value: (field) => submitted?.[field] ?? String((report as Record<string, unknown>)[field] ?? ""),
    limit: (max) => t("report.characterLimit", { limit: formatNumber(max, lang) }),
    limits: REPORT_LIMITS,
  };
  // One module per page in app/components/concerns-report/.
  switch (step) {
    case "late-reason":
      return <LateReasonPage page={page} lastContact={loaded.lastContact} />;
    case "details":
      return <TextPage page={page} field="description" max={REPORT_LIMITS.descriptionMax} />;
    case "wanted":
      return <TextPage page={page} field="wanted" max={REPORT_LIMITS.wantedMax} />;
    case "timeline":
      return <TimelinePage page={page} timeline={loaded.timeline} notice={loaded.notice} exampleYear={loaded.exampleYear} submitted={submitted} />;
    case "representative":
      return <RepresentativePage page={page} />;
    case "contact":
      return <ContactPage page={page} />;
    case "language":
      return <LanguagePage page={page} journeyLang={loaded.journeyLang} />;
    case "adjustments":
      return <AdjustmentsPage page={page} />;
    case "files":
      // The action and the guard send this step to its own route (concerns.report.files.tsx).
      return null;
  }
}
