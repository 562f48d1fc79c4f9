// Report form, adjustments page: do they need us to work differently, what, and a link to ask
// for an adjustment on its own.
import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";
import { Radios, Textarea } from "~/components/form";
import { useLocalePath } from "~/lib/use-lang";
import { ReportFrame, useYesNo, type ReportPageProps } from "./page";

export function AdjustmentsPage({ page }: { page: ReportPageProps }) {
  const { t } = useTranslation("concerns");
  const to = useLocalePath();
  const { err, value, limit, limits } = page;
  const [yes, no] = useYesNo("report.adjustments");
  return (
    <ReportFrame page={page} ownHeading>
      <Radios
        name="adjustments"
        legend={page.title}
        isPageHeading
        hint={t("report.adjustments.hint")}
        error={err("adjustments")}
        value={value("adjustments")}
        options={[
          {
            ...yes,
            conditional: (
              <Textarea
                id="adjustmentsDetail"
                label={t("report.adjustments.detail")}
                optional
                error={err("adjustmentsDetail")}
                defaultValue={value("adjustmentsDetail")}
                rows={4}
                maxLength={limits.adjustmentsMax}
                limitText={limit(limits.adjustmentsMax)}
              />
            ),
          },
          no,
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={to("/adjustments")}>
          {t("report.adjustments.link")}
        </Link>
      </p>
    </ReportFrame>
  );
}
