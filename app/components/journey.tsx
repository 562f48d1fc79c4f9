// The frame of one page of a public journey (adjustments, nuisance): back link, title, error
// summary, a plain form that works without JavaScript (the language switch submits it, so what
// was typed is kept), and Continue.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, type FieldError, JOURNEY_FORM_ID } from "./form";
import { BackLink, PageTitle } from "./layout";

/** Field name → message key (in the journey's namespace), as validate() gives them. */
export type JourneyErrors = Record<string, string>;

export function JourneyPage({
  title,
  back,
  errors,
  fieldErrors,
  children,
  submit,
  ns = "adjustments",
  multipart = false,
  before,
}: {
  title: string;
  back: string;
  errors: JourneyErrors;
  /** The same errors as validate() gives them for the kit: a date's link goes to its first wrong box. */
  fieldErrors?: readonly FieldError[];
  children: ReactNode;
  submit?: string;
  /** The namespace of the error keys and the page's text. */
  ns?: string;
  /** For a page with a file input. */
  multipart?: boolean;
  /** Shown between the error summary and the form (what was reported so far). */
  before?: ReactNode;
}) {
  const { t } = useTranslation(ns);
  const [params] = useSearchParams();
  const summary = fieldErrors ? fieldErrors.map((e) => ({ field: e.field, message: t(e.key, e.params) })) : Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  // A change from the check page comes back to it; otherwise post to this page as it is (a
  // nuisance contact page carries its kind in the query).
  const action = params.get("change") ? "?change=1" : undefined;
  return (
    <>
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          {before}
          <Form method="post" action={action} noValidate encType={multipart ? "multipart/form-data" : undefined} id={JOURNEY_FORM_ID}>
            <CsrfInput />
            {children}
            <Button>{submit ?? t("common:actions.continue")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
