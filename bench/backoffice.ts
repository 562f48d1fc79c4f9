// `npx tsx bench/backoffice.ts`: the back office's two figures, on loopback only.
//  1. relay_events_per_s: the outbox relay delivering signed events to a local receiver that
//     verifies every signature (embedded PGlite, in-process; BENCH_RELAY_EVENTS events over
//     200 records, so ordering per record is exercised).
//  2. case_list_p95_ms: the staff case list page (/staff/cases) rendered by the production
//     server over PostgreSQL holding BENCH_CASES (200,000) cases: p95 over default, filtered,
//     sorted and deep-paged lists. Needs BENCH_DATABASE_URL (a local PostgreSQL); without it
//     the key is left out and a note says why. Beside it case_list_floor_ms: a plain indexed
//     SELECT … LIMIT 50 timed in the same run, and the totals shown checked against count(*).
//     Deep pages follow the list's own "next" links (keyset cursors) from page 200; a title
//     search uses the trigram index where PostgreSQL has pg_trgm.
// Merged into bench/results.json under relay_* and case_list_* keys.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { loadavg } from "node:os";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { createRelay } from "../server/outbox/relay";
import { SIGNATURE_HEADER, verifySignature } from "../server/outbox/signature";
import { startTestServer, type TestServer } from "../test/support/server";
import { signedIn } from "../test/support/staff";
import { createBenchDatabase, unavailableReason } from "./lib/postgres";
import { mergeResults, type Flat } from "./lib/results";

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
const RELAY_EVENTS = Number(process.env.BENCH_RELAY_EVENTS ?? 3000);
const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const LIST_SAMPLES = Number(process.env.BENCH_LIST_SAMPLES ?? 40);
const SECRET = "bench-secret-bench-secret-bench-secret";

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

const migrations = () => {
  const dir = path.resolve("prisma/migrations");
  return readdirSync(dir).filter((n) => !n.endsWith(".toml")).sort().map((n) => readFileSync(path.join(dir, n, "migration.sql"), "utf8"));
};

async function relayThroughput(): Promise<Flat> {
  const client = new PGlite();
  for (const sql of migrations()) await client.exec(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const aggregates = 200;
  await client.exec(`INSERT INTO "OutboxEvent" ("id", "aggregateType", "aggregateId", "eventType", "schemaVersion", "payload")
    SELECT gen_random_uuid(), 'case', 'bench-' || (i % ${aggregates}), 'case.bench', 1, jsonb_build_object('i', i, 'text', repeat('x', 400))
    FROM generate_series(1, ${RELAY_EVENTS}) AS i`);
  const seen = new Set<string>();
  let received = 0;
  let rejected = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const ok = verifySignature({ secret: SECRET, header: req.headers[SIGNATURE_HEADER] as string, body, seen }).ok;
      if (ok) received++;
      else rejected++;
      res.statusCode = ok ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const relay = createRelay({ prisma, url, secret: SECRET, batchSize: 100, pollMs: 5 });
  const start = performance.now();
  while ((await relay.runOnce()).claimed > 0) {
    /* keep going until nothing is left */
  }
  const seconds = (performance.now() - start) / 1000;
  const undelivered = await prisma.outboxEvent.count({ where: { deliveredAt: null } });
  server.close();
  await prisma.$disconnect();
  await client.close();
  if (undelivered > 0 || rejected > 0) throw new Error(`relay left ${undelivered} undelivered, ${rejected} rejected`);
  return {
    relay_events_per_s: Math.round((received / seconds) * 10) / 10,
    relay_events: received,
    relay_records: aggregates,
    relay_database: "pglite",
  };
}

async function seedCases(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Types, queues, statuses, languages and dates spread out like a real caseload; 1 in 4 closed.
    await client.query(`INSERT INTO "Case" ("id", "reference", "type", "status", "title", "language", "channel", "workQueue", "summary",
        "createdAt", "openedAt", "queueDueAt", "underWayDueAt", "answerDueAt", "closeDueAt", "nextDueAt", "queuedAt", "underWayAt", "closedAt", "outcome", "updatedAt")
      SELECT gen_random_uuid(), 'RFA' || lpad((2000000 + i)::text, 7, '0'), 'RFA',
        (CASE WHEN i % 4 = 0 THEN 'closed' WHEN i % 4 = 1 THEN 'under_way' ELSE 'queued' END)::"CaseStatus",
        (CASE WHEN i % 10 = 0 THEN 'Welsh language – ' ELSE '' END) || 'Data protection concern – Organisation ' || (i % 5000),
        (CASE WHEN i % 10 = 0 THEN 'cy' ELSE 'en' END)::"Language", (ARRAY['web_form','chat','email','phone'])[1 + i % 4],
        (6 + i % 13)::text, 'Bench summary ' || i,
        created, created, created + interval '3 days', created + interval '14 days', created + interval '30 days', created + interval '6 months',
        CASE WHEN i % 4 = 0 THEN NULL WHEN i % 4 = 1 THEN created + interval '30 days' ELSE created + interval '14 days' END,
        created, CASE WHEN i % 4 <= 1 THEN created + interval '5 days' END, CASE WHEN i % 4 = 0 THEN created + interval '40 days' END,
        CASE WHEN i % 4 = 0 THEN 'no_action_for_dc' END, created
      FROM generate_series(1, $1::int) AS i, LATERAL (SELECT now() - (i % 700) * interval '1 day' - (i % 1440) * interval '1 minute' AS created) d`, [count]);
    await client.query(`ANALYZE "Case"`);
  } finally {
    await client.end();
  }
}

async function caseListP95(adminUrl: string): Promise<Flat> {
  const db = await createBenchDatabase(adminUrl);
  let server: TestServer | undefined;
  try {
    server = await startTestServer({ DATABASE_URL: db.url, SESSION_SECRET: "bench-session-secret-bench-session-secret", SEED_DEMO_DATA: "true", LOG_LEVEL: "error" });
    const seedStart = performance.now();
    await seedCases(db.url, CASES);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const manager = await signedIn(server.url, "manager");
    // DEEP is the next page of the last deep page shown: the "next" link a person would follow.
    const DEEP = "deep";
    const SEARCH = "/staff/cases?status=all&q=Organisation+4321";
    const lists = ["/staff/cases", "/staff/cases?queue=8", "/staff/cases?language=cy", "/staff/cases?sort=received", DEEP, "/staff/cases?clock=overdue", "/cy/staff/cases?type=RFA&queue=12", SEARCH];
    const nextLink = (html: string) => {
      const anchor = /<a [^>]*rel="next"[^>]*>/.exec(html)?.[0];
      const href = anchor ? /href="([^"]+)"/.exec(anchor)?.[1] : undefined;
      return href?.replace(/&amp;/g, "&");
    };
    // An old-style link (offset) to page 200, not timed: where the deep pages start.
    const pageTwoHundred = await manager.get("/staff/cases?status=all&page=200");
    let deep = nextLink(await pageTwoHundred.text());
    if (!deep?.includes("after=")) throw new Error("page 200 has no next link with a cursor");
    const byList = new Map<string, number[]>();
    // The floor: a plain indexed SELECT of one page straight from PostgreSQL, timed in the same
    // run between the page requests, so the two figures share the same data and machine load.
    const raw = new pg.Client({ connectionString: db.url });
    await raw.connect();
    const floorSql = `SELECT "id", "reference", "type", "title", "status", "language", "workQueue", "createdAt", "nextDueAt"
      FROM "Case" WHERE "status" <> 'closed' ORDER BY "nextDueAt", "createdAt", "reference" LIMIT 50`;
    const times: number[] = [];
    const floor: number[] = [];
    const layout: number[] = [];
    const shown = new Map<string, number>();
    let countsChecked = 0;
    try {
      for (let i = 0; i < LIST_SAMPLES; i++) {
        const page = lists[i % lists.length]!;
        const address = page === DEEP ? deep! : page;
        const start = performance.now();
        const res = await manager.get(address);
        const html = await res.text();
        times.push(performance.now() - start);
        byList.set(page, [...(byList.get(page) ?? []), performance.now() - start]);
        if (page === DEEP) {
          deep = nextLink(html);
          if (!deep) throw new Error(`${address} has no next link`);
        }
        if (process.env.BENCH_VERBOSE) console.log(`${page}: ${Math.round(performance.now() - start)} ms, ${html.length} bytes`);
        if (res.status !== 200 || !html.includes("case-total")) throw new Error(`GET ${page} answered ${res.status}`);
        const total = /data-testid="case-total"[^>]*>([^<]*)</.exec(html)?.[1]?.replace(/\D/g, "");
        shown.set(page, Number(total));
        // A control: the same staff layout (session, permissions, translations for hydration) with
        // one indexed lookup and no list, to show what a staff page costs before the list's work.
        const controlStart = performance.now();
        const control = await manager.get("/staff/cases/RFA9999999");
        await control.text();
        layout.push(performance.now() - controlStart);
        const floorStart = performance.now();
        const { rowCount } = await raw.query(floorSql);
        floor.push(performance.now() - floorStart);
        if (rowCount !== 50) throw new Error(`the floor query returned ${rowCount} rows`);
      }
      // The counts must still be right: the totals shown against an exact count of the same rows.
      const exact = async (sql: string) => Number((await raw.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE ${sql}`)).rows[0]!.n);
      const checks: [string, string][] = [
        ["/staff/cases", `"status" <> 'closed'`],
        ["/staff/cases?queue=8", `"status" <> 'closed' AND "workQueue" = '8'`],
        ["/staff/cases?language=cy", `"status" <> 'closed' AND "language" = 'cy'`],
        [DEEP, `TRUE`],
        [SEARCH, `"title" ILIKE '%Organisation 4321%'`],
      ];
      // (The clock filters move with time between a render and a check; the integration test
      // test/integration/case-counts.test.ts checks them at a fixed instant.)
      for (const [page, where] of checks) {
        const want = await exact(where);
        if (shown.get(page) !== want) throw new Error(`${page} showed ${shown.get(page)} cases, the database has ${want}`);
      }
      countsChecked = checks.length;
    } finally {
      await raw.end();
    }
    return {
      case_list_p95_ms: percentile(times, 95),
      case_list_p50_ms: percentile(times, 50),
      case_list_floor_ms: percentile(floor, 95),
      case_list_floor_p50_ms: percentile(floor, 50),
      case_list_deep_p50_ms: percentile(byList.get(DEEP) ?? [], 50),
      case_list_search_p50_ms: percentile(byList.get(SEARCH) ?? [], 50),
      case_list_layout_control_p95_ms: percentile(layout, 95),
      case_list_layout_control_p50_ms: percentile(layout, 50),
      // The 1-minute load average when the run ended: these figures are only comparable at a similar load.
      case_list_load_avg: Math.round(loadavg()[0]! * 100) / 100,
      case_list_counts_checked: countsChecked,
      case_list_cases: CASES,
      case_list_samples: times.length,
      case_list_database: `postgresql ${db.serverVersion}`,
      case_list_seed_s: Math.round(seedSeconds * 10) / 10,
    };
  } finally {
    await server?.stop();
    await db.drop();
  }
}

async function main() {
  const figures: Flat = { backoffice_measured_at: new Date().toISOString() };
  // BENCH_ONLY=case_list measures the case list alone (the relay figure is unchanged by it).
  if (process.env.BENCH_ONLY !== "case_list") {
    Object.assign(figures, await relayThroughput());
    console.log(`relay: ${figures.relay_events} events to a local receiver at ${figures.relay_events_per_s} events/s (PGlite)`);
  }
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const reason = adminUrl ? await unavailableReason(adminUrl) : "BENCH_DATABASE_URL is not set";
  if (adminUrl && !reason) {
    Object.assign(figures, await caseListP95(adminUrl));
    console.log(`case list: ${figures.case_list_cases} cases, p50 ${figures.case_list_p50_ms} ms, p95 ${figures.case_list_p95_ms} ms over ${figures.case_list_samples} pages (${figures.case_list_database})`);
    console.log(`deep pages (cursor, from page 200) p50 ${figures.case_list_deep_p50_ms} ms; title search p50 ${figures.case_list_search_p50_ms} ms`);
    console.log(`floor (plain indexed SELECT … LIMIT 50, same run): p50 ${figures.case_list_floor_p50_ms} ms, p95 ${figures.case_list_floor_ms} ms; ${figures.case_list_counts_checked} totals checked against count(*); a staff page with no list (control): p50 ${figures.case_list_layout_control_p50_ms} ms, p95 ${figures.case_list_layout_control_p95_ms} ms; load ${figures.case_list_load_avg}`);
  } else {
    console.log(`case list not measured: ${reason}`);
  }
  mergeResults(RESULTS_FILE, figures);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
