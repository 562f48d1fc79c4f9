// Background jobs for managers and admins: each job's queue and timetable, and recent failures
// with their error and next attempt. Read-only and server-rendered, so it works without JavaScript.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
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
      <h2 className="govuk-heading-m" id="queues">
        {t("queues")}
      </h2>
      <div className="ds-table-wrap">
        <table className="govuk-table" aria-labelledby="queues" data-testid="job-queues">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("job")}</th>
              <th scope="col" className="govuk-table__header">{t("timetable")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("waiting")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("retrying")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("running")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("doneDay")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("failedDay")}</th>
              <th scope="col" className="govuk-table__header">{t("lastDone")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {queues.map((q) => (
              <tr key={q.name} className="govuk-table__row" data-job={q.name}>
                <th scope="row" className="govuk-table__header">
                  {name(q.name)}
                </th>
                <td className="govuk-table__cell">{q.cron ? <code lang="en">{q.cron}</code> : t("onDemand")}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(q.waiting, lang)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(q.retrying, lang)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(q.active, lang)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(q.completedDay, lang)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(q.failedDay, lang)}</td>
                <td className="govuk-table__cell">{q.lastCompletedAt ? formatDateTime(q.lastCompletedAt, lang) : t("never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="govuk-heading-m" id="failures">
        {t("failures")}
      </h2>
      {recentFailures.length === 0 ? (
        <p className="govuk-body" data-testid="no-job-failures">
          {t("noFailures")}
        </p>
      ) : (
        <div className="ds-table-wrap">
          <table className="govuk-table" aria-labelledby="failures" data-testid="job-failures">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("job")}</th>
                <th scope="col" className="govuk-table__header">{t("state")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("attempts")}</th>
                <th scope="col" className="govuk-table__header">{t("error")}</th>
                <th scope="col" className="govuk-table__header">{t("failedAt")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {recentFailures.map((f) => (
                <tr key={f.id} className="govuk-table__row" data-job-failure={f.id}>
                  <th scope="row" className="govuk-table__header">
                    {name(f.name)}
                  </th>
                  <td className="govuk-table__cell">
                    {f.state === "retry" ? t("stateRetry") : t("stateFailed")}
                    {f.nextAttemptAt ? (
                      <>
                        <br />
                        <span className="govuk-body-s">{t("nextAttempt", { when: formatDateTime(f.nextAttemptAt, lang) })}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{t("attemptsOf", { attempts: f.attempts, limit: f.retryLimit + 1 })}</td>
                  <td className="govuk-table__cell">
                    <span lang="en">{f.error || "–"}</span>
                  </td>
                  <td className="govuk-table__cell">{f.failedAt ? formatDateTime(f.failedAt, lang) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
