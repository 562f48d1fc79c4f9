// Report form, a page with one long answer: what happened (details) or what they want (wanted).
import { useTranslation } from "react-i18next";
import { Textarea } from "~/components/form";
import { ReportFrame, type ReportPageProps } from "./page";

export function TextPage({ page, field, max }: { page: ReportPageProps; field: "description" | "wanted"; max: number }) {
  const { t } = useTranslation("concerns");
  return (
    <ReportFrame page={page} ownHeading>
      <Textarea
        id={field}
        isPageHeading
        label={page.title}
        hint={t(`report.${page.step}.hint`, { organisation: page.organisation })}
        error={page.err(field)}
        defaultValue={page.value(field)}
        maxLength={max}
        limitText={page.limit(max)}
      />
    </ReportFrame>
  );
}
