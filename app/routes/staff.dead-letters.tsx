// Events the relay could not deliver after every retry: what, when, the last error, and a replay.
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Button, CsrfInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDateTime, formatNumber } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang } from "~/lib/use-lang";
import { z } from "zod";
import { audit } from "../../server/audit";
import { listDeadLetters, replayDeadLetter } from "../../server/outbox/relay";


export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "outbox.manage");
  const { total, waiting, rows } = await listDeadLetters(context.services.prisma);
  return {
    configured: Boolean(context.services.config.webhook),
    total,
    waiting,
    rows: rows.map((r) => ({ ...r, sequence: String(r.sequence), createdAt: r.createdAt.toISOString(), nextAttemptAt: r.nextAttemptAt.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "outbox.manage");
  const form = await readForm(request, context);
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) throw data({ reason: "badRequest" }, { status: 400 });
  const replayed = await replayDeadLetter(context.services.prisma, id.data, context.services.now());
  await audit(context.services.prisma, { actorId: staff.id, action: "outbox.replay", entityType: "OutboxEvent", entityId: id.data, data: { replayed } });
  return redirect(localePath(`/staff/dead-letters?replayed=${replayed ? 1 : 0}`, langFromPath(new URL(request.url).pathname)));
}

export default function DeadLetters() {
  const { t } = useTranslation("staff-backoffice");
  const lang = useLang();
  const [params] = useSearchParams();
  const { configured, total, waiting, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("deadLetters.title")} />
      <h1 className="govuk-heading-l">{t("deadLetters.title")}</h1>
      {params.get("replayed") === "1" ? (
        <p className="govuk-inset-text" role="status">
          {t("deadLetters.replayed")}
        </p>
      ) : null}
      {!configured ? <p className="govuk-inset-text">{t("deadLetters.notConfigured")}</p> : null}
      <p className="govuk-body" data-testid="dead-total">
        {t("deadLetters.summary", { count: total, waiting: formatNumber(waiting, lang) })}
      </p>
      {rows.length > 0 ? (
        <div className="ds-table-wrap">
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">{t("deadLetters.title")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("deadLetters.event")}</th>
                <th scope="col" className="govuk-table__header">{t("deadLetters.record")}</th>
                <th scope="col" className="govuk-table__header">{t("deadLetters.created")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("deadLetters.attempts")}</th>
                <th scope="col" className="govuk-table__header">{t("deadLetters.error")}</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">{t("deadLetters.replay")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr key={r.id} className="govuk-table__row" data-event={r.id}>
                  <td className="govuk-table__cell">
                    {r.eventType}
                    <br />
                    <span className="govuk-body-s">{r.id}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {r.aggregateType} {r.aggregateId}
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(r.createdAt, lang)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.attempts}</td>
                  <td className="govuk-table__cell">{r.lastError ?? "–"}</td>
                  <td className="govuk-table__cell">
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="id" value={r.id} />
                      <Button secondary>{t("deadLetters.replay")}</Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
