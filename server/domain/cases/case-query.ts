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

/**
 * The same filters as caseWhere, as SQL on "Case" c (the list's own statements: through Prisma's
 * query builder one page cost ~3 ms of CPU, as plain SQL a third of that). Values go in as
 * parameters (appended to `params`), never into the text. caseWhere stays the reference: the
 * tests check every filter's rows and counts against it.
 */
export function caseConditions(filters: CaseFilters, now: Date, nameMatches: readonly string[], params: unknown[]): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const parts = ["TRUE"];
  if (filters.status === "open") parts.push(`c."status" <> 'closed'`);
  else if (filters.status !== "all") parts.push(`c."status" = ${bind(filters.status)}::"CaseStatus"`);
  if (filters.type) parts.push(`c."type" = ${bind(filters.type)}`);
  if (filters.queue) parts.push(`c."workQueue" = ${bind(filters.queue)}`);
  if (filters.officer) parts.push(filters.officer === "none" ? `c."assignedToId" IS NULL` : `c."assignedToId" = ${bind(filters.officer)}::uuid`);
  if (filters.language) parts.push(`c."language" = ${bind(filters.language)}::"Language"`);
  if (filters.flag)
    parts.push(
      `EXISTS (SELECT 1 FROM "CaseParty" fp JOIN "PartyFlag" f ON f."partyId" = fp."partyId" WHERE fp."caseId" = c."id" AND f."kind" = ${bind(filters.flag)}::"PartyFlagKind" AND f."clearedAt" IS NULL)`,
    );
  if (filters.clock) {
    const { overdueBefore, dueSoonUntil } = clockBoundaries(now);
    if (filters.clock === "overdue") parts.push(`c."nextDueAt" < ${bind(overdueBefore)}`);
    else if (filters.clock === "due_soon") parts.push(`c."nextDueAt" >= ${bind(overdueBefore)} AND c."nextDueAt" <= ${bind(dueSoonUntil)}`);
    else parts.push(`(c."nextDueAt" IS NULL OR c."nextDueAt" > ${bind(dueSoonUntil)})`);
  }
  if (filters.q) {
    const arms = [`c."reference" = ${bind(filters.q.toUpperCase().replace(/\s+/g, ""))}`, `c."title" ILIKE ${bind(`%${escapeLike(filters.q)}%`)}`];
    if (nameMatches.length > 0) arms.push(`c."id" = ANY(${bind([...nameMatches])}::uuid[])`);
    parts.push(`(${arms.join(" OR ")})`);
  }
  return parts.join(" AND ");
}

/** The case's own columns as the page statement reads them (LIST_COLUMNS); what a list row hands out is LIST_ROW. */
type CaseColumns = {
  id: string;
  reference: string;
  type: string;
  title: string;
  status: string;
  language: string;
  channel: string;
  workQueue: string;
  createdAt: Date;
  openedAt: Date;
  nextDueAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
};

// Keyset paging. The list in one order is a run of segments, each walked along an index in key
// order: for "due", the cases with a clock (nextDueAt, createdAt, reference), then those without
// (createdAt, reference). A cursor names a segment and the keys of one row in it; the next page is
// the rows strictly after it (the lead key as a range bound, so PostgreSQL starts the index scan
// there instead of counting past every earlier row, as OFFSET does), then the following segments.
// The last key is the unique reference, so ties on the dates never repeat or skip a case.
type SortKey = { field: "nextDueAt" | "createdAt" | "reference"; desc: boolean };
type Segment = { where: string; keys: SortKey[] };

const SEGMENTS: Record<CaseFilters["sort"], Segment[]> = {
  due: [
    {
      where: `c."nextDueAt" IS NOT NULL`,
      keys: [
        { field: "nextDueAt", desc: false },
        { field: "createdAt", desc: false },
        { field: "reference", desc: false },
      ],
    },
    {
      where: `c."nextDueAt" IS NULL`,
      keys: [
        { field: "createdAt", desc: false },
        { field: "reference", desc: false },
      ],
    },
  ],
  received: [
    {
      where: "TRUE",
      keys: [
        { field: "createdAt", desc: true },
        { field: "reference", desc: false },
      ],
    },
  ],
  reference: [{ where: "TRUE", keys: [{ field: "reference", desc: false }] }],
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

/** Rows strictly beyond the cursor's row in the direction of travel, as SQL on "Case" c. */
function beyond(keys: SortKey[], values: (string | Date)[], forward: boolean, bind: (value: unknown) => string): string {
  const op = (k: SortKey) => (k.desc === forward ? "<" : ">");
  const lead = keys[0]!;
  const arms = keys.map((k, i) => [...keys.slice(0, i).map((e, j) => `c."${e.field}" = ${bind(values[j])}`), `c."${k.field}" ${op(k)} ${bind(values[i])}`].join(" AND "));
  // The first bound is redundant with the arms, but an index range bound: the scan starts at the cursor.
  return `c."${lead.field}" ${op(lead)}= ${bind(values[0])} AND (${arms.map((a) => `(${a})`).join(" OR ")})`;
}

// Each order ends in the unique reference and matches an index (migration 20261206050000_case_list_counts).
const ORDER_SQL: Record<CaseFilters["sort"], (t: string) => string> = {
  due: (t) => `${t}."nextDueAt" ASC NULLS LAST, ${t}."createdAt" ASC, ${t}."reference" ASC`,
  received: (t) => `${t}."createdAt" DESC, ${t}."reference" ASC`,
  reference: (t) => `${t}."reference" ASC`,
};

const LIST_COLUMNS = `c."id", c."reference", c."type", c."title", c."status"::text AS "status", c."language"::text AS "language", c."channel", c."workQueue",
  c."createdAt", c."openedAt", c."nextDueAt", c."closedAt", c."outcome", c."assignedToId"`;

/** A row of the page statement: its segment, the case's columns, its officer and its customer's live flags (comma-separated). */
type PageRow = CaseColumns & { seg: number; assignedToId: string | null; officer: string | null; flags: string | null };

/**
 * What a list row hands out (to the staff page, the API and the CSV), field by field from the page
 * statement's row, in this order: these fields and nothing else. A column the statement gains
 * stays behind until it is named here; the row type follows this list (dates leave as ISO text:
 * they go to the browser and the API as JSON, and into the CSV).
 */
const LIST_ROW = {
  id: (r) => r.id,
  reference: (r) => r.reference,
  type: (r) => r.type,
  title: (r) => r.title,
  status: (r) => r.status,
  language: (r) => r.language,
  channel: (r) => r.channel,
  workQueue: (r) => r.workQueue,
  createdAt: (r) => r.createdAt.toISOString(),
  openedAt: (r) => r.openedAt.toISOString(),
  nextDueAt: (r) => r.nextDueAt?.toISOString() ?? null,
  closedAt: (r) => r.closedAt?.toISOString() ?? null,
  outcome: (r) => r.outcome,
  officer: (r) => (r.assignedToId ? r.officer : null),
  officerId: (r) => r.assignedToId,
  clock: (r, now): QueueClockState | null => (r.status === "closed" ? null : queueClockState(r.nextDueAt, now)),
  flags: (r) => (r.flags ? r.flags.split(",").sort() : []),
} satisfies Record<string, (row: PageRow, now: Date) => unknown>;

/** A row as the list hands it out: exactly the fields of LIST_ROW. */
export type CaseListRow = { [K in keyof typeof LIST_ROW]: ReturnType<(typeof LIST_ROW)[K]> };

/** The fields of a list row, in order. */
export const CASE_LIST_FIELDS = Object.keys(LIST_ROW) as (keyof CaseListRow)[];
const LIST_READERS = Object.entries(LIST_ROW) as [keyof CaseListRow, (row: PageRow, now: Date) => unknown][];

function toListRow(row: PageRow, now: Date): CaseListRow {
  const out: Record<string, unknown> = {};
  for (const [field, read] of LIST_READERS) out[field] = read(row, now);
  return out as CaseListRow;
}

/**
 * One statement for a page: the rows (from an end, after an offset, or beyond a cursor through
 * each following segment in the direction of travel), each with its officer's name and its
 * customer's live flags. `take` rows at most, in the direction of travel.
 */
function pageStatement(condition: string, params: unknown[], sort: CaseFilters["sort"], cursor: CaseCursor | null, forward: boolean, take: number, offset = 0): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  let rows: string;
  let order: string;
  if (!cursor && forward) {
    // The first page (or an offset) needs no segments: one scan in the whole order (nulls last
    // is the index's own order).
    rows = `SELECT 0 AS "seg", ${LIST_COLUMNS} FROM "Case" c WHERE ${condition} ORDER BY ${ORDER_SQL[sort]("c")} LIMIT ${bind(take)}${offset ? ` OFFSET ${bind(offset)}` : ""}`;
    order = ORDER_SQL[sort]("p");
  } else {
    const segments = SEGMENTS[sort];
    const indices = forward ? segments.map((_, i) => i) : segments.map((_, i) => i).reverse();
    const from = cursor ? indices.indexOf(cursor.segment) : 0;
    const dir = (k: SortKey) => (k.desc === forward ? "DESC" : "ASC");
    rows = indices
      .slice(from)
      .map((index) => {
        const segment = segments[index]!;
        const where = [condition, segment.where];
        if (cursor && index === cursor.segment) where.push(beyond(segment.keys, cursor.values, forward, bind));
        return `(SELECT ${index} AS "seg", ${LIST_COLUMNS} FROM "Case" c WHERE ${where.join(" AND ")} ORDER BY ${segment.keys.map((k) => `c."${k.field}" ${dir(k)}`).join(", ")} LIMIT ${bind(take)})`;
      })
      .join(" UNION ALL ");
    // The first segment's keys cover every segment's (the later ones hold a constant there).
    order = [`p."seg" ${forward ? "ASC" : "DESC"}`, ...segments[0]!.keys.map((k) => `p."${k.field}" ${dir(k)}`)].join(", ");
  }
  return `WITH p AS (${rows})
    SELECT p.*, s."name" AS "officer",
      (SELECT string_agg(DISTINCT f."kind"::text, ',') FROM "CaseParty" cp JOIN "PartyFlag" f ON f."partyId" = cp."partyId" AND f."clearedAt" IS NULL
        WHERE cp."caseId" = p."id" AND cp."role" = 'customer') AS "flags"
    FROM p LEFT JOIN "StaffUser" s ON s."id" = p."assignedToId"
    ORDER BY ${order}`;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const asOptionalDate = (value: Date | string | null) => (value === null ? null : asDate(value));

/** Up to `size` rows from the cursor (or an end) in the direction of travel, in list order, and whether more lie beyond. */
async function keysetPage(prisma: PrismaClient, condition: string, conditionParams: readonly unknown[], sort: CaseFilters["sort"], cursor: CaseCursor | null, forward: boolean, size: number, offset = 0) {
  const params = [...conditionParams];
  const got = (await prisma.$queryRawUnsafe<PageRow[]>(pageStatement(condition, params, sort, cursor, forward, size + 1, offset), ...params)).map((r) => ({
    ...r,
    createdAt: asDate(r.createdAt),
    openedAt: asDate(r.openedAt),
    nextDueAt: asOptionalDate(r.nextDueAt),
    closedAt: asOptionalDate(r.closedAt),
  }));
  const more = got.length > size;
  const page = got.slice(0, size);
  return { rows: forward ? page : page.reverse(), more };
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

/** The filters as SQL on "Case" c with its parameters, the customer-name search resolved (needs the database). */
export async function caseListCondition(prisma: PrismaClient, filters: CaseFilters, now: Date) {
  const byName = filters.q ? await searchByName(prisma, filters.q) : { ids: [], capped: false };
  const params: unknown[] = [];
  return { sql: caseConditions(filters, now, byName.ids, params), params, nameCapped: byName.capped };
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
  const where = await caseListCondition(prisma, filters, now);
  const { nameCapped } = where;
  const after = decodeCursor(filters.sort, filters.after);
  const before = after ? null : decodeCursor(filters.sort, filters.before);
  // `whole`: these rows are everything the filters match (the first page, nothing beyond it).
  const fetchPage = async (): Promise<{ rows: PageRow[]; page: number; next: string | null; previous: string | null; whole: boolean }> => {
    if (!after && !before && filters.page > 1) {
      const { rows: shown, more } = await keysetPage(prisma, where.sql, where.params, filters.sort, null, true, pageSize, (filters.page - 1) * pageSize);
      return { rows: shown, page: filters.page, next: more ? cursorOf(filters.sort, shown.at(-1)!) : null, previous: shown[0] ? cursorOf(filters.sort, shown[0]) : null, whole: false };
    }
    if (before) {
      const got = await keysetPage(prisma, where.sql, where.params, filters.sort, before, false, pageSize);
      // Ran into the start (cases were added or removed since): show the first page instead.
      if (got.more) return { rows: got.rows, page: Math.max(2, filters.page), next: got.rows.length ? cursorOf(filters.sort, got.rows.at(-1)!) : null, previous: cursorOf(filters.sort, got.rows[0]!), whole: false };
    }
    // The first page, or the page after the cursor (`before` is only set without `after`).
    const got = await keysetPage(prisma, where.sql, where.params, filters.sort, after, true, pageSize);
    const first = !after || before !== null;
    return {
      rows: got.rows,
      page: first ? 1 : filters.page,
      next: got.more ? cursorOf(filters.sort, got.rows.at(-1)!) : null,
      previous: !first && got.rows[0] ? cursorOf(filters.sort, got.rows[0]) : null,
      whole: first && !got.more,
    };
  };
  let counted: { total: number; capped: boolean } | null;
  let fetched: Awaited<ReturnType<typeof fetchPage>>;
  if (count && !countableFromTable(filters)) {
    // A search, a flag or one officer: the rows first, and when the first page holds them all it
    // is the count (exact), so the usual narrow search costs one query, not two.
    fetched = await fetchPage();
    counted = fetched.whole ? { total: fetched.rows.length, capped: false } : await countCases(prisma, filters, where, now, queueLines);
  } else {
    [counted, fetched] = await Promise.all([count ? countCases(prisma, filters, where, now, queueLines) : Promise.resolve(null), fetchPage()]);
  }
  return {
    total: counted?.total ?? fetched.rows.length,
    totalCapped: (counted?.capped ?? false) || nameCapped,
    page: fetched.page,
    next: fetched.next,
    previous: fetched.previous,
    rows: fetched.rows.map((row) => toListRow(row, now)),
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
