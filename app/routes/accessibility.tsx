import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/layout";
import { cachedPage } from "~/lib/page-cache.server";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export default function Accessibility() {
  const { t } = useTranslation("pages");
  const abilities = t("accessibility.abilities", { returnObjects: true }) as string[];
  const sections = ["compliance", "problems", "enforcement", "prepared"] as const;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("accessibility.title")} />
        <h1 className="govuk-heading-l">{t("accessibility.title")}</h1>
        <p className="govuk-body">{t("accessibility.intro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {abilities.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {sections.map((section) => (
          <section key={section}>
            <h2 className="govuk-heading-m">{t(`accessibility.${section}Heading`)}</h2>
            <p className="govuk-body">{t(`accessibility.${section}`)}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
