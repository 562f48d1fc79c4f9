// The offender summary (one row per number, sender, domain and company): added to in the same
// transaction as every report, rebuilt from the contacts once a day so the 7/30/90-day windows
// move on, and rebuilt after bulk loads. Windows are London calendar days including today.
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import { addCalendarDays, londonDate, startOfLondonDay } from "../cases/working-days.js";
import type { ContactKeys } from "./contact.js";
import { CONTACT_KINDS, TOPICS, type ContactKind } from "./kinds.js";

type Db = PrismaClient | PrismaNamespace.TransactionClient;
export type Dimension = "number" | "sender" | "domain" | "company";

export function windowCutoffs(now: Date) {
  const today = londonDate(now);
  return {
    today,
    d7: startOfLondonDay(addCalendarDays(today, -6)),
    d30: startOfLondonDay(addCalendarDays(today, -29)),
    d90: startOfLondonDay(addCalendarDays(today, -89)),
  };
}

export type SummaryRow = {
  dimension: Dimension;
  key: string;
  label: string | null;
  total: number;
  d7: number;
  d30: number;
  d90: number;
  firstSeen: Date;
  lastSeen: Date;
  tpsCount: number;
  kinds: number;
  topics: number[];
};

/** What one report adds to the summary, one row per identity, in a fixed order (no deadlocks). */
/** `tps` per contact: whether a registration in force covered it (advice.ts, tpsAppliedTo). */
export function summaryRows(contacts: { keys: ContactKeys; kind: ContactKind; topic: string; company: string | null; tps: boolean }[], now: Date): SummaryRow[] {
  const cut = windowCutoffs(now);
  const rows = new Map<string, SummaryRow>();
  for (const c of contacts) {
    const ids: [Dimension, string | null][] = [
      ["number", c.keys.fromNumber],
      ["sender", c.keys.senderAddress],
      ["domain", c.keys.senderDomain],
      ["company", c.keys.companyNormalised],
    ];
    for (const [dimension, key] of ids) {
      if (!key) continue;
      const id = `${dimension}\u0000${key}`;
      const row = rows.get(id) ?? { dimension, key, label: null, total: 0, d7: 0, d30: 0, d90: 0, firstSeen: c.keys.occurredAt, lastSeen: c.keys.occurredAt, tpsCount: 0, kinds: 0, topics: TOPICS.map(() => 0) };
      const at = c.keys.occurredAt;
      row.total += 1;
      if (at >= cut.d7) row.d7 += 1;
      if (at >= cut.d30) row.d30 += 1;
      if (at >= cut.d90) row.d90 += 1;
      if (at < row.firstSeen) row.firstSeen = at;
      if (at > row.lastSeen) row.lastSeen = at;
      if (c.tps) row.tpsCount += 1;
      row.kinds |= 1 << CONTACT_KINDS.indexOf(c.kind);
      const t = (TOPICS as readonly string[]).indexOf(c.topic);
      if (t >= 0) row.topics[t]! += 1;
      if (dimension === "company" && !row.label && c.company) row.label = c.company;
      rows.set(id, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.dimension === b.dimension ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.dimension < b.dimension ? -1 : 1));
}

/** How a report's row for an identity is added to the one already there. */
export const SUMMARY_CONFLICT = `ON CONFLICT ("dimension", "key") DO UPDATE SET
       "total" = o."total" + EXCLUDED."total",
       "d7" = o."d7" + EXCLUDED."d7",
       "d30" = o."d30" + EXCLUDED."d30",
       "d90" = o."d90" + EXCLUDED."d90",
       "firstSeen" = LEAST(o."firstSeen", EXCLUDED."firstSeen"),
       "lastSeen" = GREATEST(o."lastSeen", EXCLUDED."lastSeen"),
       "tpsCount" = o."tpsCount" + EXCLUDED."tpsCount",
       "kinds" = o."kinds" | EXCLUDED."kinds",
       "topics" = ARRAY(SELECT a + b FROM unnest(o."topics", EXCLUDED."topics") AS t(a, b)),
       "label" = COALESCE(o."label", EXCLUDED."label")`;

/** Adds a report's rows to the summary: one statement, whatever the number of identities. */
export async function addToSummary(tx: Db, rows: SummaryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const values = rows.map((r) => {
    const base = params.length;
    params.push(r.dimension, r.key, r.label, r.total, r.d7, r.d30, r.d90, r.firstSeen, r.lastSeen, r.tpsCount, r.kinds, r.topics);
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::int, $${base + 5}::int, $${base + 6}::int, $${base + 7}::int, $${base + 8}::timestamptz, $${base + 9}::timestamptz, $${base + 10}::int, $${base + 11}::int, $${base + 12}::int[])`;
  });
  await tx.$executeRawUnsafe(
    `INSERT INTO "NuisanceOffender" AS o ("dimension", "key", "label", "total", "d7", "d30", "d90", "firstSeen", "lastSeen", "tpsCount", "kinds", "topics")
     VALUES ${values.join(", ")}
     ON CONFLICT ("dimension", "key") DO UPDATE SET
       "total" = o."total" + EXCLUDED."total",
       "d7" = o."d7" + EXCLUDED."d7",
       "d30" = o."d30" + EXCLUDED."d30",
       "d90" = o."d90" + EXCLUDED."d90",
       "firstSeen" = LEAST(o."firstSeen", EXCLUDED."firstSeen"),
       "lastSeen" = GREATEST(o."lastSeen", EXCLUDED."lastSeen"),
       "tpsCount" = o."tpsCount" + EXCLUDED."tpsCount",
       "kinds" = o."kinds" | EXCLUDED."kinds",
       "topics" = ARRAY(SELECT a + b FROM unnest(o."topics", EXCLUDED."topics") AS t(a, b)),
       "label" = COALESCE(o."label", EXCLUDED."label")`,
    ...params,
  );
}

const KIND_ARRAY = `ARRAY[${CONTACT_KINDS.map((k) => `'${k}'`).join(",")}]`;
const TOPIC_COUNTS = `ARRAY[${TOPICS.map((t) => `(count(*) FILTER (WHERE "topic" = '${t}'))::int`).join(", ")}]`;

/** Recomputes the whole summary from the contacts (daily, and after bulk loads). */
export async function rebuildSummary(db: PrismaClient, now: Date): Promise<void> {
  const cut = windowCutoffs(now);
  const select = (dimension: Dimension, column: string, label: string) => `
    SELECT '${dimension}', ${column}, ${label}, count(*)::int,
      (count(*) FILTER (WHERE "occurredAt" >= $1))::int, (count(*) FILTER (WHERE "occurredAt" >= $2))::int, (count(*) FILTER (WHERE "occurredAt" >= $3))::int,
      min("occurredAt"), max("occurredAt"), (count(*) FILTER (WHERE "tpsRegistered"))::int,
      bit_or(1 << (array_position(${KIND_ARRAY}, "kind"::text) - 1))::int, ${TOPIC_COUNTS}
    FROM "NuisanceContact" WHERE ${column} IS NOT NULL GROUP BY ${column}`;
  await db.$transaction(
    async (tx) => {
      // Reports arriving meanwhile wait for this to commit, then add themselves on top.
      await tx.$executeRawUnsafe(`LOCK TABLE "NuisanceOffender" IN EXCLUSIVE MODE`);
      await tx.$executeRawUnsafe(`DELETE FROM "NuisanceOffender"`);
      await tx.$executeRawUnsafe(
        `INSERT INTO "NuisanceOffender" ("dimension", "key", "label", "total", "d7", "d30", "d90", "firstSeen", "lastSeen", "tpsCount", "kinds", "topics")
         ${select("number", `"fromNumber"`, "NULL::text")}
         UNION ALL ${select("sender", `"senderAddress"`, "NULL::text")}
         UNION ALL ${select("domain", `"senderDomain"`, "NULL::text")}
         UNION ALL ${select("company", `"companyNormalised"`, `mode() WITHIN GROUP (ORDER BY "company")`)}`,
        cut.d7,
        cut.d30,
        cut.d90,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "NuisanceSummaryState" ("id", "windowsOn", "rebuiltAt") VALUES (1, $1, $2)
         ON CONFLICT ("id") DO UPDATE SET "windowsOn" = EXCLUDED."windowsOn", "rebuiltAt" = EXCLUDED."rebuiltAt"`,
        cut.today,
        now,
      );
    },
    { timeout: 600_000 },
  );
}

let rebuilding: Promise<void> | null = null;

/**
 * Moves the windows on when the London day has changed since the last rebuild. The rebuild runs
 * in the background (the list shows yesterday's windows for the few seconds it takes); one at a
 * time per process.
 */
export async function keepWindowsCurrent(db: PrismaClient, now: Date, onError: (error: unknown) => void = () => {}): Promise<{ windowsOn: string | null; rebuilding: boolean }> {
  const state = await db.nuisanceSummaryState.findUnique({ where: { id: 1 } });
  const today = londonDate(now);
  if (state?.windowsOn === today) return { windowsOn: today, rebuilding: false };
  if (!rebuilding) {
    rebuilding = rebuildSummary(db, now)
      .catch(onError)
      .finally(() => {
        rebuilding = null;
      });
  }
  // The first time ever there is nothing to show yet: wait for it.
  if (!state) await rebuilding;
  return { windowsOn: state?.windowsOn ?? today, rebuilding: Boolean(state) };
}
