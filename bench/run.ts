// `npm run bench`: response times, throughput and page weight of the production build.
// See bench/README.md for what is measured, the keys written to bench/results.json and the goals.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

// The budget counts from the process start, tsx's compile time included.
const began = Date.now() - Math.round(process.uptime() * 1000);
const BUDGET_MS = 300_000;
const RATE = 100;
const SATURATION_CONNECTIONS = 10;
const DURATION_S = Math.min(10, Math.max(1, Math.round(Number(process.env.BENCH_DURATION ?? 10)) || 10));
const WARMUP_S = 1.5;
/** Each public page's runs are shorter: there are four pages and the floor to measure. */
const PAGE_S = Math.min(DURATION_S, 5);
/**
 * The public pages judged against the floor (docs/decisions/0015-page-cost.md): each must serve at
 * least half the requests per second of /healthz on the same server in the same run.
 */
const PUBLIC_PAGES = [
  ["home", "/"],
  ["concerns_question", "/concerns/q/topic"],
  ["nuisance_start", "/report-nuisance"],
  ["accessibility", "/accessibility"],
] as const;
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
  return (
    `${result.ok + result.unexpected} answers, ${result.rps.toFixed(1)} req/s, ` +
    `p95 ${round(result.ttfb.p95)} ms to first byte / ${round(result.total.p95)} ms to last, ` +
    `errors ${result.errors}, unexpected status ${result.unexpected}`
  );
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

/** CPU time the server process has used, in ms (Linux /proc only; null elsewhere). */
const CLOCK_TICKS = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(out.stdout?.trim()) || 100;
})();
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Time left before the budget, keeping back what stopping the server and reporting need. */
const RESERVE_MS = 10_000;
const remainingMs = () => BUDGET_MS - RESERVE_MS - (Date.now() - began);

function statusProblems(what: string, result: LoadResult, expect: "2" | "3"): string[] {
  const other = Object.entries(result.statusCodes).filter(([code]) => !code.startsWith(expect));
  return other.length > 0 ? [`${what} answered ${other.map(([code, n]) => `${n}× ${code}`).join(", ")}`] : [];
}

/** The four load runs' figures, under `prefix` ("page" or "contact_post"); null for a run that did not happen. */
function loadFigures(prefix: "page" | "contact_post", fixed: LoadResult | undefined, saturated: LoadResult | undefined): Flat {
  // Pages are judged on time to first byte; a redirect's body is empty, so the whole answer counts.
  const pick = (result: LoadResult) => (prefix === "page" ? result.ttfb : result.total);
  const bad = prefix === "page" ? "non2xx" : "non3xx";
  const latencyKeys =
    prefix === "page"
      ? { p50: "page_ttfb_p50_ms", p95: "page_ttfb_p95_ms", p99: "page_ttfb_p99_ms" }
      : { p50: "contact_post_p50_ms", p95: "contact_post_p95_ms", p99: "contact_post_p99_ms" };
  const figures: Flat = {
    [latencyKeys.p50]: fixed ? round(pick(fixed).p50) : null,
    [latencyKeys.p95]: fixed ? round(pick(fixed).p95) : null,
    [latencyKeys.p99]: fixed ? round(pick(fixed).p99) : null,
    [`${prefix}_rps_fixed`]: fixed ? round(fixed.rps) : null,
    [`${prefix}_errors_fixed`]: fixed ? fixed.errors : null,
    [`${prefix}_${bad}_fixed`]: fixed ? fixed.unexpected : null,
    [`${prefix}_rps_saturation`]: saturated ? round(saturated.rps) : null,
    [`${prefix}_p95_ms_saturation`]: saturated ? round(pick(saturated).p95) : null,
    [`${prefix}_errors_saturation`]: saturated ? saturated.errors : null,
    [`${prefix}_${bad}_saturation`]: saturated ? saturated.unexpected : null,
  };
  if (prefix === "page") figures.page_total_p95_ms = fixed ? round(fixed.total.p95) : null;
  return figures;
}

async function runPhase(label: string, env: Record<string, string>, withPageWeight: boolean): Promise<Phase> {
  // TRUST_PROXY: the form posts come as many people, each with its own address (addressPerConnection).
  const { server, startupMs } = await startServer(label, { TRUST_PROXY: "true", ...env });
  const problems: string[] = [];
  const figures: Flat = {};
  let skipped = 0;

  /** Runs one load run if it fits in the time left; otherwise records it as skipped. */
  async function step(title: string, seconds: number, run: () => Promise<LoadResult>): Promise<LoadResult | undefined> {
    if (exiting) return undefined;
    // A paced run waits up to 2 s for stragglers; every run needs a moment to wind down.
    if (remainingMs() < (seconds + 3) * 1000) {
      skipped++;
      log(`${title}: skipped, the ${BUDGET_MS / 1000} s budget is nearly spent`);
      return undefined;
    }
    log(`${title}…`);
    const cpuBefore = cpuMs(server.process.pid);
    const result = await run();
    const cpuAfter = cpuMs(server.process.pid);
    const answered = result.ok + result.unexpected;
    cpuPerRequest.set(result, cpuBefore !== null && cpuAfter !== null && answered > 0 ? (cpuAfter - cpuBefore) / answered : null);
    log(`  ${describe(result)}`);
    return result;
  }
  const cpuPerRequest = new Map<LoadResult, number | null>();
  const cpu = (result: LoadResult | undefined) => (result ? round(cpuPerRequest.get(result) ?? null, 2) : null);

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

    // The floor: the same Express stack answering its health check (one trivial query).
    const load1 = () => round(os.loadavg()[0]!, 2);
    const healthz: Target = { url: `${base}/healthz`, headers: BROWSER_HEADERS, expect: 2 };
    await step(`GET /healthz warm-up (${WARMUP_S} s)`, WARMUP_S, () => saturate(healthz, WARMUP_S, SATURATION_CONNECTIONS));
    figures.healthz_load_1m = load1();
    const floor = await step(`GET /healthz at saturation (${SATURATION_CONNECTIONS} connections, ${PAGE_S} s)`, PAGE_S, () =>
      saturate(healthz, PAGE_S, SATURATION_CONNECTIONS),
    );
    figures.healthz_rps_saturation = floor ? round(floor.rps) : null;
    figures.healthz_cpu_ms_per_req = cpu(floor);
    if (floor) problems.push(...statusProblems("GET /healthz (saturation)", floor, "2"));

    const saturations: number[] = [];
    const p95s: number[] = [];
    let pageErrorsFixed = 0;
    for (const [name, pagePath] of PUBLIC_PAGES) {
      const target: Target = { url: `${base}${pagePath}`, headers: BROWSER_HEADERS, expect: 2 };
      await step(`GET ${pagePath} warm-up (${WARMUP_S} s)`, WARMUP_S, () => saturate(target, WARMUP_S, SATURATION_CONNECTIONS));
      figures[`page_${name}_load_1m`] = load1();
      const fixed = await step(`GET ${pagePath} at a fixed ${RATE} req/s for ${PAGE_S} s`, PAGE_S, () => paced(target, RATE, PAGE_S));
      const saturated = await step(`GET ${pagePath} at saturation (${SATURATION_CONNECTIONS} connections, ${PAGE_S} s)`, PAGE_S, () =>
        saturate(target, PAGE_S, SATURATION_CONNECTIONS),
      );
      figures[`page_${name}_ttfb_p95_ms`] = fixed ? round(fixed.ttfb.p95) : null;
      figures[`page_${name}_errors_fixed`] = fixed ? fixed.errors + fixed.unexpected : null;
      figures[`page_${name}_rps_saturation`] = saturated ? round(saturated.rps) : null;
      figures[`page_${name}_cpu_ms_per_req`] = cpu(saturated);
      if (name === "home") Object.assign(figures, loadFigures("page", fixed, saturated));
      if (fixed) {
        p95s.push(fixed.ttfb.p95 ?? Number.POSITIVE_INFINITY);
        pageErrorsFixed += fixed.errors + fixed.unexpected;
        problems.push(...statusProblems(`GET ${pagePath} (fixed rate)`, fixed, "2"));
      }
      if (saturated) {
        saturations.push(saturated.rps);
        problems.push(...statusProblems(`GET ${pagePath} (saturation)`, saturated, "2"));
      }
    }
    // The issue's keys are the worst of the four pages.
    const allMeasured = saturations.length === PUBLIC_PAGES.length;
    figures.page_rps_saturation = allMeasured ? round(Math.min(...saturations)) : null;
    figures.page_ttfb_p95_ms = p95s.length === PUBLIC_PAGES.length ? round(Math.max(...p95s)) : null;
    figures.page_errors_fixed = p95s.length === PUBLIC_PAGES.length ? pageErrorsFixed : null;
    figures.page_to_floor_ratio =
      allMeasured && floor && floor.rps > 0 ? round(Math.min(...saturations) / floor.rps, 2) : null;
    figures.page_cpu_ms_per_req = figures.page_home_cpu_ms_per_req ?? null;

    // What a page costs when it cannot come from the page cache (a visitor with a session):
    // any cookie other than the CSRF and language ones keeps a request out of it.
    const uncached: Target = { url: `${base}/`, headers: { ...BROWSER_HEADERS, cookie: "bench=uncached" }, expect: 2 };
    await step(`GET / uncached warm-up (${WARMUP_S} s)`, WARMUP_S, () => saturate(uncached, WARMUP_S, SATURATION_CONNECTIONS));
    const uncachedSaturated = await step(`GET / uncached at saturation (${SATURATION_CONNECTIONS} connections, ${PAGE_S} s)`, PAGE_S, () =>
      saturate(uncached, PAGE_S, SATURATION_CONNECTIONS),
    );
    figures.page_uncached_rps_saturation = uncachedSaturated ? round(uncachedSaturated.rps) : null;
    figures.page_uncached_cpu_ms_per_req = cpu(uncachedSaturated);

    let contactErrors = 0;
    let postFixed: LoadResult | undefined;
    let postSaturated: LoadResult | undefined;
    try {
      const form = await prepareContactForm(base);
      const post: Target = {
        url: form.url,
        method: "POST",
        headers: { ...BROWSER_HEADERS, "content-type": "application/x-www-form-urlencoded", cookie: form.cookie, origin: base },
        body: form.body,
        expect: 3,
        addressPerConnection: true,
      };
      await step(`POST /contact warm-up (${WARMUP_S} s)`, WARMUP_S, () => saturate(post, WARMUP_S, SATURATION_CONNECTIONS));
      postFixed = await step(`POST /contact at a fixed ${RATE} req/s for ${DURATION_S} s`, DURATION_S, () => paced(post, RATE, DURATION_S));
      postSaturated = await step(`POST /contact at saturation (${SATURATION_CONNECTIONS} connections, ${DURATION_S} s)`, DURATION_S, () =>
        saturate(post, DURATION_S, SATURATION_CONNECTIONS),
      );
    } catch (error) {
      problems.push(`the contact form could not be measured: ${(error as Error).message}`);
      contactErrors = 1;
    }
    Object.assign(figures, loadFigures("contact_post", postFixed, postSaturated));
    figures.contact_post_cpu_ms_per_req = cpu(postSaturated);
    if (postFixed) problems.push(...statusProblems("POST /contact (fixed rate)", postFixed, "3"));
    if (postSaturated) problems.push(...statusProblems("POST /contact (saturation)", postSaturated, "3"));

    if (skipped > 0) problems.push(`${label}: ${skipped} run(s) skipped for lack of time; their figures are null`);
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
const PAGE_KEYS = [
  "healthz_rps_saturation",
  "healthz_cpu_ms_per_req",
  "healthz_load_1m",
  "page_to_floor_ratio",
  "page_uncached_rps_saturation",
  "page_uncached_cpu_ms_per_req",
  ...PUBLIC_PAGES.flatMap(([name]) => [
    `page_${name}_ttfb_p95_ms`,
    `page_${name}_errors_fixed`,
    `page_${name}_rps_saturation`,
    `page_${name}_cpu_ms_per_req`,
    `page_${name}_load_1m`,
  ]),
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
  "page_cpu_ms_per_req",
  ...CONTACT_KEYS,
  "contact_post_cpu_ms_per_req",
  "errors_total",
  ...PAGE_KEYS,
];

const ROWS: Row[] = [
  { label: "Floor: /healthz throughput at saturation", key: "healthz_rps_saturation", unit: "rps" },
  { label: "Floor: /healthz server CPU per request", key: "healthz_cpu_ms_per_req", unit: "ms" },
  { label: "Worst public page throughput at saturation", key: "page_rps_saturation", unit: "rps" },
  { label: "Worst public page ÷ floor", key: "page_to_floor_ratio", unit: "ratio", min: 0.5 },
  { label: `Worst public page TTFB p95 @ ${RATE} req/s`, key: "page_ttfb_p95_ms", unit: "ms", max: GOALS.pageP95Ms },
  { label: `Public page errors @ ${RATE} req/s (all four)`, key: "page_errors_fixed", unit: "count", max: 0 },
  ...PUBLIC_PAGES.flatMap(([name, pagePath]): Row[] => [
    { label: `${pagePath} throughput at saturation`, key: `page_${name}_rps_saturation`, unit: "rps" },
    { label: `${pagePath} TTFB p95 @ ${RATE} req/s`, key: `page_${name}_ttfb_p95_ms`, unit: "ms", max: GOALS.pageP95Ms },
    { label: `${pagePath} server CPU per request`, key: `page_${name}_cpu_ms_per_req`, unit: "ms" },
  ]),
  { label: "Home without the page cache, throughput", key: "page_uncached_rps_saturation", unit: "rps" },
  { label: "Home without the page cache, CPU per request", key: "page_uncached_cpu_ms_per_req", unit: "ms" },
  { label: `Home TTFB p50 @ ${RATE} req/s`, key: "page_ttfb_p50_ms", unit: "ms" },
  { label: `Home TTFB p99 @ ${RATE} req/s`, key: "page_ttfb_p99_ms", unit: "ms" },
  { label: `Home full response p95 @ ${RATE} req/s`, key: "page_total_p95_ms", unit: "ms" },
  { label: `Contact POST p50 @ ${RATE} req/s`, key: "contact_post_p50_ms", unit: "ms" },
  { label: `Contact POST p95 @ ${RATE} req/s`, key: "contact_post_p95_ms", unit: "ms" },
  { label: `Contact POST p99 @ ${RATE} req/s`, key: "contact_post_p99_ms", unit: "ms" },
  { label: `Contact POST achieved rate (offered ${RATE})`, key: "contact_post_rps_fixed", unit: "rps" },
  { label: `Contact POST errors / non-3xx @ ${RATE}`, key: "contact_post_errors_fixed", unit: "count" },
  { label: "", key: "contact_post_non3xx_fixed", unit: "count" },
  { label: "Contact POST throughput at saturation", key: "contact_post_rps_saturation", unit: "rps" },
  { label: "Contact POST p95 at saturation", key: "contact_post_p95_ms_saturation", unit: "ms" },
  { label: "Contact POST server CPU per request (sat.)", key: "contact_post_cpu_ms_per_req", unit: "ms" },
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
  console.log(`Doorstep benchmark: ${DURATION_S} s per run, ${os.cpus().length} CPUs, Node ${process.version}; load generator and server share this machine.`);
  const [load1] = os.loadavg();
  update.load_average_1m = round(load1!, 2);
  if (load1! > os.cpus().length * 0.5) {
    notes.push(`the machine was busy when the run began (1-minute load average ${load1!.toFixed(2)} on ${os.cpus().length} CPUs): these figures understate the app.`);
    console.log(`Warning: ${notes.at(-1)}`);
  }
  console.log("");

  const embedded = await runPhase("embedded PGlite", {}, true);
  Object.assign(update, embedded.figures);
  problems.push(...embedded.problems);

  const adminUrl = process.env.BENCH_DATABASE_URL;
  let postgresRan = false;
  if (adminUrl) {
    // Worth starting if at least the fixed-rate page run fits; runs that do not fit are skipped.
    const needed = Math.min(embedded.startupMs, 10_000) + (WARMUP_S + DURATION_S + 6) * 1000;
    const reason =
      remainingMs() < needed
        ? `not enough of the ${BUDGET_MS / 1000} s budget left (${Math.round(remainingMs() / 1000)} s, need ~${Math.round(needed / 1000)} s)`
        : await unavailableReason(adminUrl);
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

  // The watchdog is stopping everything: leave results.json as it was.
  if (exiting) await new Promise(() => undefined);
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
    if (exiting) return;
    clearTimeout(watchdog);
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    if (exiting) return;
    clearTimeout(watchdog);
    console.error(error instanceof ServerStartError ? error.message : error);
    await cleanup();
    process.exit(1);
  });
