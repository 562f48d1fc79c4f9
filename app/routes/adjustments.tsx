// Start page of the adjustment request journey.
import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { useLocalePath } from "~/lib/use-lang";
import { cachedPage } from "~/lib/page-cache.server";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export default function AdjustmentsStart() {
  const { t } = useTranslation("adjustments");
  const to = useLocalePath();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("start.title")} />
        <h1 className="govuk-heading-l">{t("start.title")}</h1>
        <p className="govuk-body">{t("start.intro")}</p>
        <p className="govuk-body">{t("start.noCase")}</p>
        <p className="govuk-body">{t("start.time")}</p>
        <Link to={to("/adjustments/needs")} role="button" draggable={false} className="govuk-button govuk-button--start" data-module="govuk-button">
          {t("start.startButton")}
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
        <h2 className="govuk-heading-m">{t("start.nextHeading")}</h2>
        <p className="govuk-body">{t("start.next")}</p>
        <p className="govuk-body">{t("start.otherWays")}</p>
      </div>
    </div>
  );
}
