// Pieces the concerns pages share: the summary of the journey's answers and the list of
// other bodies that can help. They render what they are given (no domain imports here: the
// rows come from ~/lib/concerns-ui, the helpers' addresses from the route).
import { useTranslation } from "react-i18next";
import { SummaryList, type SummaryRow } from "./form/summary-list";

/** The answers on the path, as a GOV.UK summary list with a Change link for each. */
export function JourneyAnswers({ rows }: { rows: SummaryRow[] }) {
  return <SummaryList rows={rows} testId="journey-answers" preWrap />;
}

/** Other bodies that can help, from the maintained list in server/domain/concerns/remit.ts. */
export function HelperList({ helpers }: { helpers: readonly { id: string; url: string }[] }) {
  const { t } = useTranslation("concerns");
  return (
    <ul className="govuk-list ds-helpers" data-testid="helpers">
      {helpers.map(({ id, url }) => {
        const name = t(`helpers.${id}.name`);
        return (
          <li key={id} className="govuk-!-margin-bottom-4" data-helper={id}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{name}</h3>
            <p className="govuk-body govuk-!-margin-bottom-1">{t(`helpers.${id}.what`)}</p>
            <a className="govuk-link" href={url} rel="noreferrer">
              {t("helpers.visit", { name })}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
