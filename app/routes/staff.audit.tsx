// The audit log for admins: who viewed or changed what, and when, newest first.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { FilterBar, Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDateTime } from "~/lib/format";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { z } from "zod";
import { audit } from "../../server/audit";

const PAGE = 100;
const FilterSchema = z.object({
  action: z.string().trim().max(60).regex(/^[\w.]*$/).catch(""),
  entity: z.string().trim().max(60).regex(/^[\w-]*$/).catch(""),
  actor: z.string().trim().max(254).catch(""),
  before: z.coerce.bigint().optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "audit.read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const f = FilterSchema.parse({ action: params.action ?? "", entity: params.entity ?? "", actor: params.actor ?? "", before: params.before });
  const { prisma } = context.services;
  const rows = await prisma.auditEvent.findMany({
    where: {
      ...(f.action ? { action: { startsWith: f.action } } : {}),
      ...(f.entity ? { entityId: f.entity } : {}),
      ...(f.actor ? { actor: { email: { contains: f.actor.toLowerCase() } } } : {}),
      ...(f.before ? { id: { lt: f.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE,
    include: { actor: { select: { name: true, email: true } } },
  });
  // Reading the audit log is itself audited.
  await audit(prisma, { actorId: staff.id, action: "audit.view", entityType: "AuditEvent", entityId: "log" });
  return {
    filters: { action: f.action, entity: f.entity, actor: f.actor },
    rows: rows.map((r: (typeof rows)[number]) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor ? `${r.actor.name} (${r.actor.email})` : null, action: r.action, entityType: r.entityType, entityId: r.entityId, data: JSON.stringify(r.data) })),
    next: rows.length === PAGE ? String(rows.at(-1)!.id) : null,
  };
}

export default function AuditLog() {
  const { t } = useTranslation("staff-backoffice");
  const lang = useLang();
  const to = useLocalePath();
  const { rows, filters, next } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("audit.title")} />
      <h1 className="govuk-heading-l">{t("audit.title")}</h1>
      <FilterBar submitLabel={t("audit.filter")} filters={(["action", "entity", "actor"] as const).map((name) => ({ kind: "text", name, id: `audit-${name}`, label: t(`audit.${name}`), value: filters[name] }))} />
      <div className="ds-table-wrap">
        <Table
          testId="audit-log"
          className="govuk-!-font-size-16"
          caption={t("audit.title")}
          captionSize="hidden"
          columns={[{ label: t("audit.when") }, { label: t("audit.who") }, { label: t("audit.action") }, { label: t("audit.what") }]}
          rows={rows.map((r: (typeof rows)[number]) => ({
            key: r.id,
            cells: [
              formatDateTime(r.at, lang),
              r.actor ?? t("audit.system"),
              r.action,
              <>
                {`${r.entityType} ${r.entityId ?? ""}`}
                {r.data !== "{}" ? (
                  <span className="govuk-body-s ds-pre-wrap">
                    <br />
                    {r.data}
                  </span>
                ) : null}
              </>,
            ],
          }))}
        />
      </div>
      {next ? (
        <Link className="govuk-link" to={to(`/staff/audit?${new URLSearchParams({ ...filters, before: next }).toString()}`)}>
          {t("audit.older")}
        </Link>
      ) : null}
    </>
  );
}
