// Events the relay could not deliver after every retry: what, when, the last error, and a replay.
import { useTranslation } from "react-i18next";
import { data, redirect, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, Table } from "~/components/form";
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
          <Table
            caption={t("deadLetters.title")}
            captionSize="hidden"
            columns={[
              { label: t("deadLetters.event") },
              { label: t("deadLetters.record") },
              { label: t("deadLetters.created") },
              { label: t("deadLetters.attempts"), numeric: true },
              { label: t("deadLetters.error") },
              { label: t("deadLetters.replay"), hiddenLabel: true },
            ]}
            rows={rows.map((r) => ({
              key: r.id,
              data: { event: r.id },
              cells: [
                <>
                  {r.eventType}
                  <br />
                  <span className="govuk-body-s">{r.id}</span>
                </>,
                <>
                  {r.aggregateType} {r.aggregateId}
                </>,
                formatDateTime(r.createdAt, lang),
                r.attempts,
                r.lastError ?? "–",
                <Form key="replay" method="post">
                  <CsrfInput />
                  <input type="hidden" name="id" value={r.id} />
                  <Button secondary>{t("deadLetters.replay")}</Button>
                </Form>,
              ],
            }))}
          />
        </div>
      ) : null}
    </>
  );
}
