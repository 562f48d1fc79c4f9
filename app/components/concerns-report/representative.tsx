// Report form, representative page: are they acting for someone else, and if so for whom, how
// they are related and on what authority.
import { useTranslation } from "react-i18next";
import { Radios, TextInput } from "~/components/form";
import { ReportFrame, useYesNo, type ReportPageProps } from "./page";

export function RepresentativePage({ page }: { page: ReportPageProps }) {
  const { t } = useTranslation("concerns");
  const { err, value } = page;
  const [yes, no] = useYesNo("report.representative");
  return (
    <ReportFrame page={page} ownHeading>
      <Radios
        name="representative"
        legend={page.title}
        isPageHeading
        hint={t("report.representative.hint")}
        error={err("representative")}
        value={value("representative")}
        options={[
          {
            ...yes,
            conditional: (
              <>
                <TextInput id="representedName" label={t("report.representative.name")} error={err("representedName")} defaultValue={value("representedName")} autoComplete="off" spellCheck={false} />
                <TextInput id="relationship" label={t("report.representative.relationship")} hint={t("report.representative.relationshipHint")} error={err("relationship")} defaultValue={value("relationship")} />
                <Radios
                  name="authority"
                  legend={t("report.representative.authority")}
                  legendSize="s"
                  hint={t("report.representative.authorityHint")}
                  error={err("authority")}
                  value={value("authority")}
                  small
                  options={["consent", "legal"].map((v) => ({ value: v, label: t(`report.representative.authorityOptions.${v}.label`), hint: t(`report.representative.authorityOptions.${v}.hint`) }))}
                />
              </>
            ),
          },
          no,
        ]}
      />
    </ReportFrame>
  );
}
