import { useTranslation } from "react-i18next";
import { Form, Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { ClockTag } from "~/components/clock-tag";
import { PageTitle } from "~/components/layout";
import { openCasesByQueue } from "~/lib/cases.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { requireStaff } from "~/lib/staff.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { WorkQueueIdSchema, WORK_QUEUE_IDS } from "../../server/domain/cases";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  const requested = new URL(request.url).searchParams.get("queue");
  // Anything that is not a known queue id is ignored, never passed to the database.
  const queue = WorkQueueIdSchema.safeParse(requested).success ? (requested as string) : undefined;
  const groups = await openCasesByQueue(context, { queue });
  await audit(context.services.prisma, { actorId: staff.id, action: "case.list", entityType: "WorkQueue", entityId: queue ?? "all" });
  return { queue: queue ?? "", queues: [...WORK_QUEUE_IDS], groups };
}

export default function StaffCases() {
  const { t } = useTranslation("staff");
  const lang = useLang();
  const to = useLocalePath();
  const { queue, queues, groups } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("cases.title")} />
      <h1 className="govuk-heading-l">{t("cases.title")}</h1>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="queue">
            {t("cases.filterLabel")}
          </label>
          <select className="govuk-select" id="queue" name="queue" defaultValue={queue}>
            <option value="">{t("cases.allQueues")}</option>
            {queues.map((q) => (
              <option key={q} value={q}>
                {t(`domain:workQueues.${q}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("cases.filter")}
        </button>
      </Form>
      {groups.length === 0 ? <p className="govuk-body">{t("cases.none")}</p> : null}
      {groups.map((group) => (
        <section key={group.queue} aria-labelledby={`queue-${group.queue}`} data-queue={group.queue}>
          <h2 className="govuk-heading-m" id={`queue-${group.queue}`}>
            {t(`domain:workQueues.${group.queue}`)} <span className="govuk-caption-m">{t("cases.count", { count: group.total })}</span>
          </h2>
          <div className="ds-table-wrap">
            <table className="govuk-table">
              <caption className="govuk-visually-hidden">{t("cases.caption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("cases.reference")}</th>
                  <th scope="col" className="govuk-table__header">{t("cases.titleColumn")}</th>
                  <th scope="col" className="govuk-table__header">{t("cases.received")}</th>
                  <th scope="col" className="govuk-table__header" aria-sort="ascending">{t("cases.nextDue")}</th>
                  <th scope="col" className="govuk-table__header">{t("cases.status")}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {group.cases.map((c) => (
                  <tr key={c.reference} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={to(`/staff/cases/${c.reference}`)}>
                        {c.reference}
                      </Link>
                      <br />
                      <span className="govuk-body-s">{t(`domain:caseTypes.${c.type}`)}</span>
                    </td>
                    <td className="govuk-table__cell">
                      {c.title}
                      {c.language === "cy" ? (
                        <>
                          {" "}
                          <strong className="govuk-tag govuk-tag--blue">{t("cases.welshTag")}</strong>
                        </>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">{formatDateTime(c.createdAt, lang)}</td>
                    <td className="govuk-table__cell">
                      {c.nextDueAt ? formatDate(c.nextDueAt, lang) : "–"} <ClockTag state={c.state} />
                    </td>
                    <td className="govuk-table__cell">{t(`domain:statuses.${c.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
