// What every page of the concerns report form shares: the props the route gives each page, and
// the frame (back link, title, error summary, caption, form, Continue, "save and come back").
// The pages render what they are given: limits and dates come from the route's loader.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, type ErrorLink, ErrorSummary, type FieldError, JOURNEY_FORM_ID, type Option } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { useLocalePath } from "~/lib/use-lang";

/** The report's text limits (REPORT_LIMITS in server/domain/concerns/report.ts). */
export type ReportLimits = { descriptionMax: number; wantedMax: number; lateReasonMax: number; timelineTextMax: number; addressMax: number; adjustmentsMax: number };

export type ReportPageProps = {
  /** The page's step, as in its address (/concerns/report/<step>). */
  step: string;
  title: string;
  organisation: string;
  /** The back link, already in the page's language. */
  back: string;
  /** Where the form posts, already in the page's language. */
  formAction: string;
  errors: FieldError[];
  summary: ErrorLink[];
  /** The error message for a field (or for one of its date boxes). */
  err: (field: string) => string | undefined;
  /** What was sent, else the saved answer. */
  value: (field: string) => string;
  /** "You can enter up to N characters." */
  limit: (max: number) => string;
  limits: ReportLimits;
};

/** Yes and No, with their hints when the page has them (`<base>.options.yes.label`…). */
export function useYesNo(base: string): [Option, Option] {
  const { t } = useTranslation("concerns");
  const option = (v: "yes" | "no"): Option => ({ value: v, label: t(`${base}.options.${v}.label`), hint: t(`${base}.options.${v}.hint`, { defaultValue: "" }) || undefined });
  return [option("yes"), option("no")];
}

export function ReportFrame({
  page,
  ownHeading = false,
  before,
  continueIntent,
  children,
}: {
  page: ReportPageProps;
  /** The page's question is its heading (a legend or label), so the frame draws no h1. */
  ownHeading?: boolean;
  /** Shown between the heading and the form. */
  before?: ReactNode;
  /** The intent the Continue button sends (a page with other buttons in its form). */
  continueIntent?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("concerns");
  return (
    <>
      <BackLink to={page.back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={page.title} error={page.errors.length > 0} />
          <ErrorSummary errors={page.summary} />
          <span className="govuk-caption-l">{t("report.caption")}</span>
          {ownHeading ? null : <h1 className="govuk-heading-l">{page.title}</h1>}
          {before}
          <Form method="post" action={page.formAction} noValidate id={JOURNEY_FORM_ID}>
            <CsrfInput />
            {children}
            <div className="govuk-button-group">
              <Button name={continueIntent ? "intent" : undefined} value={continueIntent}>
                {t("actions.continue")}
              </Button>
            </div>
          </Form>
          <SaveLink step={page.step} />
        </div>
      </div>
    </>
  );
}

/** "Save and come back later" for a page of the report form. */
export function SaveLink({ step }: { step: string }) {
  const { t } = useTranslation("concerns");
  const to = useLocalePath();
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to(`/concerns/save?from=${encodeURIComponent(`/concerns/report/${step}`)}`)}>
        {t("actions.save")}
      </Link>
    </p>
  );
}
