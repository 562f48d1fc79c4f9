// GOV.UK error summary: each message links to its field (see field-error.ts for the ids).
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ErrorLink } from "./field-error";

export function ErrorSummary({ errors }: { errors: readonly ErrorLink[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    // autoFocus reaches the server-rendered HTML, so focus moves here without JavaScript too.
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} autoFocus>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("common:errorSummaryTitle")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a href={`#${error.field}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
