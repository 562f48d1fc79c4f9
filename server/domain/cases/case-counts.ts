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
import type { Prisma, PrismaClient } from "../../../generated/prisma/client.js";
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
 */
export async function clockCounts(prisma: PrismaClient, filters: TableFilters, now: Date, byQueue = false): Promise<ClockCount[]> {
  const { overdueBefore, dueSoonUntil } = clockBoundaries(now);
  // due_soon is "dueAt <= dueSoonUntil"; timestamps are kept to the millisecond.
  const soonBefore = new Date(dueSoonUntil.getTime() + 1);
  const [a, b] = [overdueBefore, soonBefore];
  const [aStart, bStart] = [startOfUtcDay(a), startOfUtcDay(b)];
  const group = byQueue ? `"workQueue"` : `NULL::text`;
  const wholeParams: unknown[] = [utcDay(a), utcDay(b)];
  const partParams: unknown[] = [aStart, a, bStart, b];
  const [whole, partial] = await Promise.all([
    prisma.$queryRawUnsafe<{ queue: string | null; total: number; a: number; b: number }[]>(
      `SELECT ${group} AS queue, COALESCE(sum("n"), 0)::int AS total,
         COALESCE(sum("n") FILTER (WHERE "dueDay" < $1::date), 0)::int AS a,
         COALESCE(sum("n") FILTER (WHERE "dueDay" < $2::date), 0)::int AS b
       FROM "CaseCount" WHERE ${conditions(filters, "table", wholeParams)} GROUP BY 1`,
      ...wholeParams,
    ),
    prisma.$queryRawUnsafe<{ queue: string | null; a: number; b: number }[]>(
      `SELECT ${group} AS queue,
         count(*) FILTER (WHERE "nextDueAt" >= $1 AND "nextDueAt" < $2)::int AS a,
         count(*) FILTER (WHERE "nextDueAt" >= $3 AND "nextDueAt" < $4)::int AS b
       FROM "Case" WHERE ${conditions(filters, "rows", partParams)} AND "nextDueAt" >= $1 AND "nextDueAt" < $4 GROUP BY 1`,
      ...partParams,
    ),
  ]);
  const parts = new Map(partial.map((p) => [p.queue, p]));
  return whole
    .filter((w) => w.total > 0)
    .map((w) => {
      const p = parts.get(w.queue);
      const overdue = w.a + (p?.a ?? 0);
      const dueSoonOrOverdue = w.b + (p?.b ?? 0);
      return { queue: w.queue, total: w.total, overdue, dueSoon: dueSoonOrOverdue - overdue, onTime: w.total - dueSoonOrOverdue };
    });
}

/** How many cases the list's filters match: exact, or (a broad search) a lower bound. */
export async function countCases(
  prisma: PrismaClient,
  filters: CaseFilters,
  where: Prisma.CaseWhereInput,
  now: Date,
): Promise<{ total: number; capped: boolean }> {
  if (countableFromTable(filters)) {
    const [line] = await clockCounts(prisma, { ...filters, unallocated: filters.officer === "none" }, now);
    if (!line) return { total: 0, capped: false };
    const total = filters.clock === "overdue" ? line.overdue : filters.clock === "due_soon" ? line.dueSoon : filters.clock === "on_time" ? line.onTime : line.total;
    return { total, capped: false };
  }
  if (filters.q) {
    // A word in many titles would otherwise count them all; the page shows 50 anyway.
    const ids = await prisma.case.findMany({ where, select: { id: true }, take: SEARCH_COUNT_CAP + 1 });
    return ids.length > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, capped: true } : { total: ids.length, capped: false };
  }
  // One officer's caseload or the flagged customers' cases: few rows, counted exactly.
  return { total: await prisma.case.count({ where }), capped: false };
}
