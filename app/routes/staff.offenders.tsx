// Repeat offenders: contacts grouped by number, sender, domain or company, with counts over
// time; sortable, filterable and paged. Works as plain links and GET forms.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { FilterBar, Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate, formatNumber } from "~/lib/format";
import { offenderLabel, offenderPath } from "~/lib/nuisance-labels";
import { filterForQuery, readFilter, requireOffenderStaff } from "~/lib/nuisance-staff.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { CONTACT_KINDS, DIMENSIONS, TOPICS, listOffenders, type Sort } from "../../server/domain/nuisance";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireOffenderStaff(request, context);
  const url = new URL(request.url);
  const filter = readFilter(url);
  const result = await listOffenders(context.services.prisma, filterForQuery(filter), context.services.now());
  await audit(context.services.prisma, { actorId: staff.id, action: "nuisance.offenders.list", entityType: "NuisanceOffender", entityId: filter.dimension, data: { page: filter.page } });
  return {
    filter,
    query: url.searchParams.toString(),
    result: { ...result, rows: result.rows.map((r) => ({ ...r, firstSeen: r.firstSeen.toISOString(), lastSeen: r.lastSeen.toISOString() })) },
  };
}

const COLUMNS: { sort: Sort; label: string }[] = [
  { sort: "d7", label: "list.d7" },
  { sort: "d30", label: "list.d30" },
  { sort: "d90", label: "list.d90" },
  { sort: "total", label: "list.total" },
  { sort: "first", label: "list.first" },
  { sort: "last", label: "list.last" },
  { sort: "tps", label: "list.tps" },
];

export default function Offenders() {
  const { t } = useTranslation("staff-nuisance");
  const lang = useLang();
  const to = useLocalePath();
  const { filter, query, result } = useLoaderData<typeof loader>();
  const withParams = (changes: Record<string, string | number>) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) params.set(k, String(v));
    return `?${params.toString()}`;
  };
  const sortLink = (sort: Sort) => withParams({ sort, dir: filter.sort === sort && filter.dir === "desc" ? "asc" : "desc", page: 1 });
  const ariaSort = (sort: Sort): "ascending" | "descending" | "none" => (filter.sort === sort ? (filter.dir === "asc" ? "ascending" : "descending") : "none");
  return (
    <>
      <PageTitle title={t("list.title")} />
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      <p className="govuk-body">{t("list.intro")}</p>
      <FilterBar
        submitLabel={t("list.apply")}
        keep={{ sort: filter.sort, dir: filter.dir }}
        filters={[
          { kind: "select", name: "dimension", label: t("list.groupBy"), value: filter.dimension, options: DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) })) },
          { kind: "text", name: "q", label: t("list.search"), value: filter.q ?? "", search: true },
          { kind: "select", name: "kind", label: t("list.kind"), value: filter.kind, all: t("list.allKinds"), options: CONTACT_KINDS.map((k) => ({ value: k, label: t(`nuisance:kind.${k}`) })) },
          { kind: "select", name: "topic", label: t("list.topic"), value: filter.topic, all: t("list.allTopics"), options: TOPICS.map((k) => ({ value: k, label: t(`nuisance:topic.${k}`) })) },
          { kind: "text", name: "min90", label: t("list.min90"), value: filter.min90 ? String(filter.min90) : "", numeric: true, width: "4" },
        ]}
        actions={
          <a className="govuk-link" href={`${to("/staff/offenders/csv")}?${query}`} download>
            {t("list.exportCsv")}
          </a>
        }
      />
      <p className="govuk-body" data-testid="groups">{t("list.groups", { count: result.groups, formatted: formatNumber(result.groups, lang) })}</p>
      {result.rows.length === 0 ? (
        <p className="govuk-body">{t("list.none")}</p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            testId="offenders"
            caption={t("list.caption", { dimension: t(`dimension.${filter.dimension}`) })}
            captionSize="hidden"
            columns={[
              { label: t(`dimension.${filter.dimension}`) },
              ...COLUMNS.map((c) => ({
                numeric: true,
                sort: ariaSort(c.sort),
                label: (
                  <Link className="govuk-link" to={sortLink(c.sort)}>
                    {t(c.label)}
                  </Link>
                ),
              })),
              { label: t("list.kinds") },
              { label: t("list.topTopics") },
            ]}
            rows={result.rows.map((r) => ({
              key: r.key,
              data: { key: r.key },
              rowHeader: true,
              cells: [
                <Link key="offender" className="govuk-link" to={to(offenderPath(filter.dimension, r.key))}>
                  {offenderLabel(filter.dimension, r.key, r.label)}
                </Link>,
                r.d7,
                r.d30,
                r.d90,
                { cell: r.total, testId: "total" },
                formatDate(r.firstSeen, lang),
                formatDate(r.lastSeen, lang),
                `${Math.round(r.tpsShare * 100)}%`,
                r.kinds.map((k) => t(`nuisance:kind.${k}`)).join(", "),
                r.topTopics.map((x) => `${t(`nuisance:topic.${x.topic}`)} (${x.count})`).join(", "),
              ],
            }))}
          />
        </div>
      )}
      {result.pages > 1 ? (
        <nav className="govuk-pagination" aria-label={t("list.pages")}>
          {result.page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={withParams({ page: result.page - 1 })} rel="prev">
                <span className="govuk-pagination__link-title">{t("list.previous")}</span>
              </Link>
            </div>
          ) : null}
          <p className="govuk-body govuk-!-margin-bottom-0 govuk-!-margin-top-2 govuk-!-display-inline-block">{t("list.pageOf", { page: result.page, pages: result.pages })}</p>
          {result.page < result.pages ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={withParams({ page: result.page + 1 })} rel="next">
                <span className="govuk-pagination__link-title">{t("list.next")}</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
