import { useTranslation } from "react-i18next";
import { Table } from "~/components/form";
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
        <Table
          caption={t("cookies.tableCaption")}
          captionSize="m"
          columns={[{ label: t("cookies.name") }, { label: t("cookies.purpose") }, { label: t("cookies.expires") }]}
          rows={COOKIES.map(([name, key]) => ({ key: name, rowHeader: true, cells: [<code key="name">{name}</code>, t(`cookies.${key}`), t(`cookies.${key}Expires`)] }))}
        />
      </div>
    </div>
  );
}
