// `npm run bench`: response times, throughput and page weight of the production build.
// See bench/README.md for what is measured, the keys written to bench/results.json and the goals.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "../test/support/server";
import { measurePage, type PageWeight } from "./lib/assets";
import { prepareContactForm } from "./lib/contact";
import { paced, saturate, stopAllLoad, type LoadResult, type Target } from "./lib/load";
import { createBenchDatabase, unavailableReason, type BenchDatabase } from "./lib/postgres";
import { mergeResults, table, type Flat, type Row } from "./lib/results";

const began = Date.now();
const BUDGET_MS = 120_000;
const RATE = 100;
const SATURATION_CONNECTIONS = 10;
const DURATION_S = Math.min(10, Math.max(1, Math.round(Number(process.env.BENCH_DURATION ?? 10)) || 10));
const WARMUP_S = 1.5;
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
const GOALS = { pageP95Ms: 50, pageJsGzBytes: 122_880 };
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/xhtml+xml" };

class ServerStartError extends Error {}

// ---- cleanup, whatever happens -------------------------------------------------------------

const servers = new Set<TestServer>();
const databases = new Set<BenchDatabase>();

async function stopServer(server: TestServer) {
  servers.delete(server);
  const pid = server.process.pid;
  // The server gives itself 10 s to stop; never wait for ever.
  const kill = setTimeout(() => {
    if (server.process.exitCode === null && pid) process.kill(pid, "SIGKILL");
  }, 12_000);
  try {
    await server.stop();
  } finally {
    clearTimeout(kill);
  }
}

/**
 * startTestServer leaves its `node server.js` running when it gives up waiting for it,
 * and we never get the handle: find our own such children by parent pid and stop them.
 */
function stopOrphanedServers() {
  const ps = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  for (const line of (ps.stdout ?? "").split("\n")) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (match && /\bserver\.js\b/.test(match[2]!)) {
      try {
        process.kill(Number(match[1]), "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

async function cleanup() {
  stopAllLoad();
  for (const server of [...servers]) await stopServer(server).catch((error) => console.error(`stopping the server: ${error}`));
  stopOrphanedServers();
  for (const db of [...databases]) {
    databases.delete(db);
    await db.drop().catch((error) => console.error(`dropping database ${db.name}: ${(error as Error).message}`));
  }
}

let exiting = false;
async function abort(reason: string, code: number) {
  if (exiting) return;
  exiting = true;
  console.error(`\n${reason}; stopping.`);
  await cleanup();
  process.exit(code);
}
process.once("SIGINT", () => void abort("Interrupted", 130));
process.once("SIGTERM", () => void abort("Terminated", 143));
const watchdog = setTimeout(() => void abort(`The benchmark ran past its ${BUDGET_MS / 1000} s budget`, 1), BUDGET_MS - 2_000);

// ---- one database ----------------------------------------------------------------------------

const log = (message: string) => console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${message}`);

type Phase = { figures: Flat; startupMs: number; problems: string[] };

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

function describe(result: LoadResult): string {
  return `${result.ok + result.unexpected} answers, ${result.rps.toFixed(1)} req/s, p95 ${round(result.ttfb.p95)} ms, errors ${result.errors}, unexpected status ${result.unexpected}`;
}

async function startServer(label: string, env: Record<string, string>): Promise<{ server: TestServer; startupMs: number }> {
  log(`starting the production server (${label})…`);
  const t0 = Date.now();
  let server: TestServer;
  try {
    server = await startTestServer(env);
  } catch (error) {
    stopOrphanedServers();
    throw new ServerStartError(`The server could not start (${label}): ${(error as Error).message}`);
  }
  servers.add(server);
  const startupMs = Date.now() - t0;
  log(`server up at ${server.url} in ${(startupMs / 1000).toFixed(1)} s`);
  return { server, startupMs };
}

async function runPhase(label: string, env: Record<string, string>, withPageWeight: boolean): Promise<Phase> {
  const { server, startupMs } = await startServer(label, env);
  const problems: string[] = [];
  const figures: Flat = {};
  try {
    // Loopback by address: "localhost" may resolve to ::1 while the server listens on 127.0.0.1.
    const origin = new URL(server.url);
    origin.hostname = "127.0.0.1";
    const base = origin.origin;

    if (withPageWeight) {
      const home: PageWeight = await measurePage(base, "/");
      const contact: PageWeight = await measurePage(base, "/contact");
      figures.page_js_gz_bytes = home.jsGzBytes;
      figures.page_css_gz_bytes = home.cssGzBytes;
      figures.page_js_files = home.js.length;
      figures.page_html_gz_bytes = home.htmlGzBytes;
      figures.contact_page_js_gz_bytes = contact.jsGzBytes;
      for (const page of [home, contact]) {
        log(`${page.path}: ${page.js.length} JS files, ${page.jsGzBytes} B gzipped; CSS ${page.cssGzBytes} B gzipped; HTML ${page.htmlGzBytes} B gzipped`);
        for (const file of [...page.js].sort((a, b) => b.gzBytes - a.gzBytes)) {
          log(`    ${String(file.gzBytes).padStart(7)} B gz  ${String(file.bytes).padStart(7)} B  ${new URL(file.url).pathname}`);
        }
        if (page.unlisted.length > 0) problems.push(`${page.path} imports modules no <script>/<link rel=modulepreload> lists: ${page.unlisted.join(", ")}`);
      }
    }

    const home: Target = { url: `${base}/`, headers: BROWSER_HEADERS, expect: 2 };
    log(`GET / warm-up (${WARMUP_S} s)…`);
    await saturate(home, WARMUP_S, SATURATION_CONNECTIONS);
    log(`GET / at a fixed ${RATE} req/s for ${DURATION_S} s…`);
    const pageFixed = await paced(home, RATE, DURATION_S);
    log(`  ${describe(pageFixed)}`);
    log(`GET / at saturation (${SATURATION_CONNECTIONS} connections, ${DURATION_S} s)…`);
    const pageSaturated = await saturate(home, DURATION_S, SATURATION_CONNECTIONS);
    log(`  ${describe(pageSaturated)}`);
    Object.assign(figures, {
      page_ttfb_p50_ms: round(pageFixed.ttfb.p50),
      page_ttfb_p95_ms: round(pageFixed.ttfb.p95),
      page_ttfb_p99_ms: round(pageFixed.ttfb.p99),
      page_total_p95_ms: round(pageFixed.total.p95),
      page_rps_fixed: round(pageFixed.rps),
      page_errors_fixed: pageFixed.errors,
      page_non2xx_fixed: pageFixed.unexpected,
      page_rps_saturation: round(pageSaturated.rps),
      page_p95_ms_saturation: round(pageSaturated.ttfb.p95),
      page_errors_saturation: pageSaturated.errors,
      page_non2xx_saturation: pageSaturated.unexpected,
    });

    let contactErrors = 0;
    try {
      const form = await prepareContactForm(base);
      const post: Target = {
        url: form.url,
        method: "POST",
        headers: { ...BROWSER_HEADERS, "content-type": "application/x-www-form-urlencoded", cookie: form.cookie, origin: base },
        body: form.body,
        expect: 3,
      };
      log(`POST /contact warm-up (${WARMUP_S} s)…`);
      await saturate(post, WARMUP_S, SATURATION_CONNECTIONS);
      log(`POST /contact at a fixed ${RATE} req/s for ${DURATION_S} s…`);
      const postFixed = await paced(post, RATE, DURATION_S);
      log(`  ${describe(postFixed)}`);
      log(`POST /contact at saturation (${SATURATION_CONNECTIONS} connections, ${DURATION_S} s)…`);
      const postSaturated = await saturate(post, DURATION_S, SATURATION_CONNECTIONS);
      log(`  ${describe(postSaturated)}`);
      for (const [name, result] of [["fixed", postFixed], ["saturation", postSaturated]] as const) {
        const other = Object.entries(result.statusCodes).filter(([code]) => !code.startsWith("3"));
        if (other.length > 0) problems.push(`POST /contact (${name}) answered ${other.map(([code, n]) => `${n}× ${code}`).join(", ")}`);
      }
      Object.assign(figures, {
        contact_post_p50_ms: round(postFixed.total.p50),
        contact_post_p95_ms: round(postFixed.total.p95),
        contact_post_p99_ms: round(postFixed.total.p99),
        contact_post_rps_fixed: round(postFixed.rps),
        contact_post_errors_fixed: postFixed.errors,
        contact_post_non3xx_fixed: postFixed.unexpected,
        contact_post_rps_saturation: round(postSaturated.rps),
        contact_post_p95_ms_saturation: round(postSaturated.total.p95),
        contact_post_errors_saturation: postSaturated.errors,
        contact_post_non3xx_saturation: postSaturated.unexpected,
      });
    } catch (error) {
      problems.push(`the contact form could not be measured: ${(error as Error).message}`);
      contactErrors = 1;
      for (const key of CONTACT_KEYS) figures[key] = null;
    }

    for (const [name, result] of [["fixed", pageFixed], ["saturation", pageSaturated]] as const) {
      const other = Object.entries(result.statusCodes).filter(([code]) => !code.startsWith("2"));
      if (other.length > 0) problems.push(`GET / (${name}) answered ${other.map(([code, n]) => `${n}× ${code}`).join(", ")}`);
    }
    figures.errors_total =
      contactErrors +
      ERROR_KEYS.reduce((sum, key) => sum + (typeof figures[key] === "number" ? (figures[key] as number) : 0), 0);
    return { figures, startupMs, problems };
  } finally {
    log("stopping the server…");
    await stopServer(server);
  }
}

const CONTACT_KEYS = [
  "contact_post_p50_ms",
  "contact_post_p95_ms",
  "contact_post_p99_ms",
  "contact_post_rps_fixed",
  "contact_post_errors_fixed",
  "contact_post_non3xx_fixed",
  "contact_post_rps_saturation",
  "contact_post_p95_ms_saturation",
  "contact_post_errors_saturation",
  "contact_post_non3xx_saturation",
];
const ERROR_KEYS = [
  "page_errors_fixed",
  "page_non2xx_fixed",
  "page_errors_saturation",
  "page_non2xx_saturation",
  "contact_post_errors_fixed",
  "contact_post_non3xx_fixed",
  "contact_post_errors_saturation",
  "contact_post_non3xx_saturation",
];
const LOAD_KEYS = [
  "page_ttfb_p50_ms",
  "page_ttfb_p95_ms",
  "page_ttfb_p99_ms",
  "page_total_p95_ms",
  "page_rps_fixed",
  "page_errors_fixed",
  "page_non2xx_fixed",
  "page_rps_saturation",
  "page_p95_ms_saturation",
  "page_errors_saturation",
  "page_non2xx_saturation",
  ...CONTACT_KEYS,
  "errors_total",
];

const ROWS: Row[] = [
  { label: `Home TTFB p50 @ ${RATE} req/s`, key: "page_ttfb_p50_ms", unit: "ms" },
  { label: `Home TTFB p95 @ ${RATE} req/s`, key: "page_ttfb_p95_ms", unit: "ms", max: GOALS.pageP95Ms },
  { label: `Home TTFB p99 @ ${RATE} req/s`, key: "page_ttfb_p99_ms", unit: "ms" },
  { label: `Home full response p95 @ ${RATE} req/s`, key: "page_total_p95_ms", unit: "ms" },
  { label: `Home achieved rate (offered ${RATE})`, key: "page_rps_fixed", unit: "rps" },
  { label: `Home errors / non-2xx @ ${RATE} req/s`, key: "page_errors_fixed", unit: "count" },
  { label: "", key: "page_non2xx_fixed", unit: "count" },
  { label: "Home throughput at saturation", key: "page_rps_saturation", unit: "rps" },
  { label: "Home TTFB p95 at saturation", key: "page_p95_ms_saturation", unit: "ms" },
  { label: "Home errors / non-2xx at saturation", key: "page_errors_saturation", unit: "count" },
  { label: "", key: "page_non2xx_saturation", unit: "count" },
  { label: `Contact POST p50 @ ${RATE} req/s`, key: "contact_post_p50_ms", unit: "ms" },
  { label: `Contact POST p95 @ ${RATE} req/s`, key: "contact_post_p95_ms", unit: "ms" },
  { label: `Contact POST p99 @ ${RATE} req/s`, key: "contact_post_p99_ms", unit: "ms" },
  { label: `Contact POST achieved rate (offered ${RATE})`, key: "contact_post_rps_fixed", unit: "rps" },
  { label: `Contact POST errors / non-3xx @ ${RATE}`, key: "contact_post_errors_fixed", unit: "count" },
  { label: "", key: "contact_post_non3xx_fixed", unit: "count" },
  { label: "Contact POST throughput at saturation", key: "contact_post_rps_saturation", unit: "rps" },
  { label: "Contact POST p95 at saturation", key: "contact_post_p95_ms_saturation", unit: "ms" },
  { label: "Contact POST errors / non-3xx at sat.", key: "contact_post_errors_saturation", unit: "count" },
  { label: "", key: "contact_post_non3xx_saturation", unit: "count" },
  { label: "Errors, all runs", key: "errors_total", unit: "count" },
];
const WEIGHT_ROWS: Row[] = [
  { label: "Home page JavaScript, gzipped", key: "page_js_gz_bytes", unit: "bytes", max: GOALS.pageJsGzBytes },
  { label: "Home page JavaScript files", key: "page_js_files", unit: "count" },
  { label: "Home page CSS, gzipped", key: "page_css_gz_bytes", unit: "bytes" },
  { label: "Home page HTML, gzipped", key: "page_html_gz_bytes", unit: "bytes" },
  { label: "/contact JavaScript, gzipped", key: "contact_page_js_gz_bytes", unit: "bytes", max: GOALS.pageJsGzBytes },
];

// ---- main ------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let exitCode = 0;
  const problems: string[] = [];
  const notes: string[] = [];
  const update: Flat = {
    measured_at: new Date().toISOString(),
    node_version: process.version,
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model.trim() ?? null,
    database: "pglite",
    bench_duration_s: DURATION_S,
    bench_rate_rps: RATE,
  };
  const remove: string[] = [];
  console.log(`Doorstep benchmark: ${DURATION_S} s per run, ${os.cpus().length} CPUs, Node ${process.version}; load generator and server share this machine.\n`);

  const embedded = await runPhase("embedded PGlite", {}, true);
  Object.assign(update, embedded.figures);
  problems.push(...embedded.problems);

  const adminUrl = process.env.BENCH_DATABASE_URL;
  let postgresRan = false;
  if (adminUrl) {
    const needed = embedded.startupMs + (4 * DURATION_S + 2 * WARMUP_S + 6) * 1000;
    const left = BUDGET_MS - (Date.now() - began) - 5_000;
    const reason = left < needed ? `not enough of the ${BUDGET_MS / 1000} s budget left (${Math.round(left / 1000)} s, need ~${Math.round(needed / 1000)} s)` : await unavailableReason(adminUrl);
    if (reason) {
      notes.push(`PostgreSQL skipped: ${reason}.`);
    } else {
      const db = await createBenchDatabase(adminUrl);
      databases.add(db);
      log(`created database ${db.name} (PostgreSQL ${db.serverVersion})`);
      try {
        const phase = await runPhase(`PostgreSQL ${db.serverVersion}`, { DATABASE_URL: db.url, SESSION_SECRET: randomBytes(32).toString("hex") }, false);
        for (const [key, value] of Object.entries(phase.figures)) update[`postgres_${key}`] = value;
        update.postgres_server_version = db.serverVersion;
        problems.push(...phase.problems.map((problem) => `PostgreSQL: ${problem}`));
        postgresRan = true;
      } catch (error) {
        if (!(error instanceof ServerStartError)) throw error;
        // Keep the PGlite figures, but a server that cannot start is a failure.
        console.error(error.message);
        notes.push("PostgreSQL skipped: the server could not start on it.");
        exitCode = 1;
      } finally {
        databases.delete(db);
        await db.drop();
        log(`dropped database ${db.name}`);
      }
    }
  } else {
    notes.push("PostgreSQL not measured: set BENCH_DATABASE_URL (e.g. postgresql://doorstep:doorstep@127.0.0.1:54329/postgres) to include it.");
  }
  if (postgresRan) remove.push("postgres_skipped");
  else {
    // Figures from an earlier PostgreSQL run would no longer match this build.
    remove.push(...LOAD_KEYS.map((key) => `postgres_${key}`), "postgres_server_version");
    update.postgres_skipped = notes.find((note) => note.startsWith("PostgreSQL")) ?? "not measured";
  }

  const merged = mergeResults(RESULTS_FILE, update, remove);
  const columns: [string, string][] = postgresRan ? [["PGlite", ""], ["PostgreSQL", "postgres_"]] : [["PGlite", ""]];
  console.log(`\n${table(ROWS, merged, columns)}\n\n${table(WEIGHT_ROWS, merged, [["Build", ""]])}\n`);
  console.log(`Written to ${path.relative(process.cwd(), RESULTS_FILE)}. Total time ${((Date.now() - began) / 1000).toFixed(1)} s.`);
  for (const note of notes) console.log(`Note: ${note}`);
  for (const problem of problems) console.log(`Problem: ${problem}`);
  if (problems.some((problem) => problem.includes("could not be measured"))) exitCode = 1;
  return exitCode;
}

main()
  .then(async (code) => {
    clearTimeout(watchdog);
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    clearTimeout(watchdog);
    console.error(error instanceof ServerStartError ? error.message : error);
    await cleanup();
    process.exit(1);
  });
