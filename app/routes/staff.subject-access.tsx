// Subject access: find what the portal holds about one customer, see exactly what will be
// released (each section in full), then download it as JSON. Works without JavaScript.
import { useTranslation } from "react-i18next";
import { data, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Button, CsrfInput, ErrorSummary, SummaryList, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatNumber } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { requireCapability } from "~/lib/permissions.server";
import { prepareSubjectAccess, SubjectAccessSchema } from "~/lib/subject-access.server";
import { useLang, useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "subject_access.export");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "subject_access.export");
  const form = await readForm(request, context);
  const parsed = validate(form, SubjectAccessSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, email: String(form.get("email") ?? ""), preview: null }, { status: 400 });
  const prepared = await prepareSubjectAccess(context, staff, parsed.value.email, "preview");
  if (!prepared) return data({ errors: { email: "staff-sar:errors.nothingHeld" }, email: parsed.value.email, preview: null }, { status: 404 });
  const sections = Object.entries(prepared.copy)
    .filter(([key]) => key in prepared.counts)
    .map(([key, value]) => ({ key, count: prepared.counts[key as keyof typeof prepared.counts], json: JSON.stringify(value, null, 2) }));
  return { errors: {} as Record<string, string>, email: parsed.value.email, preview: { sections, withheld: prepared.sensitive.withheld } };
}

export default function SubjectAccess() {
  const { t } = useTranslation("staff-sar");
  const lang = useLang();
  const to = useLocalePath();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  const preview = result?.preview;
  return (
    <>
      <PageTitle title={t("title")} error={summary.length > 0} />
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{t("title")}</h1>
      <p className="govuk-body">{t("intro")}</p>
      <form method="post" noValidate>
        <CsrfInput />
        <TextInput id="email" type="email" label={t("email")} hint={t("emailHint")} spellCheck={false} error={errors.email ? t(errors.email) : undefined} defaultValue={result?.email} />
        <Button preventDoubleClick={false} secondary={Boolean(preview)}>
          {t("find")}
        </Button>
      </form>
      {preview ? (
        <section aria-labelledby="preview-heading" data-testid="sar-preview">
          <h2 className="govuk-heading-m" id="preview-heading">
            {t("previewHeading", { email: result?.email })}
          </h2>
          <p className="govuk-body">{t("previewIntro")}</p>
          {preview.withheld.length > 0 ? (
            <div className="govuk-warning-text" data-testid="sar-withheld">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("warning")}</span>
                {t("withheld", { references: preview.withheld.join(", ") })}
              </strong>
            </div>
          ) : null}
          <SummaryList rows={preview.sections.map((s) => ({ id: s.key, key: t(`sections.${s.key}`), value: t("records", { count: s.count, formatted: formatNumber(s.count, lang) }) }))} />
          {preview.sections
            .filter((s) => s.count > 0)
            .map((s) => (
              <details className="govuk-details" key={s.key}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">{t(`sections.${s.key}`)}</span>
                </summary>
                <div className="govuk-details__text">
                  <pre className="ds-pre-wrap govuk-body-s" tabIndex={0} aria-label={t(`sections.${s.key}`)}>
                    {s.json}
                  </pre>
                </div>
              </details>
            ))}
          {/* A plain form post: the answer is a file download, not a page. */}
          <form method="post" action={to("/staff/subject-access.json")}>
            <CsrfInput />
            <input type="hidden" name="email" value={result?.email} />
            <Button preventDoubleClick={false}>{t("download")}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
