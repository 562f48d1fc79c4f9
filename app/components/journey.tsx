// The frame of one page of the adjustments journey: back link, title, error summary, form, Continue.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useSearchParams } from "react-router";
import { Button, CsrfInput, ErrorSummary } from "./form";
import { BackLink, PageTitle } from "./layout";
import { JOURNEY_FORM_ID } from "./form/typed";

export type JourneyErrors = Record<string, string>;

export function JourneyPage({
  title,
  back,
  errors,
  children,
  submit,
  ns = "adjustments",
}: {
  title: string;
  back: string;
  errors: JourneyErrors;
  children: ReactNode;
  submit?: string;
  ns?: string;
}) {
  const { t } = useTranslation(ns);
  const [params] = useSearchParams();
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  return (
    <>
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          <Form method="post" action={params.get("change") ? "?change=1" : "?"} noValidate id={JOURNEY_FORM_ID}>
            <CsrfInput />
            {children}
            <Button>{submit ?? t("common:actions.continue")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
