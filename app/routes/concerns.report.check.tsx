// Check your answers before sending the report; sending creates the case.
import { useTranslation } from "react-i18next";
import { data, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { JourneyAnswers } from "~/components/concerns";
import { journeyAnswerRows } from "~/lib/concerns-ui";
import { Button, CsrfInput, SummaryList } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { CONCERNS_DRAFT, formatBytes } from "~/lib/concerns";
import { saveConcernDraft } from "~/lib/concerns.server";
import { loadReport } from "~/lib/concerns-report.server";
import { firstInvalidReportStep, sendReport } from "~/lib/concerns-submit.server";
import { guardSubmission, readForm } from "~/lib/forms.server";
import { formatDate } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { commitSession, getSession, setDraft } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { journeyUploads } from "../../server/concerns/uploads";
import { fullTimeline } from "../../server/domain/concerns";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const report = await loadReport(request, context);
  const { draft, evaluation, late, lang, session } = report;
  const invalid = firstInvalidReportStep(draft.report, late);
  if (invalid) throw redirect(localePath(`/concerns/report/${invalid}`, lang));
  const page = {
    path: evaluation.path,
    answers: draft.answers,
    report: draft.report,
    late,
    timeline: fullTimeline(draft.answers, evaluation.path, draft.report.timeline ?? []),
    files: await journeyUploads(context.services.prisma, draft.journeyId),
    idempotencyKey: draft.idempotencyKey,
  };
  // One key per completed report: a double click or a resubmit after "back" finds the same case.
  if (!draft.idempotencyKey) {
    const key = crypto.randomUUID().replaceAll("-", "");
    saveConcernDraft(session, { ...draft, idempotencyKey: key });
    return data({ ...page, idempotencyKey: key }, { headers: await commitSession(context, session) });
  }
  return page;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const key = String(form.get("idempotencyKey") ?? "");
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(key)) throw data({ reason: "badRequest" }, { status: 400 });
  const session = await getSession(request, context);
  const done = session.get("submitted")?.concerns;
  const report = await loadReport(request, context).catch((error) => {
    // Sent already (the draft is gone): show the confirmation for that same case.
    if (done && error instanceof Response) return null;
    throw error;
  });
  if (!report) return redirect(localePath("/concerns/report/confirmation", new URL(request.url).pathname.startsWith("/cy") ? "cy" : "en"));
  const { draft, evaluation, late, lang } = report;
  const invalid = firstInvalidReportStep(draft.report, late);
  if (invalid) throw redirect(localePath(`/concerns/report/${invalid}`, lang));
  const { acknowledge } = await guardSubmission(request, context, form, draft.report.email);
  const created = await sendReport(context, { draft, evaluation, journeyLanguage: lang, idempotencyKey: key, acknowledge });
  setDraft(report.session, CONCERNS_DRAFT, undefined);
  report.session.set("submitted", { ...(report.session.get("submitted") ?? {}), concerns: { reference: created.reference, email: draft.report.email!.trim() } });
  return redirect(localePath("/concerns/report/confirmation", lang), { headers: await commitSession(context, report.session) });
}

export default function ReportCheck() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const page = useLoaderData<typeof loader>();
  const { report, late } = page;
  const change = (step: string) => `/concerns/report/${step}?change=check`;
  type Row = [key: string, label: string, value: React.ReactNode, step: string];
  const option = (base: string, value: string | undefined) => (value ? t(`${base}.options.${value}.label`) : "");
  const whatRows: Row[] = [
    ...(late
      ? ([
          ["lateReason", t("report.check.lateReason"), report.lateReason, "late-reason"],
          ["lateDisability", t("report.check.lateDisability"), option("report.late-reason", report.lateDisability), "late-reason"],
        ] as Row[])
      : []),
    ["description", t("report.check.description"), report.description, "details"],
    [
      "timeline",
      t("report.check.timeline"),
      <ul key="t" className="govuk-list">
        {page.timeline.map((item, i) => (
          <li key={i}>
            <strong>{formatDate(item.date, lang)}</strong>: {item.event === "own" ? item.text : t(`report.timeline.events.${item.event}`, { organisation: page.answers.organisation })}
          </li>
        ))}
      </ul>,
      "timeline",
    ],
    ["wanted", t("report.check.wanted"), report.wanted, "wanted"],
    [
      "representative",
      t("report.check.representative"),
      report.representative === "yes" ? t("report.check.representativeValue", { name: report.representedName, relationship: report.relationship }) : option("report.representative", "no"),
      "representative",
    ],
    ...(report.representative === "yes" ? ([["authority", t("report.check.authority"), t(`report.representative.authorityOptions.${report.authority}.label`), "representative"]] as Row[]) : []),
  ];
  const fileRows: Row[] = [
    [
      "files",
      t("report.check.files"),
      page.files.length === 0 ? (
        t("report.check.noFiles")
      ) : (
        <ul key="f" className="govuk-list">
          {page.files.map((f) => (
            <li key={f.id} className="ds-break-word">
              {f.fileName} ({formatBytes(f.sizeBytes, lang)})
            </li>
          ))}
        </ul>
      ),
      "files",
    ],
  ];
  const detailRows: Row[] = [
    ["name", t("report.check.name"), report.name, "contact"],
    ["email", t("report.check.email"), report.email, "contact"],
    ["method", t("report.check.method"), report.contactMethod ? t(`report.contact.methods.${report.contactMethod}.label`) : "", "contact"],
    ...(report.phone ? ([["phone", t("report.check.phone"), report.phone, "contact"]] as Row[]) : []),
    ...(report.contactMethod === "post" ? ([["address", t("report.check.address"), report.address, "contact"]] as Row[]) : []),
    ["language", t("report.check.language"), option("report.language", report.language), "language"],
    ["adjustments", t("report.check.adjustments"), report.adjustments === "yes" ? report.adjustmentsDetail || t("report.check.adjustmentsYes") : option("report.adjustments", "no"), "adjustments"],
  ];
  const list = (rows: Row[]) => (
    <SummaryList
      className="govuk-!-margin-bottom-9"
      preWrap
      rows={rows.map(([id, key, value, step]) => ({ id, key, value, href: to(change(step)), changeLabel: t("actions.changeHidden", { question: key }) }))}
    />
  );
  return (
    <>
      <BackLink to={to("/concerns/report/adjustments")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("report.check.title")} />
          <span className="govuk-caption-l">{t("report.caption")}</span>
          <h1 className="govuk-heading-l">{t("report.check.title")}</h1>
          <h2 className="govuk-heading-m">{t("report.check.concernHeading")}</h2>
          <JourneyAnswers rows={journeyAnswerRows(t, lang, { path: page.path, answers: page.answers, changeFrom: "check" })} />
          <h2 className="govuk-heading-m govuk-!-margin-top-9">{t("report.check.reportHeading")}</h2>
          {list(whatRows)}
          <h2 className="govuk-heading-m">{t("report.check.filesHeading")}</h2>
          {list(fileRows)}
          <h2 className="govuk-heading-m">{t("report.check.detailsHeading")}</h2>
          {list(detailRows)}
          <h2 className="govuk-heading-m">{t("report.check.declarationHeading")}</h2>
          <p className="govuk-body">{t("report.check.declaration")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />
            <Button>{t("report.check.submit")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
