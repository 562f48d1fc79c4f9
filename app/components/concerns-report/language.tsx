// Report form, language page: English or Welsh for our letters and emails (the journey's language
// is chosen until they answer).
import { useTranslation } from "react-i18next";
import { Radios } from "~/components/form";
import { ReportFrame, type ReportPageProps } from "./page";

export function LanguagePage({ page, journeyLang }: { page: ReportPageProps; journeyLang: string }) {
  const { t } = useTranslation("concerns");
  return (
    <ReportFrame page={page} ownHeading>
      <Radios
        name="language"
        legend={page.title}
        isPageHeading
        hint={t("report.language.hint")}
        error={page.err("language")}
        value={page.value("language") || journeyLang}
        options={["en", "cy"].map((v) => ({ value: v, label: <span lang={v === "cy" ? "cy" : "en"}>{t(`report.language.options.${v}.label`)}</span> }))}
      />
    </ReportFrame>
  );
}
