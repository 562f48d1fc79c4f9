// The staff dashboard: work queues by clock for everyone; for managers, new cases per day by
// channel, clock performance against the service levels, chats and nuisance reports per week
// and the Welsh share. Every chart has its figures in a table beside it.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
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
            <Table
              caption={tb("dashboard.performanceCaption")}
              captionSize="s"
              columns={[{ label: tb("dashboard.level") }, ...(["met", "due", "share", "target"] as const).map((k) => ({ label: tb(`dashboard.${k}`), numeric: true }))]}
              rows={figures.performance.map((p) => ({
                key: p.key,
                rowHeader: true,
                data: { level: p.key },
                cells: [
                  tb(`dashboard.perf.${p.key}`),
                  num(p.met),
                  num(p.due),
                  { cell: p.percent === null ? "–" : `${p.percent}%`, className: p.target !== null && p.percent !== null && p.percent < p.target ? "ds-overdue" : undefined },
                  p.target === null ? "–" : `${p.target}%`,
                ],
              }))}
            />
          </section>

          <section aria-labelledby="h-weekly" data-testid="dashboard-weekly">
            <h2 className="govuk-heading-m" id="h-weekly">
              {tb("dashboard.weeklyHeading")}
            </h2>
            <Table
              caption={tb("dashboard.weeklyCaption")}
              captionSize="s"
              columns={[{ label: tb("dashboard.weekOf") }, ...figures.weeklySeries.map((s) => ({ label: tb(`dashboard.weekly.${s}`), numeric: true }))]}
              rows={figures.weekly.map((w) => ({ key: w.key, rowHeader: true, cells: [w.key, ...figures.weeklySeries.map((s) => num(w.counts[s] ?? 0))] }))}
            />
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
