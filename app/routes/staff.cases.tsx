// The case list: counts per work queue by clock state, then every case matching the filters,
// nearest due first, a page at a time. Filters are a plain GET form so links can be shared.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { ClockTag } from "~/components/clock-tag";
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
  const [queues, list, officers] = await Promise.all([
    queueCounts(prisma, at),
    listCases(prisma, filters, at),
    prisma.staffUser.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    audit(prisma, { actorId: staff.id, action: "case.list", entityType: "CaseList", entityId: filters.queue ?? "all", data: { page: filters.page } }),
  ]);
  return { filters, queues, list, officers, me: staff.id, pageSize: CASE_PAGE_SIZE };
}

export default function StaffCases() {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  const to = useLocalePath();
  const { filters, queues, list, officers, me, pageSize } = useLoaderData<typeof loader>();
  // Pages follow cursors (the keys of the first or last row shown), carried in plain links so the
  // list pages without JavaScript; the page number only labels where you are. A broad search is
  // counted only up to a cap: then there is no "of N".
  const pages = Math.max(1, Math.ceil(list.total / pageSize), list.page);
  const page = list.page;
  const links = pageLinks(filters, list);
  const nextHref = links.next === null ? null : `/staff/cases${links.next}`;
  const previousHref = links.previous === null ? null : `/staff/cases${links.previous}`;
  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[], all: string) => (
    <div className="govuk-form-group ds-filter">
      <label className="govuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {all ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <PageTitle title={t("list.title")} />
      <h1 className="govuk-heading-l">{t("list.title")}</h1>

      <h2 className="govuk-heading-m">{t("list.queuesHeading")}</h2>
      {queues.length === 0 ? (
        <p className="govuk-body">{t("list.noOpen")}</p>
      ) : (
        <div className="ds-table-wrap">
          <table className="govuk-table" data-testid="queue-counts">
            <caption className="govuk-visually-hidden">{t("list.queuesHeading")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("list.queue")}</th>
                {QUEUE_CLOCK_STATES.map((s) => (
                  <th key={s} scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t(`clockStates.${s}`)}
                  </th>
                ))}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("list.total")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queues.map((q) => (
                <tr key={q.queue} className="govuk-table__row" data-queue={q.queue}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={to(`/staff/cases${filtersToQuery({ queue: q.queue as never })}`)}>
                      {t(`domain:workQueues.${q.queue}`)}
                    </Link>
                  </th>
                  {QUEUE_CLOCK_STATES.map((s) => (
                    <td key={s} className={`govuk-table__cell govuk-table__cell--numeric${s === "overdue" && q.overdue ? " ds-overdue" : ""}`} data-state={s}>
                      {q[s] ? (
                        <Link className="govuk-link" to={to(`/staff/cases${filtersToQuery({ queue: q.queue as never, clock: s })}`)}>
                          {formatNumber(q[s], lang)}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  ))}
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(q.total, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="govuk-heading-m">{t("list.findHeading")}</h2>
      <Form method="get" className="govuk-!-margin-bottom-6" aria-label={t("list.findHeading")}>
        <div className="ds-filters">
          {select("queue", t("list.queue"), filters.queue, WORK_QUEUE_IDS.map((q) => ({ value: q, label: t(`domain:workQueues.${q}`) })), t("list.any"))}
          {select("type", t("list.type"), filters.type, CASE_TYPES.map((c) => ({ value: c, label: `${c} – ${t(`domain:caseTypes.${c}`)}` })), t("list.any"))}
          {select("status", t("list.status"), filters.status, [
            { value: "open", label: t("list.openOnly") },
            { value: "all", label: t("list.any") },
            ...CASE_STATUSES.map((s) => ({ value: s, label: t(`domain:statuses.${s}`) })),
          ], "")}
          {select("officer", t("list.officer"), filters.officer, [{ value: me, label: t("list.me") }, { value: "none", label: t("list.unallocated") }, ...officers.filter((o: { id: string }) => o.id !== me).map((o: { id: string; name: string }) => ({ value: o.id, label: o.name }))], t("list.any"))}
          {select("language", t("list.language"), filters.language, CASE_LANGUAGES.map((l) => ({ value: l, label: t(`domain:languages.${l}`) })), t("list.any"))}
          {select("flag", t("list.flag"), filters.flag, FLAG_KINDS.map((f) => ({ value: f, label: t(`domain:flags.${f}`) })), t("list.any"))}
          {select("clock", t("list.clock"), filters.clock, QUEUE_CLOCK_STATES.map((s) => ({ value: s, label: t(`clockStates.${s}`) })), t("list.any"))}
          {select("sort", t("list.sort"), filters.sort, CASE_SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) })), "")}
          <div className="govuk-form-group ds-filter">
            <label className="govuk-label" htmlFor="filter-q">
              {t("list.search")}
            </label>
            <input className="govuk-input govuk-input--width-20" id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("list.apply")}
        </button>{" "}
        <a className="govuk-link govuk-body" href={`/staff/cases.csv${filtersToQuery(filters, { page: 1, after: undefined, before: undefined })}`} download>
          {t("list.csv")}
        </a>
      </Form>

      <section aria-labelledby="results-heading" data-queue={filters.queue}>
      <h2 className="govuk-heading-m" id="results-heading">
        {filters.queue ? t(`domain:workQueues.${filters.queue}`) : t("list.resultsHeading")}
      </h2>
      <p className="govuk-body" data-testid="case-total" role="status">
        {list.totalCapped ? t("list.foundMoreThan", { number: formatNumber(list.total, lang) }) : t("list.found", { count: list.total })}
      </p>
      {list.rows.length > 0 ? (
        <div className="ds-table-wrap">
          <table className="govuk-table" data-testid="case-list">
            <caption className="govuk-visually-hidden">{t(`sorts.${filters.sort}`)}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("list.reference")}</th>
                <th scope="col" className="govuk-table__header">{t("list.titleColumn")}</th>
                <th scope="col" className="govuk-table__header">{t("list.received")}</th>
                <th scope="col" className="govuk-table__header" aria-sort={filters.sort === "due" ? "ascending" : undefined}>
                  {t("list.nextDue")}
                </th>
                <th scope="col" className="govuk-table__header">{t("list.status")}</th>
                <th scope="col" className="govuk-table__header">{t("list.officer")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.rows.map((c) => (
                <tr key={c.reference} className="govuk-table__row" data-reference={c.reference}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={to(`/staff/cases/${c.reference}`)}>
                      {c.reference}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{t(`domain:caseTypes.${c.type}`)}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {c.title}
                    {c.flags.map((f: string) => (
                      <span key={f}>
                        {" "}
                        <strong className={`govuk-tag ds-flag-tag ${f === "reasonable_adjustment" ? "govuk-tag--purple" : "govuk-tag--red"}`} data-flag={f}>
                          {t(`domain:flags.${f}`)}
                        </strong>
                      </span>
                    ))}
                    {c.language === "cy" ? (
                      <>
                        {" "}
                        <strong className="govuk-tag govuk-tag--blue">{t("list.welshTag")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(c.createdAt, lang)}</td>
                  <td className="govuk-table__cell">
                    {c.nextDueAt ? formatDate(c.nextDueAt, lang) : "–"} <ClockTag state={c.clock} />
                  </td>
                  <td className="govuk-table__cell">
                    {t(`domain:statuses.${c.status}`)}
                    {c.outcome ? <span className="govuk-body-s"><br />{t(`domain:outcomes.${c.outcome}`)}</span> : null}
                  </td>
                  <td className="govuk-table__cell">{c.officer ?? t("list.unallocated")}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
