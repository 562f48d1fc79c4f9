import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/layout";
import { cachedPage } from "~/lib/page-cache.server";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export default function Privacy() {
  const { t } = useTranslation("pages");
  const sections = ["what", "why", "sensitive", "keep", "rights", "staff"] as const;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("privacy.title")} />
        <h1 className="govuk-heading-l">{t("privacy.title")}</h1>
        <p className="govuk-body">{t("privacy.intro")}</p>
        {sections.map((section) => (
          <section key={section}>
            <h2 className="govuk-heading-m">{t(`privacy.${section}Heading`)}</h2>
            <p className="govuk-body">{t(`privacy.${section}`)}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
