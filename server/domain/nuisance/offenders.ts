// Repeat offenders: contacts grouped by normalised number, sender address, sender domain or
// company, counted in SQL (GROUP BY over indexed columns) so the list stays quick at a million
// contacts. Only whitelisted column names ever reach the SQL text; every value is a parameter.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import { normaliseCompany } from "./company.js";
import { CONTACT_KINDS, TOPICS, type ContactKind } from "./kinds.js";
import { keepWindowsCurrent, windowCutoffs, type Dimension } from "./summary.js";

export const DIMENSIONS = ["number", "sender", "domain", "company"] as const satisfies readonly Dimension[];
export type { Dimension };
const COLUMN: Record<Dimension, string> = { number: `"fromNumber"`, sender: `"senderAddress"`, domain: `"senderDomain"`, company: `"companyNormalised"` };

export const SORTS = ["d7", "d30", "d90", "total", "last", "first", "tps"] as const;
export type Sort = (typeof SORTS)[number];
// Each sort but the TPS share has an index (dimension, column, key) on the summary.
const ORDER: Record<Sort, string> = { d7: `"d7"`, d30: `"d30"`, d90: `"d90"`, total: `"total"`, last: `"lastSeen"`, first: `"firstSeen"`, tps: `("tpsCount"::float8 / "total")` };

export const PAGE_SIZE = 25;

export type OffenderFilter = {
  dimension: Dimension;
  /** Part of the key (a number's digits, an address or a company's words). */
  q?: string | null;
  /** Offenders that used this kind of contact. */
  kind?: ContactKind | null;
  /** Offenders with contacts about this topic. */
  topic?: string | null;
  /** Only offenders with at least this many contacts in the last 90 days. */
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
  const core = dimension === "number" ? trimmed.replace(/\D/g, "").replace(/^0+/, "") : dimension === "company" ? (normaliseCompany(trimmed) ?? "") : trimmed;
  if (!core) return null;
  return `%${core.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(f: OffenderFilter, params: unknown[]): string {
  params.push(f.dimension);
  const clauses = [`"dimension" = $${params.length}`];
  const like = f.q ? pattern(f.dimension, f.q) : null;
  if (like) {
    params.push(like);
    clauses.push(`"key" LIKE $${params.length}`);
  }
  if (f.kind && (CONTACT_KINDS as readonly string[]).includes(f.kind)) clauses.push(`("kinds" & ${1 << CONTACT_KINDS.indexOf(f.kind)}) <> 0`);
  if (f.topic && (TOPICS as readonly string[]).includes(f.topic)) clauses.push(`"topics"[${(TOPICS as readonly string[]).indexOf(f.topic) + 1}] > 0`);
  if (f.min90 && f.min90 > 0) {
    params.push(Math.floor(f.min90));
    clauses.push(`"d90" >= $${params.length}`);
  }
  return clauses.join(" AND ");
}

const DAY = 86_400_000;
type Raw = { key: string; total: number; d7: number; d30: number; d90: number; first_seen: Date; last_seen: Date; tps_share: number };
type SummaryRaw = { key: string; label: string | null; total: number; d7: number; d30: number; d90: number; firstSeen: Date; lastSeen: Date; tpsCount: number; kinds: number; topics: number[] };

const kindsOf = (mask: number) => CONTACT_KINDS.filter((_, i) => (mask & (1 << i)) !== 0);
const topTopicsOf = (counts: number[]) =>
  TOPICS.map((topic, i) => ({ topic, count: Number(counts[i] ?? 0) }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
    .slice(0, 3);

/**
 * A page of offenders from the summary table: an index range scan for the sort, so the time does
 * not grow with the number of contacts. Windows move on daily (see summary.ts).
 */
export async function listOffenders(prisma: PrismaClient, f: OffenderFilter, now: Date): Promise<{ rows: OffenderRow[]; groups: number; page: number; pages: number; windowsOn: string | null }> {
  const state = await keepWindowsCurrent(prisma, now);
  const params: unknown[] = [];
  const whereSql = where(f, params);
  const dir = f.dir === "asc" ? "ASC" : "DESC";
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const countParams = [...params];
  params.push(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const [rows, count] = await Promise.all([
    prisma.$queryRawUnsafe<SummaryRaw[]>(
      `SELECT "key", "label", "total", "d7", "d30", "d90", "firstSeen", "lastSeen", "tpsCount", "kinds", "topics"
       FROM "NuisanceOffender" WHERE ${whereSql}
       ORDER BY ${ORDER[f.sort ?? "d30"]} ${dir}, "key" ${dir}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      ...params,
    ),
    prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "NuisanceOffender" WHERE ${whereSql}`, ...countParams),
  ]);
  const groups = Number(count[0]?.n ?? 0);
  return {
    rows: rows.map((r) => ({
      key: r.key,
      total: Number(r.total),
      d7: Number(r.d7),
      d30: Number(r.d30),
      d90: Number(r.d90),
      firstSeen: new Date(r.firstSeen),
      lastSeen: new Date(r.lastSeen),
      tpsShare: Number(r.total) ? Number(r.tpsCount) / Number(r.total) : 0,
      kinds: kindsOf(Number(r.kinds)),
      topTopics: topTopicsOf(r.topics),
      label: r.label,
    })),
    groups,
    page,
    pages: Math.max(1, Math.ceil(groups / PAGE_SIZE)),
    windowsOn: state.windowsOn,
  };
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
  const cut = windowCutoffs(now);
  const head = await prisma.$queryRawUnsafe<Raw[]>(
    `SELECT ${col} AS key, count(*)::int AS total,
        (count(*) FILTER (WHERE "occurredAt" >= $2))::int AS d7,
        (count(*) FILTER (WHERE "occurredAt" >= $3))::int AS d30,
        (count(*) FILTER (WHERE "occurredAt" >= $4))::int AS d90,
        min("occurredAt") AS first_seen, max("occurredAt") AS last_seen,
        avg(CASE WHEN "tpsRegistered" THEN 1.0 ELSE 0.0 END)::float8 AS tps_share
     FROM "NuisanceContact" WHERE ${col} = $1 GROUP BY 1`,
    key,
    cut.d7,
    cut.d30,
    cut.d90,
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
  /** The person asked for a reply: who to reply to and how (null when they did not). */
  replyTo: { name: string | null; email: string | null; phone: string | null } | null;
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
    include: { report: { select: { reference: true, receivedAt: true, wantsReply: true, name: true, email: true, phone: true } }, eml: { select: { fileName: true } } },
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
    replyTo: c.report.wantsReply ? { name: c.report.name, email: c.report.email, phone: c.report.phone } : null,
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
