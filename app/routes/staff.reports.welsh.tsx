// Welsh enquiries by month and channel for the annual Welsh language report, with a CSV download.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { BarChart } from "~/components/bar-chart";
import { Table } from "~/components/form";
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
        <Table
          testId="welsh-report"
          caption={t("welsh.caption")}
          captionSize="m"
          columns={[{ label: t("welsh.month") }, ...channels.map((c) => ({ label: ts(`domain:channels.${c}`), numeric: true })), { label: t("dashboard.total"), numeric: true }]}
          rows={table.map((r) => ({
            key: r.key,
            data: { month: r.key },
            rowHeader: true,
            cells: [r.key, ...channels.map((c) => formatNumber(r.counts[c] ?? 0, lang)), formatNumber(r.total, lang)],
          }))}
        />
      </div>
      <p className="govuk-body">
        <a className="govuk-link" href={lang === "cy" ? "/cy/staff/reports/welsh.csv" : "/staff/reports/welsh.csv"} download>
          {t("welsh.csv")}
        </a>
      </p>
    </>
  );
}
