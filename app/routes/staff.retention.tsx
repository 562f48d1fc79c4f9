// Retention: a dry run lists what is due for deletion; an admin then deletes it.
import { useTranslation } from "react-i18next";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { requireCapability } from "~/lib/permissions.server";
import { useLang } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { retentionPolicies, runRetention, uploadRemover } from "../../server/retention/retention";

const policiesFor = (config: { nuisanceRetentionDays: number; chat: { retentionDays: number } }) =>
  retentionPolicies({ nuisanceRetentionDays: config.nuisanceRetentionDays, chatRetentionDays: config.chat.retentionDays });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "retention.manage");
  const reports = await runRetention(context.services.prisma, { now: context.services.now(), dryRun: true, policies: policiesFor(context.services.config) });
  await audit(context.services.prisma, { actorId: staff.id, action: "retention.dry_run", entityType: "Retention", entityId: "all", data: { due: reports.map((r) => r.items.length) } });
  const { nuisanceRetentionDays: nuisanceDays, chat } = context.services.config;
  return { reports, periods: { nuisanceDays, chatDays: chat.retentionDays } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "retention.manage");
  await readForm(request, context);
  const reports = await runRetention(context.services.prisma, {
    now: context.services.now(),
    dryRun: false,
    policies: policiesFor(context.services.config),
    removeFile: uploadRemover(context.services.config.dataDir),
  });
  await audit(context.services.prisma, { actorId: staff.id, action: "retention.run", entityType: "Retention", entityId: "all", data: { removed: reports.map((r) => r.removed) } });
  return { removed: reports.reduce((n, r) => n + r.removed, 0) };
}

export default function Retention() {
  const { t } = useTranslation("staff-backoffice");
  const lang = useLang();
  const { reports, periods } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const due = reports.reduce((n, r) => n + r.items.length, 0);
  return (
    <>
      <PageTitle title={t("retention.title")} />
      <h1 className="govuk-heading-l">{t("retention.title")}</h1>
      {done ? (
        <p className="govuk-inset-text" role="status" data-testid="retention-done">
          {t("retention.removed", { count: done.removed })}
        </p>
      ) : null}
      <p className="govuk-body">{t("retention.rules", periods)}</p>
      {reports.map((r) => (
        <section key={r.policy} aria-labelledby={`h-${r.policy}`}>
          <h2 className="govuk-heading-m" id={`h-${r.policy}`}>
            {t(`retention.policy.${r.policy}`)}
          </h2>
          <p className="govuk-body" data-testid={`due-${r.policy}`}>
            {t("retention.due", { count: r.items.length })}
          </p>
          {r.items.length ? (
            <Table
              caption={t(`retention.policy.${r.policy}`)}
              captionSize="hidden"
              columns={[{ label: t("retention.record") }, { label: t("retention.lastActivity") }]}
              rows={r.items.slice(0, 100).map((item) => ({ key: item.id, cells: [item.label, formatDate(item.lastActivity, lang)] }))}
            />
          ) : null}
        </section>
      ))}
      {due > 0 ? (
        <Form method="post">
          <CsrfInput />
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">{t("retention.warning")}</strong>
          </div>
          <Button>{t("retention.run")}</Button>
        </Form>
      ) : null}
    </>
  );
}
