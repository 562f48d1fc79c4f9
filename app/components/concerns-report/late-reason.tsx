// Report form, late-reason page: why they are coming to us three months or more after their last
// meaningful contact, and whether a disability or health condition played a part.
import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";
import { Radios, Textarea } from "~/components/form";
import { formatDate } from "~/lib/format";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { ReportFrame, useYesNo, type ReportPageProps } from "./page";

export function LateReasonPage({ page, lastContact }: { page: ReportPageProps; lastContact: string | null }) {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const { err, value, limit, limits, organisation } = page;
  return (
    <ReportFrame page={page} ownHeading>
      <Textarea
        id="lateReason"
        isPageHeading
        label={page.title}
        hint={t("report.late-reason.hint", { organisation, date: lastContact ? formatDate(lastContact, lang) : "" })}
        error={err("lateReason")}
        defaultValue={value("lateReason")}
        maxLength={limits.lateReasonMax}
        limitText={limit(limits.lateReasonMax)}
      />
      <Radios
        name="lateDisability"
        legend={t("report.late-reason.disabilityLegend")}
        legendSize="m"
        hint={
          <>
            {t("report.late-reason.disabilityHint")}{" "}
            <Link className="govuk-link" to={to("/adjustments")}>
              {t("outcomes.report_late.adjustmentsLink")}
            </Link>
          </>
        }
        error={err("lateDisability")}
        options={useYesNo("report.late-reason")}
        value={value("lateDisability")}
        inline
      />
    </ReportFrame>
  );
}
