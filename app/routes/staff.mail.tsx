// Mail that did not join a case by itself: to triage, held (sender not the customer), automatic
// or set aside, and joined. Staff open a message to link it, create a case or set it aside.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDateTime } from "~/lib/format";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { z } from "zod";
import { audit } from "../../server/audit";
import { MAIL_LISTS, MAIL_PAGE_SIZE } from "../../server/correspondence/lists";
import { listMail } from "../../server/correspondence/triage";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Built here, not at module level: the page's browser bundle must not pull server/correspondence
  // (and with it node:fs and mailparser), which broke the client build.
  const QuerySchema = z.object({ list: z.enum(MAIL_LISTS).catch("triage"), page: z.coerce.number().int().min(1).max(10_000).catch(1) });
  const staff = await requireCapability(request, context, "mail.triage");
  const url = new URL(request.url);
  const query = QuerySchema.parse({ list: url.searchParams.get("list") ?? undefined, page: url.searchParams.get("page") ?? undefined });
  const result = await listMail(context.services.prisma, query.list, query.page);
  await audit(context.services.prisma, { actorId: staff.id, action: "mail.list", entityType: "InboundMail", entityId: query.list, data: { page: query.page } });
  return { ...query, lists: [...MAIL_LISTS], pages: Math.max(1, Math.ceil(result.total / MAIL_PAGE_SIZE)), total: result.total, counts: result.counts, rows: result.rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })) };
}

export default function StaffMail() {
  const { t } = useTranslation("staff-correspondence");
  const lang = useLang();
  const to = useLocalePath();
  const { list, lists, page, pages, total, counts, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={`${t(`mail.lists.${list}`)} – ${t("mail.title")}`} />
      <h1 className="govuk-heading-l">{t("mail.title")}</h1>
      <p className="govuk-body">{t("mail.intro")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={to("/staff/intake")}>
          {t("nav.intake")}
        </Link>
      </p>
      <nav aria-label={t("mail.title")}>
        <ul className="govuk-list ds-inline-list">
          {lists.map((l) => (
            <li key={l} style={{ display: "inline-block", marginRight: "1.5em" }}>
              <Link className="govuk-link" to={to(`/staff/mail?list=${l}`)} aria-current={l === list ? "page" : undefined}>
                {t(`mail.lists.${l}`)} ({counts[l] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="govuk-heading-m">{t(`mail.lists.${list}`)}</h2>
      <p className="govuk-body" data-testid="mail-count">
        {t("mail.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="govuk-body">{t("mail.none")}</p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            testId="mail-list"
            caption={t(`mail.lists.${list}`)}
            captionSize="hidden"
            columns={[{ label: t("mail.received") }, { label: t("mail.from") }, { label: t("mail.subject") }, { label: t("mail.why") }, { label: t("mail.files"), numeric: true }]}
            rows={rows.map((r) => ({
              key: r.id,
              data: { mail: r.id },
              cells: [
                formatDateTime(r.receivedAt, lang),
                `${r.fromName ? `${r.fromName} ` : ""}${r.fromAddress ? `<${r.fromAddress}>` : t("mail.unknownSender")}`,
                <Link className="govuk-link" to={to(`/staff/mail/${r.id}`)}>
                  {r.subject || t("mail.noSubject")}
                </Link>,
                r.reason ? t(`mail.reasons.${r.reason}`, { defaultValue: r.reason }) : (r.claimedReference ?? ""),
                r.attachmentCount,
              ],
            }))}
          />
        </div>
      )}
      {pages > 1 ? (
        <nav className="govuk-pagination" aria-label={t("mail.title")}>
          {page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={to(`/staff/mail?list=${list}&page=${page - 1}`)}>
                <span className="govuk-pagination__link-title">{t("mail.previous")}</span>
              </Link>
            </div>
          ) : null}
          {page < pages ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={to(`/staff/mail?list=${list}&page=${page + 1}`)}>
                <span className="govuk-pagination__link-title">{t("mail.next")}</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
