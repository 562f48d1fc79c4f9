// The staff case list, the API's case list and the CSV export share one filter schema and
// one query, so "the same filters" means the same rows everywhere.
import { z } from "zod";
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import { CASE_TYPES } from "./case-types.js";
import { clockCounts, countCases } from "./case-counts.js";
import { QUEUE_CLOCK_STATES, clockBoundaries, queueClockState, summariseQueues, type QueueClockState } from "./queue-counts.js";
import { CASE_STATUSES } from "./status.js";
import { CASE_LANGUAGES } from "./welsh.js";
import { WORK_QUEUE_IDS } from "./work-queues.js";

export const FLAG_KINDS = ["reasonable_adjustment", "restricted_contact", "no_further_contact"] as const;
export const CASE_SORTS = ["due", "received", "reference"] as const;
export const CASE_PAGE_SIZE = 50;

// Anything that is not one of the known values is dropped, never passed to the database.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

export const CaseFilterSchema = z.object({
  type: optionalEnum(CASE_TYPES),
  queue: optionalEnum(WORK_QUEUE_IDS),
  /** "open" (the default) or one status. */
  status: z.enum(["open", "all", ...CASE_STATUSES]).catch("open").default("open"),
  /** A staff id, "none" for unallocated. */
  officer: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  language: optionalEnum(CASE_LANGUAGES),
  flag: optionalEnum(FLAG_KINDS),
  clock: optionalEnum(QUEUE_CLOCK_STATES),
  /** A reference or part of a title; matched as plain text. */
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(CASE_SORTS).catch("due").default("due"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type CaseFilters = z.output<typeof CaseFilterSchema>;

export function parseCaseFilters(params: URLSearchParams): CaseFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(CaseFilterSchema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return CaseFilterSchema.parse(raw);
}

/** The query string for a set of filters (defaults left out), for links and CSV downloads. */
export function filtersToQuery(filters: Partial<CaseFilters>, overrides: Partial<CaseFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if ((key === "status" && value === "open") || (key === "sort" && value === "due") || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function caseWhere(filters: CaseFilters, now: Date): PrismaNamespace.CaseWhereInput {
  const where: PrismaNamespace.CaseWhereInput = {};
  if (filters.status === "open") where.status = { not: "closed" };
  else if (filters.status !== "all") where.status = filters.status;
  if (filters.type) where.type = filters.type;
  if (filters.queue) where.workQueue = filters.queue;
  if (filters.officer) where.assignedToId = filters.officer === "none" ? null : filters.officer;
  if (filters.language) where.language = filters.language;
  if (filters.flag) where.parties = { some: { party: { flags: { some: { kind: filters.flag, clearedAt: null } } } } };
  if (filters.clock) {
    const { overdueBefore, dueSoonUntil } = clockBoundaries(now);
    where.nextDueAt =
      filters.clock === "overdue" ? { lt: overdueBefore } : filters.clock === "due_soon" ? { gte: overdueBefore, lte: dueSoonUntil } : { gt: dueSoonUntil };
    if (filters.clock === "on_time") {
      delete where.nextDueAt;
      where.OR = [{ nextDueAt: null }, { nextDueAt: { gt: dueSoonUntil } }];
    }
  }
  if (filters.q) {
    const q = filters.q;
    where.AND = [{ OR: [{ reference: q.toUpperCase().replace(/\s+/g, "") }, { title: { contains: q, mode: "insensitive" } }] }];
  }
  return where;
}

// Each order ends in the unique reference, so a case never shows on two pages or none, and each
// matches an index (the migration 20261206050000_case_list_counts).
const orderBy = (sort: CaseFilters["sort"]): PrismaNamespace.CaseOrderByWithRelationInput[] =>
  sort === "received"
    ? [{ createdAt: "desc" }, { reference: "asc" }]
    : sort === "reference"
      ? [{ reference: "asc" }]
      : [{ nextDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { reference: "asc" }];

export const caseListSelect = {
  id: true,
  reference: true,
  type: true,
  title: true,
  status: true,
  language: true,
  channel: true,
  workQueue: true,
  createdAt: true,
  openedAt: true,
  nextDueAt: true,
  closedAt: true,
  outcome: true,
  assignedTo: { select: { id: true, name: true } },
  // Flags show wherever staff deal with the customer, the list included.
  parties: { where: { role: "customer" }, select: { party: { select: { flags: { where: { clearedAt: null }, select: { kind: true } } } } } },
} as const;

export type CaseListRow = {
  id: string;
  reference: string;
  type: string;
  title: string;
  status: string;
  language: string;
  channel: string;
  workQueue: string;
  createdAt: string;
  openedAt: string;
  nextDueAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  officer: string | null;
  officerId: string | null;
  clock: QueueClockState | null;
  flags: string[];
};

/**
 * One page of the list and (unless `count` is false: the CSV shows no total) how many cases
 * match. The total comes from the counts the database keeps (see case-counts.ts), never from
 * counting the open caseload on every render.
 */
export async function listCases(
  prisma: PrismaClient,
  filters: CaseFilters,
  now: Date,
  pageSize = CASE_PAGE_SIZE,
  { count = true }: { count?: boolean } = {},
): Promise<{ total: number; totalCapped: boolean; rows: CaseListRow[] }> {
  const where = caseWhere(filters, now);
  const [counted, rows] = await Promise.all([
    count ? countCases(prisma, filters, where, now) : Promise.resolve(null),
    prisma.case.findMany({ where, orderBy: orderBy(filters.sort), skip: (filters.page - 1) * pageSize, take: pageSize, select: caseListSelect }),
  ]);
  return {
    total: counted?.total ?? rows.length,
    totalCapped: counted?.capped ?? false,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      type: r.type,
      title: r.title,
      status: r.status,
      language: r.language,
      channel: r.channel,
      workQueue: r.workQueue,
      createdAt: r.createdAt.toISOString(),
      openedAt: r.openedAt.toISOString(),
      nextDueAt: r.nextDueAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      outcome: r.outcome,
      officer: r.assignedTo?.name ?? null,
      officerId: r.assignedTo?.id ?? null,
      clock: r.status === "closed" ? null : queueClockState(r.nextDueAt, now),
      flags: [...new Set(r.parties.flatMap((p) => p.party.flags.map((f) => f.kind)))].sort(),
    })),
  };
}

/** Open cases per work queue by the state of their nearest clock, from the counts the database keeps. */
export async function queueCounts(prisma: PrismaClient, now: Date) {
  const lines = await clockCounts(prisma, { status: "open" }, now, true);
  return summariseQueues(
    WORK_QUEUE_IDS,
    lines.flatMap((l) => [
      { queue: l.queue!, state: "overdue" as const, count: l.overdue },
      { queue: l.queue!, state: "due_soon" as const, count: l.dueSoon },
      { queue: l.queue!, state: "on_time" as const, count: l.onTime },
    ]),
  );
}
