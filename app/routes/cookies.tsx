import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/layout";
import { cachedPage } from "~/lib/page-cache.server";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

const COOKIES = [
  ["doorstep_session", "session"],
  ["doorstep_csrf", "csrf"],
  ["lang", "lang"],
  ["nuisance_details", "nuisanceDetails"],
] as const;

export default function Cookies() {
  const { t } = useTranslation("pages");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("cookies.title")} />
        <h1 className="govuk-heading-l">{t("cookies.title")}</h1>
        <p className="govuk-body">{t("cookies.intro")}</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("cookies.tableCaption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("cookies.name")}</th>
              <th scope="col" className="govuk-table__header">{t("cookies.purpose")}</th>
              <th scope="col" className="govuk-table__header">{t("cookies.expires")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {COOKIES.map(([name, key]) => (
              <tr key={name} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <code>{name}</code>
                </th>
                <td className="govuk-table__cell">{t(`cookies.${key}`)}</td>
                <td className="govuk-table__cell">{t(`cookies.${key}Expires`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
