import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { useLocalePath } from "~/lib/use-lang";
import { cachedPage } from "~/lib/page-cache.server";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

const SERVICES = [
  ["concerns", "/concerns"],
  ["nuisance", "/report-nuisance"],
  ["adjustments", "/adjustments"],
  ["chat", "/chat"],
] as const;

export default function Home() {
  const { t } = useTranslation("home");
  const to = useLocalePath();
  return (
    <>
      <PageTitle title={t("title")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("title")}</h1>
          <p className="govuk-body-l">{t("lead")}</p>
        </div>
      </div>
      <h2 className="govuk-heading-m">{t("servicesHeading")}</h2>
      <ul className="ds-services">
        {SERVICES.map(([key, path]) => (
          <li key={key} className="ds-services__item">
            <h3 className="govuk-heading-s">
              <Link className="govuk-link" to={to(path)}>
                {t(`services.${key}.title`)}
              </Link>
            </h3>
            <p className="govuk-body">{t(`services.${key}.body`)}</p>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">{t("otherHeading")}</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={to("/contact")}>
            {t("contactLink")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={to("/track")}>
            {t("trackLink")}
          </Link>
        </li>
      </ul>
    </>
  );
}
