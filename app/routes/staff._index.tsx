// The staff dashboard: work queues by clock for everyone; for managers, new cases per day by
// channel, clock performance against the service levels, chats and nuisance reports per week
// and the Welsh share. Every chart has its figures in a table beside it.
import { useTranslation } from "react-i18next";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { BarChart } from "~/components/bar-chart";
import { Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { dashboardFigures } from "~/lib/dashboard.server";
import { formatNumber } from "~/lib/format";
import { requireCapability } from "~/lib/permissions.server";
import { can } from "../../server/auth/permissions";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { QUEUE_CLOCK_STATES, queueCounts } from "../../server/domain/cases";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "staff.home");
  const queues = await queueCounts(context.services.prisma, context.services.now());
  return { queues, figures: can(staff, "case.any") ? await dashboardFigures(context) : null };
}

const shortDay = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}`;

export default function StaffDashboard() {
  const { t } = useTranslation("staff");
  const { t: tb } = useTranslation("staff-backoffice");
  const lang = useLang();
  const to = useLocalePath();
  const { queues, figures } = useLoaderData<typeof loader>();
  const num = (n: number) => formatNumber(n, lang);
  return (
    <>
      <PageTitle title={t("dashboard.title")} />
      <h1 className="govuk-heading-l">{t("dashboard.title")}</h1>
      <h2 className="govuk-heading-m">{t("dashboard.queuesHeading")}</h2>
      {queues.length === 0 ? (
        <p className="govuk-body">{t("dashboard.noCases")}</p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            testId="dashboard-queues"
            caption={t("dashboard.queuesHeading")}
            captionSize="hidden"
            columns={[{ label: t("dashboard.queue") }, { label: t("dashboard.open"), numeric: true }, ...QUEUE_CLOCK_STATES.map((s) => ({ label: t(`staff-cases:clockStates.${s}`), numeric: true }))]}
            rows={queues.map((q) => ({
              key: q.queue,
              rowHeader: true,
              cells: [
                <Link key="queue" className="govuk-link" to={to(`/staff/cases?queue=${encodeURIComponent(q.queue)}`)}>
                  {t(`domain:workQueues.${q.queue}`)}
                </Link>,
                num(q.total),
                ...QUEUE_CLOCK_STATES.map((s) => ({ cell: num(q[s]), className: s === "overdue" && q.overdue ? "ds-overdue" : undefined })),
              ],
            }))}
          />
        </div>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={to("/staff/cases")}>
          {t("dashboard.viewAll")}
        </Link>
      </p>

      {figures ? (
        <>
          <section aria-labelledby="h-daily" data-testid="dashboard-daily">
            <h2 className="govuk-heading-m" id="h-daily">
              {tb("dashboard.dailyHeading")}
            </h2>
            <BarChart bars={figures.daily.map((d) => ({ label: shortDay(d.key), value: d.total }))} />
            <div className="ds-table-wrap">
              <Table
                className="govuk-!-font-size-16"
                caption={tb("dashboard.dailyCaption")}
                captionSize="s"
                columns={[{ label: tb("dashboard.day") }, ...figures.channels.map((c) => ({ label: t(`domain:channels.${c}`), numeric: true })), { label: tb("dashboard.total"), numeric: true }]}
                rows={figures.daily.map((d) => ({ key: d.key, rowHeader: true, cells: [d.key, ...figures.channels.map((c) => num(d.counts[c] ?? 0)), num(d.total)] }))}
              />
            </div>
          </section>

          <section aria-labelledby="h-performance" data-testid="dashboard-performance">
            <h2 className="govuk-heading-m" id="h-performance">
              {tb("dashboard.performanceHeading")}
            </h2>
            <BarChart bars={figures.performance.map((p) => ({ label: tb(`dashboard.perfShort.${p.key}`), value: p.percent ?? 0 }))} max={100} unit="%" />
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{tb("dashboard.performanceCaption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{tb("dashboard.level")}</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">{tb("dashboard.met")}</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">{tb("dashboard.due")}</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">{tb("dashboard.share")}</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">{tb("dashboard.target")}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {figures.performance.map((p) => (
                  <tr key={p.key} className="govuk-table__row" data-level={p.key}>
                    <th scope="row" className="govuk-table__header">{tb(`dashboard.perf.${p.key}`)}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{num(p.met)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{num(p.due)}</td>
                    <td className={`govuk-table__cell govuk-table__cell--numeric${p.target !== null && p.percent !== null && p.percent < p.target ? " ds-overdue" : ""}`}>
                      {p.percent === null ? "–" : `${p.percent}%`}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{p.target === null ? "–" : `${p.target}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="h-weekly" data-testid="dashboard-weekly">
            <h2 className="govuk-heading-m" id="h-weekly">
              {tb("dashboard.weeklyHeading")}
            </h2>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{tb("dashboard.weeklyCaption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{tb("dashboard.weekOf")}</th>
                  {figures.weeklySeries.map((s) => (
                    <th key={s} scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {tb(`dashboard.weekly.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {figures.weekly.map((w) => (
                  <tr key={w.key} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{w.key}</th>
                    {figures.weeklySeries.map((s) => (
                      <td key={s} className="govuk-table__cell govuk-table__cell--numeric">
                        {num(w.counts[s] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="h-welsh" data-testid="dashboard-welsh">
            <h2 className="govuk-heading-m" id="h-welsh">
              {tb("dashboard.welshHeading")}
            </h2>
            <p className="govuk-body">
              {figures.welshShare.percent === null
                ? tb("dashboard.welshNone")
                : tb("dashboard.welshShare", { percent: figures.welshShare.percent, welsh: num(figures.welshShare.welsh), total: num(figures.welshShare.total) })}{" "}
              <Link className="govuk-link" to={to("/staff/reports/welsh")}>
                {tb("hub.welsh")}
              </Link>
            </p>
          </section>
        </>
      ) : null}
    </>
  );
}
