// Welsh enquiries by month and channel for the annual Welsh language report, with a CSV download.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { BarChart } from "~/components/bar-chart";
import { PageTitle } from "~/components/layout";
import { formatNumber } from "~/lib/format";
import { requireCapability } from "~/lib/permissions.server";
import { WELSH_REPORT_CHANNELS, welshTable } from "~/lib/welsh-report.server";
import { useLang } from "~/lib/use-lang";
import { londonDate } from "../../server/domain/cases";


export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "reports.read");
  const { prisma, now } = context.services;
  const table = await welshTable(prisma, londonDate(now()));
  return { table, channels: [...WELSH_REPORT_CHANNELS] };
}

export default function WelshReport() {
  const { t } = useTranslation("staff-backoffice");
  const { t: ts } = useTranslation("staff");
  const lang = useLang();
  const { table, channels } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("welsh.title")} />
      <h1 className="govuk-heading-l">{t("welsh.title")}</h1>
      <p className="govuk-body">{t("welsh.intro")}</p>
      <BarChart bars={table.map((r) => ({ label: r.key.slice(2), value: r.total }))} />
      <div className="ds-table-wrap">
        <table className="govuk-table" data-testid="welsh-report">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("welsh.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("welsh.month")}</th>
              {channels.map((c) => (
                <th key={c} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {ts(`domain:channels.${c}`)}
                </th>
              ))}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("dashboard.total")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {table.map((r) => (
              <tr key={r.key} className="govuk-table__row" data-month={r.key}>
                <th scope="row" className="govuk-table__header">{r.key}</th>
                {channels.map((c) => (
                  <td key={c} className="govuk-table__cell govuk-table__cell--numeric">
                    {formatNumber(r.counts[c] ?? 0, lang)}
                  </td>
                ))}
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(r.total, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="govuk-body">
        <a className="govuk-link" href={lang === "cy" ? "/cy/staff/reports/welsh.csv" : "/staff/reports/welsh.csv"} download>
          {t("welsh.csv")}
        </a>
      </p>
    </>
  );
}
