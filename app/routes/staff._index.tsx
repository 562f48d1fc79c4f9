import { useTranslation } from "react-i18next";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { PageTitle } from "~/components/layout";
import { queueSummaries } from "~/lib/cases.server";
import { requireStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  return { queues: await queueSummaries(context) };
}

export default function StaffDashboard() {
  const { t } = useTranslation("staff");
  const to = useLocalePath();
  const { queues } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("dashboard.title")} />
      <h1 className="govuk-heading-l">{t("dashboard.title")}</h1>
      <h2 className="govuk-heading-m">{t("dashboard.queuesHeading")}</h2>
      {queues.length === 0 ? (
        <p className="govuk-body">{t("dashboard.noCases")}</p>
      ) : (
        <div className="ds-table-wrap">
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">{t("dashboard.queuesHeading")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("dashboard.queue")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("dashboard.open")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("dashboard.overdue")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("dashboard.dueSoon")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queues.map((q) => (
                <tr key={q.queue} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={to(`/staff/cases?queue=${encodeURIComponent(q.queue)}`)}>
                      {t(`domain:workQueues.${q.queue}`)}
                    </Link>
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{q.open}</td>
                  <td className={`govuk-table__cell govuk-table__cell--numeric${q.overdue ? " ds-overdue" : ""}`}>{q.overdue}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{q.dueSoon}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={to("/staff/cases")}>
          {t("dashboard.viewAll")}
        </Link>
      </p>
    </>
  );
}
