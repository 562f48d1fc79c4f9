// Background jobs for managers and admins: each job's queue and timetable, and recent failures
// with their error and next attempt. Read-only and server-rendered, so it works without JavaScript.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDateTime, formatNumber } from "~/lib/format";
import { requireCapability } from "~/lib/permissions.server";
import { useLang } from "~/lib/use-lang";
import { jobsStatus } from "../../server/jobs/status";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "jobs.read");
  const jobs = context.services.jobs;
  if (!jobs) return { running: false as const, queues: [], recentFailures: [] };
  return { running: true as const, ...(await jobsStatus(jobs)) };
}

export default function Jobs() {
  const { t } = useTranslation("staff-jobs");
  const lang = useLang();
  const { running, queues, recentFailures } = useLoaderData<typeof loader>();
  const name = (n: string) => t(`names.${n}`, { defaultValue: n });
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 className="govuk-heading-l">{t("title")}</h1>
      <p className="govuk-body">{t("intro")}</p>
      {!running ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">{t("notRunning")}</strong>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">
        {t("queues")}
      </h2>
      <div className="ds-table-wrap">
        <Table
          testId="job-queues"
          caption={t("queues")}
          captionSize="hidden"
          columns={[
            { label: t("job") },
            { label: t("timetable") },
            { label: t("waiting"), numeric: true },
            { label: t("retrying"), numeric: true },
            { label: t("running"), numeric: true },
            { label: t("doneDay"), numeric: true },
            { label: t("failedDay"), numeric: true },
            { label: t("lastDone") },
          ]}
          rows={queues.map((q) => ({
            key: q.name,
            rowHeader: true,
            data: { job: q.name },
            cells: [
              name(q.name),
              q.cron ? <code lang="en">{q.cron}</code> : t("onDemand"),
              ...[q.waiting, q.retrying, q.active, q.completedDay, q.failedDay].map((n) => formatNumber(n, lang)),
              q.lastCompletedAt ? formatDateTime(q.lastCompletedAt, lang) : t("never"),
            ],
          }))}
        />
      </div>
      <h2 className="govuk-heading-m">
        {t("failures")}
      </h2>
      {recentFailures.length === 0 ? (
        <p className="govuk-body" data-testid="no-job-failures">
          {t("noFailures")}
        </p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            testId="job-failures"
            caption={t("failures")}
            captionSize="hidden"
            columns={[{ label: t("job") }, { label: t("state") }, { label: t("attempts"), numeric: true }, { label: t("error") }, { label: t("failedAt") }]}
            rows={recentFailures.map((f) => ({
              key: f.id,
              rowHeader: true,
              data: { "job-failure": f.id },
              cells: [
                name(f.name),
                <>
                  {f.state === "retry" ? t("stateRetry") : t("stateFailed")}
                  {f.nextAttemptAt ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{t("nextAttempt", { when: formatDateTime(f.nextAttemptAt, lang) })}</span>
                    </>
                  ) : null}
                </>,
                t("attemptsOf", { attempts: f.attempts, limit: f.retryLimit + 1 }),
                <span lang="en">{f.error || "–"}</span>,
                f.failedAt ? formatDateTime(f.failedAt, lang) : "–",
              ],
            }))}
          />
        </div>
      )}
    </>
  );
}
