// Case counts for the staff list without counting 150,000 rows on every render.
//
// "CaseCount" (kept by triggers, see prisma/migrations/20261206050000_case_list_counts) holds how
// many cases there are per work queue, type, status, language, allocated-or-not and UTC day of
// the nearest clock. A count with those filters is a sum over a few hundred rows. The clock
// states need "how many are due before instant B": the whole days before B's day come from the
// table, and only the cases due earlier on B's own day are counted row by row (a day's worth,
// through the nextDueAt index). The result is exact, not an estimate.
//
// Filters the table cannot answer (a search, a flag, one officer) select few cases, so those are
// counted directly; a search that matches a great many stops counting at SEARCH_COUNT_CAP.
// Only types from the Prisma client: this module sits behind the cases barrel that client
// bundles import (filtersToQuery etc.), so a value import would pull the Prisma runtime in.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import type { CaseFilters } from "./case-query.js";
import { clockBoundaries } from "./queue-counts.js";

/** Past this many matches a search says "more than". */
export const SEARCH_COUNT_CAP = 1000;

type TableFilters = Pick<CaseFilters, "status" | "type" | "queue" | "language"> & { unallocated?: boolean };

/** Whether the counts table can answer these filters exactly. */
export const countableFromTable = (filters: CaseFilters) => !filters.q && !filters.flag && (filters.officer === undefined || filters.officer === "none");

/**
 * The same filters as WHERE conditions, on "CaseCount" (table) or on "Case" (rows). Values go
 * in as parameters ($1, $2, …, appended to `params`), never into the SQL text.
 */
function conditions(filters: TableFilters, on: "table" | "rows", params: unknown[]): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const parts = ["TRUE"];
  if (filters.status === "open") parts.push(`"status" <> 'closed'`);
  else if (filters.status !== "all") parts.push(`"status" = ${bind(filters.status)}::"CaseStatus"`);
  if (filters.type) parts.push(`"type" = ${bind(filters.type)}`);
  if (filters.queue) parts.push(`"workQueue" = ${bind(filters.queue)}`);
  if (filters.language) parts.push(`"language" = ${bind(filters.language)}::"Language"`);
  if (filters.unallocated) parts.push(on === "table" ? `"assigned" = false` : `"assignedToId" IS NULL`);
  return parts.join(" AND ");
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const startOfUtcDay = (at: Date) => new Date(`${utcDay(at)}T00:00:00.000Z`);

export type ClockCount = { queue: string | null; total: number; overdue: number; dueSoon: number; onTime: number };

/**
 * Totals and clock states for the filters, from the counts table plus the partial days.
 * With byQueue, one line per work queue that has cases; otherwise one line (queue null).
 * One statement (the table's sums and the partial days' rows joined in the database): each
 * statement costs a round trip and the Prisma client's own work, which on a busy machine is
 * more than PostgreSQL's.
 */
export async function clockCounts(prisma: PrismaClient, filters: TableFilters, now: Date, byQueue = false): Promise<ClockCount[]> {
  const { overdueBefore, dueSoonUntil } = clockBoundaries(now);
  // due_soon is "dueAt <= dueSoonUntil"; timestamps are kept to the millisecond.
  const soonBefore = new Date(dueSoonUntil.getTime() + 1);
  const [a, b] = [overdueBefore, soonBefore];
  const group = byQueue ? `"workQueue"` : `NULL::text`;
  // $1, $2: the days; $3–$6: the partial days' bounds; then each side's filters.
  const params: unknown[] = [utcDay(a), utcDay(b), startOfUtcDay(a), a, startOfUtcDay(b), b];
  const onTable = conditions(filters, "table", params);
  const onRows = conditions(filters, "rows", params);
  const lines = await prisma.$queryRawUnsafe<{ queue: string | null; total: number; a: number; b: number }[]>(
    `WITH whole AS (
       SELECT ${group} AS queue, COALESCE(sum("n"), 0)::int AS total,
         COALESCE(sum("n") FILTER (WHERE "dueDay" < $1::date), 0)::int AS a,
         COALESCE(sum("n") FILTER (WHERE "dueDay" < $2::date), 0)::int AS b
       FROM "CaseCount" WHERE ${onTable} GROUP BY 1
     ), part AS (
       SELECT ${group} AS queue,
         count(*) FILTER (WHERE "nextDueAt" >= $3 AND "nextDueAt" < $4)::int AS a,
         count(*) FILTER (WHERE "nextDueAt" >= $5 AND "nextDueAt" < $6)::int AS b
       FROM "Case" WHERE ${onRows} AND "nextDueAt" >= $3 AND "nextDueAt" < $6 GROUP BY 1
     )
     SELECT w.queue, w.total, (w.a + COALESCE(p.a, 0))::int AS a, (w.b + COALESCE(p.b, 0))::int AS b
     FROM whole w LEFT JOIN part p ON p.queue IS NOT DISTINCT FROM w.queue`,
    ...params,
  );
  return lines
    .filter((w) => w.total > 0)
    .map((w) => ({ queue: w.queue, total: w.total, overdue: w.a, dueSoon: w.b - w.a, onTime: w.total - w.b }));
}

/** Open cases per work queue by clock state: the staff home's and the case list's queue table. */
export const openQueueLines = (prisma: PrismaClient, now: Date) => clockCounts(prisma, { status: "open" }, now, true);

/** Whether the open-queue lines alone answer these filters' total (open cases, at most a queue and a clock state). */
const fromQueueLines = (filters: CaseFilters) => countableFromTable(filters) && filters.status === "open" && !filters.type && !filters.language && filters.officer === undefined;

const pick = (line: Pick<ClockCount, "total" | "overdue" | "dueSoon" | "onTime">, clock: CaseFilters["clock"]) =>
  clock === "overdue" ? line.overdue : clock === "due_soon" ? line.dueSoon : clock === "on_time" ? line.onTime : line.total;

/** How many cases the list's filters match: exact, or (a broad search) a lower bound. */
export async function countCases(
  prisma: PrismaClient,
  filters: CaseFilters,
  /** The filters as SQL on "Case" c and its parameters (caseListCondition). */
  where: { sql: string; params: readonly unknown[] },
  now: Date,
  /** The open-queue lines this page already asked for (openQueueLines): the default list's total is their sum, not another count. */
  queueLines?: Promise<ClockCount[]>,
): Promise<{ total: number; capped: boolean }> {
  if (queueLines && fromQueueLines(filters)) {
    const lines = (await queueLines).filter((l) => !filters.queue || l.queue === filters.queue);
    return { total: lines.reduce((sum, l) => sum + pick(l, filters.clock), 0), capped: false };
  }
  if (countableFromTable(filters)) {
    const [line] = await clockCounts(prisma, { ...filters, unallocated: filters.officer === "none" }, now);
    return { total: line ? pick(line, filters.clock) : 0, capped: false };
  }
  if (filters.q) {
    // A word in many titles would otherwise count them all; the page shows 50 anyway.
    const [{ n }] = await prisma.$queryRawUnsafe<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${where.sql} LIMIT ${SEARCH_COUNT_CAP + 1}) x`,
      ...where.params,
    );
    return n > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, capped: true } : { total: n, capped: false };
  }
  // One officer's caseload or the flagged customers' cases: few rows, counted exactly.
  const [{ n }] = await prisma.$queryRawUnsafe<[{ n: number }]>(`SELECT count(*)::int AS n FROM "Case" c WHERE ${where.sql}`, ...where.params);
  return { total: n, capped: false };
}
