// The case list: counts per work queue by clock state, then every case matching the filters,
// nearest due first, a page at a time. Filters are a plain GET form so links can be shared.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { clockTagClass } from "~/components/clock-tag";
import { FilterBar, Table, type Filter, type Row } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate, formatDateTime, formatNumber } from "~/lib/format";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import {
  CASE_LANGUAGES,
  CASE_PAGE_SIZE,
  CASE_SORTS,
  CASE_STATUSES,
  CASE_TYPES,
  FLAG_KINDS,
  QUEUE_CLOCK_STATES,
  WORK_QUEUE_IDS,
  filtersToQuery,
  listCases,
  openQueueLines,
  pageLinks,
  parseCaseFilters,
  queueCounts,
} from "../../server/domain/cases";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.read");
  const { prisma, now } = context.services;
  const at = now();
  const url = new URL(request.url);
  const filters = parseCaseFilters(url.searchParams);
  // A submitted filter form carries every field, empty or default; answer with the short,
  // shareable address of the same list (unknown values dropped).
  const canonical = filtersToQuery(filters);
  if (url.search && url.search !== canonical) throw redirect(url.pathname.replace(/\.data$/, "") + canonical);
  // The audit row is written beside the reads, not after them: one round trip less per render.
  // The queue table's lines also give the default list's total (no second count).
  const open = openQueueLines(prisma, at);
  const [queues, list, officers] = await Promise.all([
    queueCounts(prisma, at, open),
    listCases(prisma, filters, at, CASE_PAGE_SIZE, { queueLines: open }),
    // Plain SQL: through Prisma's query builder this six-row read cost twice the CPU.
    prisma.$queryRaw<{ id: string; name: string }[]>`SELECT "id"::text AS "id", "name" FROM "StaffUser" WHERE "active" ORDER BY "name"`,
    audit(prisma, { actorId: staff.id, action: "case.list", entityType: "CaseList", entityId: filters.queue ?? "all", data: { page: filters.page } }),
  ]);
  // Only what the page shows goes to the browser (the rows also carry ids, channels and dates for
  // the API and the CSV): the loader data is sent again inside the HTML for hydration.
  const rows = list.rows.map(({ reference, type, title, flags, language, createdAt, nextDueAt, clock, status, outcome, officer }) => ({ reference, type, title, flags, language, createdAt, nextDueAt, clock, status, outcome, officer }));
  return { filters, queues, list: { ...list, rows }, officers, me: staff.id, pageSize: CASE_PAGE_SIZE };
}

export default function StaffCases() {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  const to = useLocalePath();
  const { filters, queues, list, officers, me, pageSize } = useLoaderData<typeof loader>();
  // Fifty rows repeat a handful of labels (type, status, clock): each is translated once per
  // render. Row and count links are plain anchors: a router Link per cell cost more than the
  // rest of the row (measured), and the case pages load as documents like any other.
  const label = useMemo(() => {
    const seen = new Map<string, string>();
    return (key: string) => {
      let text = seen.get(key);
      if (text === undefined) seen.set(key, (text = t(key)));
      return text;
    };
  }, [t]);
  // Pages follow cursors (the keys of the first or last row shown), carried in plain links so the
  // list pages without JavaScript; the page number only labels where you are. A broad search is
  // counted only up to a cap: then there is no "of N".
  const pages = Math.max(1, Math.ceil(list.total / pageSize), list.page);
  const page = list.page;
  const links = pageLinks(filters, list);
  const nextHref = links.next === null ? null : `/staff/cases${links.next}`;
  const previousHref = links.previous === null ? null : `/staff/cases${links.previous}`;
  // The filters keep their `filter-<name>` ids (links and tests point at them).
  const select = (name: string, labelText: string, value: string | undefined, options: { value: string; label: string }[], all?: string): Filter => ({ kind: "select", name, id: `filter-${name}`, label: labelText, value, options, all });
  const queueRows: Row[] = queues.map((q) => ({
    key: q.queue,
    rowHeader: true,
    data: { queue: q.queue },
    cells: [
      <a className="govuk-link" href={to(`/staff/cases${filtersToQuery({ queue: q.queue as never })}`)}>
        {label(`domain:workQueues.${q.queue}`)}
      </a>,
      ...QUEUE_CLOCK_STATES.map((s) => ({
        className: s === "overdue" && q.overdue ? "ds-overdue" : undefined,
        cell: q[s] ? (
          <a className="govuk-link" href={to(`/staff/cases${filtersToQuery({ queue: q.queue as never, clock: s })}`)} data-state={s}>
            {formatNumber(q[s], lang)}
          </a>
        ) : (
          <span data-state={s}>0</span>
        ),
      })),
      formatNumber(q.total, lang),
    ],
  }));
  const caseRows: Row[] = list.rows.map((c) => ({
    key: c.reference,
    data: { reference: c.reference },
    cells: [
      <>
        <a className="govuk-link" href={to(`/staff/cases/${c.reference}`)}>
          {c.reference}
        </a>
        <br />
        <span className="govuk-body-s">{label(`domain:caseTypes.${c.type}`)}</span>
      </>,
      <>
        {c.title}
        {c.flags.map((f: string) => (
          <span key={f}>
            {" "}
            <strong className={`govuk-tag ds-flag-tag ${f === "reasonable_adjustment" ? "govuk-tag--purple" : "govuk-tag--red"}`} data-flag={f}>
              {label(`domain:flags.${f}`)}
            </strong>
          </span>
        ))}
        {c.language === "cy" ? (
          <>
            {" "}
            <strong className="govuk-tag govuk-tag--blue">{label("list.welshTag")}</strong>
          </>
        ) : null}
      </>,
      formatDateTime(c.createdAt, lang),
      <>
        {c.nextDueAt ? formatDate(c.nextDueAt, lang) : "–"} {c.clock ? <strong className={clockTagClass(c.clock)}>{label(`domain:clockStates.${c.clock}`)}</strong> : null}
      </>,
      <>
        {label(`domain:statuses.${c.status}`)}
        {c.outcome ? (
          <span className="govuk-body-s">
            <br />
            {label(`domain:outcomes.${c.outcome}`)}
          </span>
        ) : null}
      </>,
      c.officer ?? label("list.unallocated"),
    ],
  }));
  return (
    <>
      <PageTitle title={t("list.title")} />
      <h1 className="govuk-heading-l">{t("list.title")}</h1>

      <h2 className="govuk-heading-m">{t("list.queuesHeading")}</h2>
      {queues.length === 0 ? (
        <p className="govuk-body">{t("list.noOpen")}</p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            testId="queue-counts"
            caption={t("list.queuesHeading")}
            captionSize="hidden"
            columns={[{ label: t("list.queue") }, ...QUEUE_CLOCK_STATES.map((s) => ({ label: t(`clockStates.${s}`), numeric: true })), { label: t("list.total"), numeric: true }]}
            rows={queueRows}
          />
        </div>
      )}

      <h2 className="govuk-heading-m">{t("list.findHeading")}</h2>
      <FilterBar
        label={t("list.findHeading")}
        submitLabel={t("list.apply")}
        filters={[
          select("queue", t("list.queue"), filters.queue, WORK_QUEUE_IDS.map((q) => ({ value: q, label: label(`domain:workQueues.${q}`) })), t("list.any")),
          select("type", t("list.type"), filters.type, CASE_TYPES.map((c) => ({ value: c, label: `${c} – ${label(`domain:caseTypes.${c}`)}` })), t("list.any")),
          select("status", t("list.status"), filters.status, [
            { value: "open", label: t("list.openOnly") },
            { value: "all", label: t("list.any") },
            ...CASE_STATUSES.map((s) => ({ value: s, label: label(`domain:statuses.${s}`) })),
          ]),
          select("officer", t("list.officer"), filters.officer, [{ value: me, label: t("list.me") }, { value: "none", label: label("list.unallocated") }, ...officers.filter((o: { id: string }) => o.id !== me).map((o: { id: string; name: string }) => ({ value: o.id, label: o.name }))], t("list.any")),
          select("language", t("list.language"), filters.language, CASE_LANGUAGES.map((l) => ({ value: l, label: t(`domain:languages.${l}`) })), t("list.any")),
          select("flag", t("list.flag"), filters.flag, FLAG_KINDS.map((f) => ({ value: f, label: label(`domain:flags.${f}`) })), t("list.any")),
          select("clock", t("list.clock"), filters.clock, QUEUE_CLOCK_STATES.map((s) => ({ value: s, label: t(`clockStates.${s}`) })), t("list.any")),
          select("sort", t("list.sort"), filters.sort, CASE_SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))),
          { kind: "text", name: "q", id: "filter-q", label: t("list.search"), value: filters.q, search: true, width: "20", maxLength: 100 },
        ]}
        actions={
          <a className="govuk-link" href={`/staff/cases.csv${filtersToQuery(filters, { page: 1, after: undefined, before: undefined })}`} download>
            {t("list.csv")}
          </a>
        }
      />

      <section aria-labelledby="results-heading" data-queue={filters.queue}>
        <h2 className="govuk-heading-m" id="results-heading">
          {filters.queue ? t(`domain:workQueues.${filters.queue}`) : t("list.resultsHeading")}
        </h2>
        <p className="govuk-body" data-testid="case-total" role="status">
          {list.totalCapped ? t("list.foundMoreThan", { number: formatNumber(list.total, lang) }) : t("list.found", { count: list.total })}
        </p>
        {list.rows.length > 0 ? (
          <div className="ds-table-wrap">
            <Table
              testId="case-list"
              caption={t(`sorts.${filters.sort}`)}
              captionSize="hidden"
              columns={[
                { label: t("list.reference") },
                { label: t("list.titleColumn") },
                { label: t("list.received") },
                { label: t("list.nextDue"), sort: filters.sort === "due" ? "ascending" : undefined },
                { label: t("list.status") },
                { label: t("list.officer") },
              ]}
              rows={caseRows}
            />
          </div>
        ) : null}
      </section>
      {nextHref || previousHref ? (
        <nav className="govuk-pagination" aria-label={t("list.pagination")} data-testid="case-pages">
          {previousHref ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={to(previousHref)} rel="prev">
                <span className="govuk-pagination__link-title">{t("list.previous")}</span>
              </Link>
            </div>
          ) : null}
          {list.totalCapped ? null : <p className="govuk-body govuk-!-margin-0 govuk-!-display-inline-block">{t("list.pageOf", { page, pages })}</p>}
          {nextHref ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={to(nextHref)} rel="next">
                <span className="govuk-pagination__link-title">{t("list.next")}</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
