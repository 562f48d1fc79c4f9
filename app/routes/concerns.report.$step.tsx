// The report form's pages (all but the upload page): the reason for a delay, what happened,
// the timeline, what they want, acting for someone else, contact details, language, adjustments.
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { DateInput, Radios, SuccessBanner } from "~/components/concerns-form";
import { Button, CsrfInput, ErrorSummary, Textarea, TextInput } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import type { FieldError } from "~/lib/concerns";
import { errorText } from "~/lib/concerns-ui";
import { saveConcernDraft } from "~/lib/concerns.server";
import { guardReportStep, loadReport, parseReportStep, parseTimeline, reportBackLink } from "~/lib/concerns-report.server";
import { readForm } from "~/lib/forms.server";
import { formatDate, formatNumber } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { commitSession } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { fullTimeline, REPORT_LIMITS, reportStepAfter, type Report } from "../../server/domain/concerns/report.js";
import { JOURNEY_FORM_ID } from "~/components/form/typed";

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
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { step, report, organisation } = page;
  const errors: FieldError[] = (result?.errors as FieldError[] | undefined) ?? [];
  const submitted = result?.values as Record<string, string> | undefined;
  const err = (field: string) => {
    const e = errors.find((x) => x.field === field || x.field.startsWith(`${field}-`));
    return e ? errorText(t, e, lang) : undefined;
  };
  const value = (field: keyof Report | string) => submitted?.[field] ?? String((report as Record<string, unknown>)[field] ?? "");
  const summary = errors.map((e) => ({ field: e.field, message: errorText(t, e, lang) }));
  const limit = (max: number) => t("report.characterLimit", { limit: formatNumber(max, lang) });
  const yesNo = (base: string) => ["yes", "no"].map((v) => ({ value: v, label: t(`${base}.options.${v}.label`), hint: t(`${base}.options.${v}.hint`, { defaultValue: "" }) || undefined }));
  const title = t(`report.${step}.title`, { organisation });
  // Always to the bare page: a post must not carry an earlier notice with it.
  const formAction = to(`/concerns/report/${step}`) + (params.get("change") ? "?change=check" : "");

  let fields;
  let before: React.ReactNode = null;
  let heading: React.ReactNode = <h1 className="govuk-heading-l">{title}</h1>;
  switch (step) {
    case "late-reason":
      heading = null;
      fields = (
        <>
          <Textarea
            id="lateReason"
            isPageHeading
            label={title}
            hint={t("report.late-reason.hint", { organisation, date: page.lastContact ? formatDate(page.lastContact, lang) : "" })}
            error={err("lateReason")}
            defaultValue={value("lateReason")}
            maxLength={REPORT_LIMITS.lateReasonMax}
            limitText={limit(REPORT_LIMITS.lateReasonMax)}
          />
          <Radios
            name="lateDisability"
            legend={t("report.late-reason.disabilityLegend")}
            legendSize="m"
            hint={
              <>
                {t("report.late-reason.disabilityHint")}{" "}
                <Link className="govuk-link" to={to("/adjustments")}>
                  {t("outcomes.report_late.adjustmentsLink")}
                </Link>
              </>
            }
            error={err("lateDisability")}
            options={yesNo("report.late-reason")}
            value={value("lateDisability")}
            inline
          />
        </>
      );
      break;
    case "details":
    case "wanted": {
      heading = null;
      const field = step === "details" ? "description" : "wanted";
      const max = step === "details" ? REPORT_LIMITS.descriptionMax : REPORT_LIMITS.wantedMax;
      fields = (
        <Textarea id={field} isPageHeading label={title} hint={t(`report.${step}.hint`, { organisation })} error={err(field)} defaultValue={value(field)} maxLength={max} limitText={limit(max)} />
      );
      break;
    }
    case "timeline":
      before = (
        <>
          {(page.notice === "added" || page.notice === "removed") && errors.length === 0 ? <SuccessBanner title={t("report.files.successTitle")}>{t(`report.timeline.${page.notice}`)}</SuccessBanner> : null}
          <p className="govuk-body">{t("report.timeline.intro")}</p>
          {page.timeline.length > 0 ? (
            <table className="govuk-table" data-testid="timeline">
              <caption className="govuk-table__caption govuk-table__caption--m">{t("report.timeline.caption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("report.timeline.date")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("report.timeline.what")}
                  </th>
                  <td className="govuk-table__header" />
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {page.timeline.map((item, i) => (
                  <tr key={i} className="govuk-table__row">
                    <td className="govuk-table__cell govuk-!-width-one-quarter">{formatDate(item.date, lang)}</td>
                    <td className="govuk-table__cell ds-pre-wrap">{item.event === "own" ? item.text : t(`report.timeline.events.${item.event}`, { organisation })}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {item.event === "own" ? (
                        <Form method="post" action={formAction} noValidate id={JOURNEY_FORM_ID}>
                          <CsrfInput />
                          <button type="submit" name="intent" value={`remove:${item.index}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                            {t("report.timeline.remove")}
                            <span className="govuk-visually-hidden"> {t("report.timeline.removeHidden", { date: formatDate(item.date, lang) })}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">{t("report.timeline.empty")}</p>
          )}
        </>
      );
      fields = (
        <>
          <h2 className="govuk-heading-m">{t("report.timeline.addHeading")}</h2>
          <DateInput
            name="entryDate"
            legend={t("report.timeline.entryDate")}
            legendSize="s"
            hint={t("date.hint", { example: `27 3 ${page.exampleYear}` })}
            error={err("entryDate")}
            errorParts={errors.find((e) => e.field.startsWith("entryDate"))?.parts}
            value={{ day: submitted?.["entryDate-day"] ?? "", month: submitted?.["entryDate-month"] ?? "", year: submitted?.["entryDate-year"] ?? "" }}
          />
          <Textarea
            id="entryText"
            label={t("report.timeline.entryText")}
            hint={t("report.timeline.entryTextHint")}
            error={err("entryText")}
            defaultValue={submitted?.entryText ?? ""}
            rows={3}
            maxLength={REPORT_LIMITS.timelineTextMax}
            limitText={limit(REPORT_LIMITS.timelineTextMax)}
          />
          <button type="submit" name="intent" value="add" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("report.timeline.add")}
          </button>
        </>
      );
      break;
    case "representative":
      heading = null;
      fields = (
        <Radios
          name="representative"
          legend={title}
          isPageHeading
          hint={t("report.representative.hint")}
          error={err("representative")}
          value={value("representative")}
          options={[
            {
              ...yesNo("report.representative")[0]!,
              conditional: (
                <>
                  <TextInput id="representedName" label={t("report.representative.name")} error={err("representedName")} defaultValue={value("representedName")} autoComplete="off" spellCheck={false} />
                  <TextInput id="relationship" label={t("report.representative.relationship")} hint={t("report.representative.relationshipHint")} error={err("relationship")} defaultValue={value("relationship")} />
                  <Radios
                    name="authority"
                    legend={t("report.representative.authority")}
                    legendSize="s"
                    hint={t("report.representative.authorityHint")}
                    error={err("authority")}
                    value={value("authority")}
                    small
                    options={["consent", "legal"].map((v) => ({ value: v, label: t(`report.representative.authorityOptions.${v}.label`), hint: t(`report.representative.authorityOptions.${v}.hint`) }))}
                  />
                </>
              ),
            },
            yesNo("report.representative")[1]!,
          ]}
        />
      );
      break;
    case "contact":
      fields = (
        <>
          <TextInput id="name" label={t("report.contact.name")} error={err("name")} defaultValue={value("name")} autoComplete="name" spellCheck={false} />
          <TextInput id="email" type="email" label={t("report.contact.email")} hint={t("report.contact.emailHint")} error={err("email")} defaultValue={value("email")} autoComplete="email" spellCheck={false} />
          <Radios
            name="contactMethod"
            legend={t("report.contact.method")}
            legendSize="m"
            error={err("contactMethod")}
            value={value("contactMethod")}
            options={[
              { value: "email", label: t("report.contact.methods.email.label") },
              {
                value: "phone",
                label: t("report.contact.methods.phone.label"),
                conditional: <TextInput id="phone" type="tel" label={t("report.contact.phone")} hint={t("report.contact.phoneHint")} error={err("phone")} defaultValue={value("phone")} autoComplete="tel" width="20" />,
              },
              {
                value: "post",
                label: t("report.contact.methods.post.label"),
                conditional: (
                  <Textarea
                    id="address"
                    label={t("report.contact.address")}
                    hint={t("report.contact.addressHint")}
                    error={err("address")}
                    defaultValue={value("address")}
                    rows={4}
                    maxLength={REPORT_LIMITS.addressMax}
                    limitText={limit(REPORT_LIMITS.addressMax)}
                  />
                ),
              },
            ]}
          />
        </>
      );
      break;
    case "language":
      heading = null;
      fields = (
        <Radios
          name="language"
          legend={title}
          isPageHeading
          hint={t("report.language.hint")}
          error={err("language")}
          value={value("language") || page.journeyLang}
          options={["en", "cy"].map((v) => ({ value: v, label: <span lang={v === "cy" ? "cy" : "en"}>{t(`report.language.options.${v}.label`)}</span> }))}
        />
      );
      break;
    case "adjustments":
      heading = null;
      fields = (
        <>
          <Radios
            name="adjustments"
            legend={title}
            isPageHeading
            hint={t("report.adjustments.hint")}
            error={err("adjustments")}
            value={value("adjustments")}
            options={[
              {
                ...yesNo("report.adjustments")[0]!,
                conditional: (
                  <Textarea
                    id="adjustmentsDetail"
                    label={t("report.adjustments.detail")}
                    optional
                    error={err("adjustmentsDetail")}
                    defaultValue={value("adjustmentsDetail")}
                    rows={4}
                    maxLength={REPORT_LIMITS.adjustmentsMax}
                    limitText={limit(REPORT_LIMITS.adjustmentsMax)}
                  />
                ),
              },
              yesNo("report.adjustments")[1]!,
            ]}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/adjustments")}>
              {t("report.adjustments.link")}
            </Link>
          </p>
        </>
      );
      break;
  }

  return (
    <>
      <BackLink to={to(page.back)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} error={errors.length > 0} />
          <ErrorSummary errors={summary} />
          <span className="govuk-caption-l">{t("report.caption")}</span>
          {heading}
          {before}
          <Form method="post" action={formAction} noValidate>
            <CsrfInput />
            {fields}
            <div className="govuk-button-group">
              <Button name={step === "timeline" ? "intent" : undefined} value={step === "timeline" ? "continue" : undefined}>
                {t("actions.continue")}
              </Button>
            </div>
          </Form>
          <p className="govuk-body">
            <Link className="govuk-link" to={to(`/concerns/save?from=${encodeURIComponent(`/concerns/report/${step}`)}`)}>
              {t("actions.save")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
