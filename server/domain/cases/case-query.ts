// The staff case list, the API's case list and the CSV export share one filter schema and
// one query, so "the same filters" means the same rows everywhere.
import { z } from "zod";
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import { CASE_TYPES } from "./case-types.js";
import { countableFromTable, countCases, openQueueLines, SEARCH_COUNT_CAP, type ClockCount } from "./case-counts.js";
import { QUEUE_CLOCK_STATES, clockBoundaries, queueClockState, summariseQueues, type QueueClockState } from "./queue-counts.js";
import { CASE_STATUSES } from "./status.js";
import { CASE_LANGUAGES } from "./welsh.js";
import { WORK_QUEUE_IDS } from "./work-queues.js";

export const FLAG_KINDS = ["reasonable_adjustment", "restricted_contact", "no_further_contact"] as const;
export const CASE_SORTS = ["due", "received", "reference"] as const;
export const CASE_PAGE_SIZE = 50;
const CURSOR_MAX = 300;

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
  /** The page number shown ("page 3 of 90"); without a cursor, also the page fetched by offset (old links, the API). */
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  /** Keyset paging: the rows after (next) or before (previous) the row this cursor names. */
  after: z.string().max(CURSOR_MAX).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
  before: z.string().max(CURSOR_MAX).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
});
export type CaseFilters = z.output<typeof CaseFilterSchema>;

export function parseCaseFilters(params: URLSearchParams): CaseFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(CaseFilterSchema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  const filters = CaseFilterSchema.parse(raw);
  // One direction at a time: "after" wins, and the short address drops the other.
  if (filters.after) filters.before = undefined;
  return filters;
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

/** A LIKE pattern's wildcards (and its escape character) taken literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The filters as a Prisma where. A search matches the reference exactly or part of the title;
 * `nameMatches` (case ids whose customer's name matches, from `searchByName`) adds those cases.
 * Every arm is on "Case" itself (reference btree, title trigram index, id), so PostgreSQL can
 * combine them in one bitmap scan instead of testing each row.
 */
export function caseWhere(filters: CaseFilters, now: Date, nameMatches: readonly string[] = []): PrismaNamespace.CaseWhereInput {
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
    // Prisma passes `contains` to LIKE as it is: % and _ in a search are text, so they are escaped.
    const arms: PrismaNamespace.CaseWhereInput[] = [{ reference: q.toUpperCase().replace(/\s+/g, "") }, { title: { contains: escapeLike(q), mode: "insensitive" } }];
    if (nameMatches.length > 0) arms.push({ id: { in: [...nameMatches] } });
    where.AND = [{ OR: arms }];
  }
  return where;
}

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
  // The officer's name and the customer's flags come from one more statement for the whole page
  // (pageDetails): as relations here, Prisma would ask four more, one after another.
  assignedToId: true,
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

// Keyset paging. The list in one order is a run of segments, each walked along an index in key
// order: for "due", the cases with a clock (nextDueAt, createdAt, reference), then those without
// (createdAt, reference). A cursor names a segment and the keys of one row in it; the next page is
// the rows strictly after it (the lead key as a range bound, so PostgreSQL starts the index scan
// there instead of counting past every earlier row, as OFFSET does), then the following segments.
// The last key is the unique reference, so ties on the dates never repeat or skip a case.
type SortKey = { field: "nextDueAt" | "createdAt" | "reference"; desc: boolean };
type Segment = { where: PrismaNamespace.CaseWhereInput; keys: SortKey[] };

const SEGMENTS: Record<CaseFilters["sort"], Segment[]> = {
  due: [
    {
      where: { nextDueAt: { not: null } },
      keys: [
        { field: "nextDueAt", desc: false },
        { field: "createdAt", desc: false },
        { field: "reference", desc: false },
      ],
    },
    {
      where: { nextDueAt: null },
      keys: [
        { field: "createdAt", desc: false },
        { field: "reference", desc: false },
      ],
    },
  ],
  received: [
    {
      where: {},
      keys: [
        { field: "createdAt", desc: true },
        { field: "reference", desc: false },
      ],
    },
  ],
  reference: [{ where: {}, keys: [{ field: "reference", desc: false }] }],
};

export type CaseCursor = { segment: number; values: (string | Date)[] };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor as a URL-safe token (base64url of [segment, ...keys]). */
export function encodeCursor(cursor: CaseCursor): string {
  const json = JSON.stringify([cursor.segment, ...cursor.values.map((v) => (v instanceof Date ? v.toISOString() : v))]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The cursor for this order, or null for anything that is not one (a cursor from another order included). */
export function decodeCursor(sort: CaseFilters["sort"], token: string | undefined): CaseCursor | null {
  if (!token) return null;
  let parsed: unknown;
  try {
    const binary = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
    parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !Number.isInteger(parsed[0])) return null;
  const segment = SEGMENTS[sort][parsed[0] as number];
  const raw = parsed.slice(1);
  if (!segment || raw.length !== segment.keys.length) return null;
  const values: (string | Date)[] = [];
  for (const [i, key] of segment.keys.entries()) {
    const v = raw[i];
    if (typeof v !== "string") return null;
    if (key.field === "reference") {
      if (!/^[A-Z0-9]{3,20}$/.test(v)) return null;
      values.push(v);
    } else {
      if (!ISO.test(v) || Number.isNaN(Date.parse(v))) return null;
      values.push(new Date(v));
    }
  }
  return { segment: parsed[0] as number, values };
}

const cursorOf = (sort: CaseFilters["sort"], row: { nextDueAt: Date | null; createdAt: Date; reference: string }): string => {
  const segment = sort === "due" && row.nextDueAt === null ? 1 : 0;
  return encodeCursor({ segment, values: SEGMENTS[sort][segment]!.keys.map((k) => row[k.field]!) });
};

/** Rows strictly beyond the cursor's row in the direction of travel. */
function beyond(keys: SortKey[], values: (string | Date)[], forward: boolean): PrismaNamespace.CaseWhereInput {
  const op = (k: SortKey) => (k.desc === forward ? "lt" : "gt");
  const lead = keys[0]!;
  return {
    AND: [
      // Redundant with the OR below, but an index range bound: the scan starts at the cursor.
      { [lead.field]: { [`${op(lead)}e`]: values[0] } },
      { OR: keys.map((k, i) => ({ ...Object.fromEntries(keys.slice(0, i).map((e, j) => [e.field, values[j]])), [k.field]: { [op(k)]: values[i] } })) },
    ],
  };
}

// Each order ends in the unique reference and matches an index (migration 20261206050000_case_list_counts).
const orderBy = (sort: CaseFilters["sort"]): PrismaNamespace.CaseOrderByWithRelationInput[] =>
  sort === "received"
    ? [{ createdAt: "desc" }, { reference: "asc" }]
    : sort === "reference"
      ? [{ reference: "asc" }]
      : [{ nextDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { reference: "asc" }];

type SelectedRow = PrismaNamespace.CaseGetPayload<{ select: typeof caseListSelect }>;

/** Up to `size` rows from the cursor (or an end) in the direction of travel, in list order, and whether more lie beyond. */
async function keysetPage(prisma: PrismaClient, where: PrismaNamespace.CaseWhereInput, sort: CaseFilters["sort"], cursor: CaseCursor | null, forward: boolean, size: number) {
  // The first page needs no segments: one query in the whole order (nulls last is the index's own
  // order), so a short list (a search, a narrow filter) is one query, not one per segment.
  if (!cursor && forward) {
    const rows = await prisma.case.findMany({ where, orderBy: orderBy(sort), take: size + 1, select: caseListSelect });
    return { rows: rows.slice(0, size), more: rows.length > size };
  }
  const segments = SEGMENTS[sort];
  const order = forward ? segments.map((_, i) => i) : segments.map((_, i) => i).reverse();
  const from = cursor ? order.indexOf(cursor.segment) : 0;
  const rows: SelectedRow[] = [];
  for (const index of order.slice(from)) {
    const segment = segments[index]!;
    const and = [where, segment.where];
    if (cursor && index === cursor.segment) and.push(beyond(segment.keys, cursor.values, forward));
    const got = await prisma.case.findMany({
      where: { AND: and },
      orderBy: segment.keys.map((k) => ({ [k.field]: k.desc === forward ? "desc" : "asc" })),
      take: size + 1 - rows.length,
      select: caseListSelect,
    });
    rows.push(...got);
    if (rows.length > size) break;
  }
  const more = rows.length > size;
  const page = rows.slice(0, size);
  return { rows: forward ? page : page.reverse(), more };
}

/**
 * For one page of cases: the names of their officers and their customers' live flags (flags show
 * wherever staff deal with the customer, the list included). One statement for both.
 */
async function pageDetails(prisma: PrismaClient, rows: readonly SelectedRow[]) {
  const caseIds = rows.map((r) => r.id);
  const officerIds = [...new Set(rows.map((r) => r.assignedToId).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  const flags = new Map<string, Set<string>>();
  if (caseIds.length === 0) return { names, flags };
  const found = await prisma.$queryRawUnsafe<{ id: string; name: string | null; kind: string | null }[]>(
    `SELECT cp."caseId"::text AS id, NULL::text AS name, f."kind"::text AS kind
       FROM "CaseParty" cp JOIN "PartyFlag" f ON f."partyId" = cp."partyId" AND f."clearedAt" IS NULL
      WHERE cp."caseId" = ANY($1::uuid[]) AND cp."role" = 'customer'
     UNION ALL
     SELECT s."id"::text, s."name", NULL FROM "StaffUser" s WHERE s."id" = ANY($2::uuid[])`,
    caseIds,
    officerIds,
  );
  for (const r of found) {
    if (r.kind === null) names.set(r.id, r.name ?? "");
    else flags.set(r.id, (flags.get(r.id) ?? new Set<string>()).add(r.kind));
  }
  return { names, flags };
}

/** Case ids whose customer's name contains the search (trigram index on "Party"."name" where PostgreSQL has pg_trgm). */
async function searchByName(prisma: PrismaClient, q: string): Promise<{ ids: string[]; capped: boolean }> {
  if (q.length < 2) return { ids: [], capped: false };
  const pattern = `%${escapeLike(q)}%`;
  const rows = await prisma.$queryRawUnsafe<{ caseId: string }[]>(
    `SELECT DISTINCT cp."caseId" FROM "CaseParty" cp JOIN "Party" p ON p."id" = cp."partyId"
     WHERE cp."role" = 'customer' AND p."name" ILIKE $1 LIMIT $2`,
    pattern,
    SEARCH_COUNT_CAP + 1,
  );
  return { ids: rows.slice(0, SEARCH_COUNT_CAP).map((r) => r.caseId), capped: rows.length > SEARCH_COUNT_CAP };
}

/** The where for these filters, with the customer-name search resolved (needs the database). */
export async function caseListWhere(prisma: PrismaClient, filters: CaseFilters, now: Date) {
  const byName = filters.q ? await searchByName(prisma, filters.q) : { ids: [], capped: false };
  return { where: caseWhere(filters, now, byName.ids), nameCapped: byName.capped };
}

export type CaseListPage = {
  total: number;
  totalCapped: boolean;
  rows: CaseListRow[];
  /** The page number to show (1 when a "previous" page ran into the start of the list). */
  page: number;
  /** Cursors for the next and previous pages, null at either end. */
  next: string | null;
  previous: string | null;
};

/**
 * One page of the list and (unless `count` is false: the CSV shows no total) how many cases
 * match. The total comes from the counts the database keeps (see case-counts.ts), never from
 * counting the open caseload on every render. Pages follow cursors (`after`/`before`); a page
 * number without a cursor (old links, the API) is fetched by offset.
 */
export async function listCases(
  prisma: PrismaClient,
  filters: CaseFilters,
  now: Date,
  pageSize = CASE_PAGE_SIZE,
  { count = true, queueLines }: { count?: boolean; queueLines?: Promise<ClockCount[]> } = {},
): Promise<CaseListPage> {
  const { where, nameCapped } = await caseListWhere(prisma, filters, now);
  const after = decodeCursor(filters.sort, filters.after);
  const before = after ? null : decodeCursor(filters.sort, filters.before);
  // `whole`: these rows are everything the filters match (the first page, nothing beyond it).
  const fetchPage = async (): Promise<{ rows: SelectedRow[]; page: number; next: string | null; previous: string | null; whole: boolean }> => {
    if (!after && !before && filters.page > 1) {
      const rows = await prisma.case.findMany({ where, orderBy: orderBy(filters.sort), skip: (filters.page - 1) * pageSize, take: pageSize + 1, select: caseListSelect });
      const shown = rows.slice(0, pageSize);
      return { rows: shown, page: filters.page, next: rows.length > pageSize ? cursorOf(filters.sort, shown.at(-1)!) : null, previous: shown[0] ? cursorOf(filters.sort, shown[0]) : null, whole: false };
    }
    if (before) {
      const got = await keysetPage(prisma, where, filters.sort, before, false, pageSize);
      // Ran into the start (cases were added or removed since): show the first page instead.
      if (got.more) return { rows: got.rows, page: Math.max(2, filters.page), next: got.rows.length ? cursorOf(filters.sort, got.rows.at(-1)!) : null, previous: cursorOf(filters.sort, got.rows[0]!), whole: false };
    }
    // The first page, or the page after the cursor (`before` is only set without `after`).
    const got = await keysetPage(prisma, where, filters.sort, after, true, pageSize);
    const first = !after || before !== null;
    return {
      rows: got.rows,
      page: first ? 1 : filters.page,
      next: got.more ? cursorOf(filters.sort, got.rows.at(-1)!) : null,
      previous: !first && got.rows[0] ? cursorOf(filters.sort, got.rows[0]) : null,
      whole: first && !got.more,
    };
  };
  const fetchRows = async () => {
    const got = await fetchPage();
    return { ...got, details: await pageDetails(prisma, got.rows) };
  };
  let counted: { total: number; capped: boolean } | null;
  let fetched: Awaited<ReturnType<typeof fetchRows>>;
  if (count && !countableFromTable(filters)) {
    // A search, a flag or one officer: the rows first, and when the first page holds them all it
    // is the count (exact), so the usual narrow search costs one query, not two.
    fetched = await fetchRows();
    counted = fetched.whole ? { total: fetched.rows.length, capped: false } : await countCases(prisma, filters, where, now, queueLines);
  } else {
    [counted, fetched] = await Promise.all([count ? countCases(prisma, filters, where, now, queueLines) : Promise.resolve(null), fetchRows()]);
  }
  const { names, flags } = fetched.details;
  return {
    total: counted?.total ?? fetched.rows.length,
    totalCapped: (counted?.capped ?? false) || nameCapped,
    page: fetched.page,
    next: fetched.next,
    previous: fetched.previous,
    rows: fetched.rows.map((r) => ({
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
      officer: r.assignedToId ? (names.get(r.assignedToId) ?? null) : null,
      officerId: r.assignedToId,
      clock: r.status === "closed" ? null : queueClockState(r.nextDueAt, now),
      flags: [...(flags.get(r.id) ?? [])].sort(),
    })),
  };
}

/**
 * The list's "previous" and "next" addresses (query strings for /staff/cases): plain links that
 * carry the cursor and the page number, so paging needs no JavaScript. One page back from page 2
 * is the first page itself, a clean address with no cursor.
 */
export function pageLinks(filters: CaseFilters, list: Pick<CaseListPage, "page" | "next" | "previous">): { next: string | null; previous: string | null } {
  const { page } = list;
  const next = list.next ? filtersToQuery(filters, { page: page + 1, after: list.next, before: undefined }) : null;
  const previous =
    page <= 1 ? null : page === 2 || !list.previous ? filtersToQuery(filters, { page: 1, after: undefined, before: undefined }) : filtersToQuery(filters, { page: page - 1, before: list.previous, after: undefined });
  return { next, previous };
}

/** Open cases per work queue by the state of their nearest clock, from the counts the database keeps. */
export async function queueCounts(prisma: PrismaClient, now: Date, open: Promise<ClockCount[]> = openQueueLines(prisma, now)) {
  const lines = await open;
  return summariseQueues(
    WORK_QUEUE_IDS,
    lines.flatMap((l) => [
      { queue: l.queue!, state: "overdue" as const, count: l.overdue },
      { queue: l.queue!, state: "due_soon" as const, count: l.dueSoon },
      { queue: l.queue!, state: "on_time" as const, count: l.onTime },
    ]),
  );
}
