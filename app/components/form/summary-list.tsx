// GOV.UK summary list: a key, a value and an optional Change link per row. Used by every "check
// your answers" page, public and staff.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";

export type SummaryRow = {
  key: ReactNode;
  value: ReactNode;
  /** Where "Change" goes (already in the page's language); no link when absent. */
  href?: string;
  /** The row's question for screen readers after "Change" ("Change <question>"). */
  changeLabel?: string;
  /** The row's name, as `data-row` (tests and styles find a row by it). */
  id?: string;
};

export function SummaryList({ rows, testId, preWrap = false, className }: { rows: SummaryRow[]; testId?: string; preWrap?: boolean; className?: string }) {
  const { t } = useTranslation();
  const anyLink = rows.some((r) => r.href);
  return (
    <dl className={`govuk-summary-list${className ? ` ${className}` : ""}`} data-testid={testId}>
      {rows.map((row, i) => (
        <div key={`${row.id ?? ""}-${i}`} className={`govuk-summary-list__row${anyLink && !row.href ? " govuk-summary-list__row--no-actions" : ""}`} data-row={row.id}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className={`govuk-summary-list__value${preWrap ? " ds-pre-wrap" : ""}`}>{row.value}</dd>
          {row.href ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.href}>
                {t("common:actions.change")}
                {row.changeLabel ? <span className="govuk-visually-hidden"> {row.changeLabel}</span> : null}
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
