// Repeat offenders: contacts grouped by normalised number, sender address, sender domain or
// company, counted in SQL (GROUP BY over indexed columns) so the list stays quick at a million
// contacts. Only whitelisted column names ever reach the SQL text; every value is a parameter.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import { CONTACT_KINDS, TOPICS, type ContactKind } from "./kinds.js";

export const DIMENSIONS = ["number", "sender", "domain", "company"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const COLUMN: Record<Dimension, string> = { number: `"fromNumber"`, sender: `"senderAddress"`, domain: `"senderDomain"`, company: `"companyNormalised"` };

export const SORTS = ["d7", "d30", "d90", "total", "last", "first", "tps"] as const;
export type Sort = (typeof SORTS)[number];
const ORDER: Record<Sort, string> = { d7: "d7", d30: "d30", d90: "d90", total: "total", last: "last_seen", first: "first_seen", tps: "tps_share" };

export const PAGE_SIZE = 25;
const DAY = 86_400_000;

export type OffenderFilter = {
  dimension: Dimension;
  /** Part of the key (a number's digits, an address or a company's words). */
  q?: string | null;
  kind?: ContactKind | null;
  topic?: string | null;
  /** Only groups with at least this many contacts in the last 90 days. */
  min90?: number | null;
  sort?: Sort;
  dir?: "asc" | "desc";
  page?: number;
};

export type OffenderRow = {
  key: string;
  total: number;
  d7: number;
  d30: number;
  d90: number;
  firstSeen: Date;
  lastSeen: Date;
  tpsShare: number;
  kinds: ContactKind[];
  topTopics: { topic: string; count: number }[];
  /** How people wrote the company, for the company dimension: the most common spelling. */
  label: string | null;
};

/** Turns a query string typed by staff into a LIKE pattern: digits only for numbers. */
function pattern(dimension: Dimension, q: string): string | null {
  const trimmed = q.trim().toLowerCase();
  if (!trimmed) return null;
  const core = dimension === "number" ? trimmed.replace(/\D/g, "").replace(/^0+/, "") : trimmed;
  if (!core) return null;
  return `%${core.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(f: OffenderFilter, params: unknown[]): string {
  const col = COLUMN[f.dimension];
  const clauses = [`${col} IS NOT NULL`];
  const like = f.q ? pattern(f.dimension, f.q) : null;
  if (like) {
    params.push(like);
    clauses.push(`${col} LIKE $${params.length}`);
  }
  if (f.kind && (CONTACT_KINDS as readonly string[]).includes(f.kind)) {
    params.push(f.kind);
    clauses.push(`"kind" = $${params.length}::"NuisanceKind"`);
  }
  if (f.topic && (TOPICS as readonly string[]).includes(f.topic)) {
    params.push(f.topic);
    clauses.push(`"topic" = $${params.length}`);
  }
  return clauses.join(" AND ");
}

type Raw = { key: string; total: number; d7: number; d30: number; d90: number; first_seen: Date; last_seen: Date; tps_share: number; groups?: number };

export async function listOffenders(prisma: PrismaClient, f: OffenderFilter, now: Date): Promise<{ rows: OffenderRow[]; groups: number; page: number; pages: number }> {
  const col = COLUMN[f.dimension];
  const params: unknown[] = [new Date(now.getTime() - 7 * DAY), new Date(now.getTime() - 30 * DAY), new Date(now.getTime() - 90 * DAY)];
  const whereSql = where(f, params);
  const sort = ORDER[f.sort ?? "d30"];
  const dir = f.dir === "asc" ? "ASC" : "DESC";
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const having = f.min90 && f.min90 > 0 ? `HAVING count(*) FILTER (WHERE "occurredAt" >= $3) >= ${Math.floor(f.min90)}` : "";
  params.push(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  // One pass: the page of groups and, by a window over the grouped rows, how many groups there are.
  const rows = await prisma.$queryRawUnsafe<Raw[]>(
    `SELECT ${col} AS key,
        count(*)::int AS total,
        (count(*) FILTER (WHERE "occurredAt" >= $1))::int AS d7,
        (count(*) FILTER (WHERE "occurredAt" >= $2))::int AS d30,
        (count(*) FILTER (WHERE "occurredAt" >= $3))::int AS d90,
        min("occurredAt") AS first_seen,
        max("occurredAt") AS last_seen,
        avg(CASE WHEN "tpsRegistered" THEN 1.0 ELSE 0.0 END)::float8 AS tps_share,
        (count(*) OVER ())::int AS groups
     FROM "NuisanceContact"
     WHERE ${whereSql}
     GROUP BY ${col}
     ${having}
     ORDER BY ${sort} ${dir}, key ASC
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    ...params,
  );
  const groups = rows[0]?.groups ?? (page > 1 ? await countGroups(prisma, f) : 0);
  const details = await groupDetails(prisma, f.dimension, rows.map((r) => r.key));
  return {
    rows: rows.map((r) => ({
      key: r.key,
      total: Number(r.total),
      d7: Number(r.d7),
      d30: Number(r.d30),
      d90: Number(r.d90),
      firstSeen: new Date(r.first_seen),
      lastSeen: new Date(r.last_seen),
      tpsShare: Number(r.tps_share),
      ...(details.get(r.key) ?? { kinds: [], topTopics: [], label: null }),
    })),
    groups,
    page,
    pages: Math.max(1, Math.ceil(groups / PAGE_SIZE)),
  };
}

async function countGroups(prisma: PrismaClient, f: OffenderFilter): Promise<number> {
  const params: unknown[] = [];
  const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(DISTINCT ${COLUMN[f.dimension]})::int AS n FROM "NuisanceContact" WHERE ${where(f, params)}`, ...params);
  return Number(rows[0]?.n ?? 0);
}

/** Kinds, top topics and the usual spelling for a page of groups: index lookups by key. */
async function groupDetails(prisma: PrismaClient, dimension: Dimension, keys: string[]) {
  const out = new Map<string, { kinds: ContactKind[]; topTopics: { topic: string; count: number }[]; label: string | null }>();
  if (keys.length === 0) return out;
  const col = COLUMN[dimension];
  const rows = await prisma.$queryRawUnsafe<{ key: string; kind: ContactKind; topic: string; company: string | null; n: number }[]>(
    `SELECT ${col} AS key, "kind", "topic", ${dimension === "company" ? `"company"` : "NULL::text"} AS company, count(*)::int AS n
     FROM "NuisanceContact" WHERE ${col} = ANY($1::text[])
     GROUP BY 1, 2, 3, 4`,
    keys,
  );
  for (const key of keys) {
    const mine = rows.filter((r) => r.key === key);
    const kinds = [...new Set(mine.map((r) => r.kind))].sort((a, b) => CONTACT_KINDS.indexOf(a) - CONTACT_KINDS.indexOf(b));
    const topics = new Map<string, number>();
    const labels = new Map<string, number>();
    for (const r of mine) {
      topics.set(r.topic, (topics.get(r.topic) ?? 0) + Number(r.n));
      if (r.company) labels.set(r.company, (labels.get(r.company) ?? 0) + Number(r.n));
    }
    const topTopics = [...topics].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([topic, count]) => ({ topic, count }));
    const label = [...labels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    out.set(key, { kinds, topTopics, label });
  }
  return out;
}

export type OffenderDetail = OffenderRow & {
  weeks: { weekStart: string; count: number }[];
  linked: { dimension: Dimension; key: string; count: number }[];
};

/** One offender: its counts, reports per week for the last `weeks` weeks, and linked identities. */
export async function offenderDetail(prisma: PrismaClient, dimension: Dimension, key: string, now: Date, weeks = 26): Promise<OffenderDetail | null> {
  const col = COLUMN[dimension];
  const head = await prisma.$queryRawUnsafe<Raw[]>(
    `SELECT ${col} AS key, count(*)::int AS total,
        (count(*) FILTER (WHERE "occurredAt" >= $2))::int AS d7,
        (count(*) FILTER (WHERE "occurredAt" >= $3))::int AS d30,
        (count(*) FILTER (WHERE "occurredAt" >= $4))::int AS d90,
        min("occurredAt") AS first_seen, max("occurredAt") AS last_seen,
        avg(CASE WHEN "tpsRegistered" THEN 1.0 ELSE 0.0 END)::float8 AS tps_share
     FROM "NuisanceContact" WHERE ${col} = $1 GROUP BY 1`,
    key,
    new Date(now.getTime() - 7 * DAY),
    new Date(now.getTime() - 30 * DAY),
    new Date(now.getTime() - 90 * DAY),
  );
  const r = head[0];
  if (!r) return null;
  const details = (await groupDetails(prisma, dimension, [key])).get(key)!;
  const from = startOfWeek(new Date(now.getTime() - (weeks - 1) * 7 * DAY));
  const perWeek = await prisma.$queryRawUnsafe<{ week: Date; n: number }[]>(
    `SELECT date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/London') AS week, count(*)::int AS n
     FROM "NuisanceContact" WHERE ${col} = $1 AND "occurredAt" >= $2 GROUP BY 1 ORDER BY 1`,
    key,
    from,
  );
  const counts = new Map(perWeek.map((w) => [isoDay(new Date(w.week)), Number(w.n)]));
  const series = Array.from({ length: weeks }, (_, i) => {
    const start = isoDay(new Date(from.getTime() + i * 7 * DAY));
    return { weekStart: start, count: counts.get(start) ?? 0 };
  });
  return {
    key,
    total: Number(r.total),
    d7: Number(r.d7),
    d30: Number(r.d30),
    d90: Number(r.d90),
    firstSeen: new Date(r.first_seen),
    lastSeen: new Date(r.last_seen),
    tpsShare: Number(r.tps_share),
    ...details,
    weeks: series,
    linked: await linkedIdentities(prisma, dimension, key),
  };
}

/**
 * Other identities seen in the same contacts: the companies a number used, the numbers and
 * sender domains a company used. A company seen with several numbers is one offender.
 */
export async function linkedIdentities(prisma: PrismaClient, dimension: Dimension, key: string): Promise<{ dimension: Dimension; key: string; count: number }[]> {
  const col = COLUMN[dimension];
  const others = DIMENSIONS.filter((d) => d !== dimension && !(dimension === "sender" && d === "domain") && !(dimension === "domain" && d === "sender"));
  const out: { dimension: Dimension; key: string; count: number }[] = [];
  for (const other of others) {
    const oc = COLUMN[other];
    const rows = await prisma.$queryRawUnsafe<{ key: string; n: number }[]>(
      `SELECT ${oc} AS key, count(*)::int AS n FROM "NuisanceContact" WHERE ${col} = $1 AND ${oc} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
      key,
    );
    for (const row of rows) out.push({ dimension: other, key: row.key, count: Number(row.n) });
  }
  return out;
}

export type OffenderContact = {
  id: string;
  reportId: string;
  reference: string;
  receivedAt: Date;
  kind: ContactKind;
  occurredAt: Date;
  timeKnown: boolean;
  fromStatus: string;
  fromTyped: string | null;
  fromNumber: string | null;
  fromUnparsed: boolean;
  senderAddress: string | null;
  toTyped: string | null;
  company: string | null;
  topic: string;
  message: string | null;
  subject: string | null;
  description: string | null;
  tpsRegistered: boolean;
  emlId: string | null;
  emlName: string | null;
};

/** The contacts of one offender (or of a filtered list), newest first. */
export async function offenderContacts(prisma: PrismaClient, dimension: Dimension, keys: string | string[], limit: number, filter: Pick<OffenderFilter, "kind" | "topic"> = {}): Promise<OffenderContact[]> {
  const field = ({ number: "fromNumber", sender: "senderAddress", domain: "senderDomain", company: "companyNormalised" } as const)[dimension];
  const list = Array.isArray(keys) ? keys : [keys];
  const rows = await prisma.nuisanceContact.findMany({
    where: {
      [field]: { in: list },
      ...(filter.kind && (CONTACT_KINDS as readonly string[]).includes(filter.kind) ? { kind: filter.kind } : {}),
      ...(filter.topic && (TOPICS as readonly string[]).includes(filter.topic) ? { topic: filter.topic } : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { report: { select: { reference: true, receivedAt: true } }, eml: { select: { fileName: true } } },
  });
  return rows.map((c) => ({
    id: String(c.id),
    reportId: c.reportId,
    reference: c.report.reference,
    receivedAt: c.report.receivedAt,
    kind: c.kind,
    occurredAt: c.occurredAt,
    timeKnown: c.timeKnown,
    fromStatus: c.fromStatus,
    fromTyped: c.fromTyped,
    fromNumber: c.fromNumber,
    fromUnparsed: c.fromUnparsed,
    senderAddress: c.senderAddress,
    toTyped: c.toTyped,
    company: c.company,
    topic: c.topic,
    message: c.message,
    subject: c.subject,
    description: c.description,
    tpsRegistered: c.tpsRegistered,
    emlId: c.emlId,
    emlName: c.eml?.fileName ?? null,
  }));
}

function startOfWeek(d: Date): Date {
  // Monday 00:00 UTC of that week: close enough to London's week for a chart's buckets, and the
  // SQL above buckets by London week starting Monday too.
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
