// `npx tsx bench/adjustments.ts`: how long the adjustments journey and staff pages take on the
// production build, on loopback only. Sequential (one person at a time), bounded to about 90 s,
// and merged into bench/results.json under adjustments_* keys.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BrowserLikeClient } from "../test/support/browser-like-client";
import { startTestServer, type TestServer } from "../test/support/server";
import { mergeResults, table, type Flat, type Row } from "./lib/results";

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
const BUDGET_MS = 90_000;
const JOURNEYS = 20;
const PAGE_SAMPLES = 30;
const began = Date.now();
// The budget counts from when the server answers (starting it has its own 60 s limit).
let measuring = Date.now();
const left = () => BUDGET_MS - (Date.now() - measuring);

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}, expected ${status}`);
}

/** One request through every page, as a browser without JavaScript; the submit is timed separately. */
async function journey(url: string, i: number): Promise<{ reference: string; total: number; submit: number }> {
  const client = new BrowserLikeClient(url);
  const start = performance.now();
  const steps: [string, Record<string, string>][] = [
    ["/adjustments/needs", { needs: "large_print", other: "" }],
    ["/adjustments/more", { size: "18" }],
    ["/adjustments/duration", { duration: "ongoing" }],
    ["/adjustments/case", { caseReference: "" }],
    ["/adjustments/about-you", { difficulty: "Reading small print", consent: "yes" }],
    ["/adjustments/contact", { name: `Bench Person ${i}`, email: `bench-${i}-${began}@example.com`, phone: "" }],
    ["/adjustments/reply", { replyBy: "email", address: "" }],
  ];
  for (const [page, fields] of steps) {
    expectStatus(await client.get(page), 200, `GET ${page}`);
    expectStatus(await client.post(page, fields), 302, `POST ${page}`);
  }
  expectStatus(await client.get("/adjustments/check"), 200, "GET /adjustments/check");
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  const [sent, submit] = await timed(() => client.post("/adjustments/check", { idempotencyKey: key }));
  expectStatus(sent, 302, "POST /adjustments/check");
  const confirmation = await (await client.get("/adjustments/confirmation")).text();
  const reference = /data-testid="reference">(ADJ\d{7})</.exec(confirmation)![1]!;
  return { reference, total: performance.now() - start, submit };
}

async function main() {
  let server: TestServer | undefined;
  try {
    server = await startTestServer({ LOG_LEVEL: "error" });
    measuring = Date.now();
    const url = server.url;
    const totals: number[] = [];
    const submits: number[] = [];
    const references: string[] = [];
    for (let i = 0; i < JOURNEYS && left() > 45_000; i++) {
      const result = await journey(url, i);
      totals.push(result.total);
      submits.push(result.submit);
      references.push(result.reference);
    }

    const manager = new BrowserLikeClient(url);
    await manager.get("/staff/sign-in");
    expectStatus(await manager.post("/staff/sign-in", { email: "manager@doorstep.example", password: "demo-manager-2026" }), 302, "sign-in");

    const decides: number[] = [];
    for (const reference of references.filter((_, i) => i % 2 === 0)) {
      if (left() < 25_000) break;
      await manager.get(`/staff/adjustments/${reference}/decide`);
      const [res, ms] = await timed(() => manager.post(`/staff/adjustments/${reference}/decide`, { outcome: "agree_all" }));
      expectStatus(res, 302, "POST decide");
      decides.push(ms);
    }

    const sample = async (page: string) => {
      const times: number[] = [];
      for (let i = 0; i < PAGE_SAMPLES && left() > 5_000; i++) {
        const [res, ms] = await timed(() => manager.get(page));
        expectStatus(res, 200, `GET ${page}`);
        await res.arrayBuffer();
        times.push(ms);
      }
      return times;
    };
    const register = await sample("/staff/adjustments");
    const detail = await sample(`/staff/adjustments/${references[0]}`);

    const figures: Flat = {
      adjustments_measured_at: new Date().toISOString(),
      adjustments_journeys: totals.length,
      adjustments_journey_p50_ms: percentile(totals, 50),
      adjustments_journey_p95_ms: percentile(totals, 95),
      adjustments_submit_p50_ms: percentile(submits, 50),
      adjustments_submit_p95_ms: percentile(submits, 95),
      adjustments_decide_p50_ms: percentile(decides, 50),
      adjustments_decide_p95_ms: percentile(decides, 95),
      adjustments_register_p50_ms: percentile(register, 50),
      adjustments_register_p95_ms: percentile(register, 95),
      adjustments_detail_p50_ms: percentile(detail, 50),
      adjustments_detail_p95_ms: percentile(detail, 95),
    };
    if (totals.length === 0) throw new Error("no request completed within the budget; nothing written");
    mergeResults(RESULTS_FILE, figures);
    const rows: Row[] = [
      { label: "Whole request, 17 HTTP round trips (p50)", key: "journey_p50_ms", unit: "ms" },
      { label: "Whole request (p95)", key: "journey_p95_ms", unit: "ms" },
      { label: "Send request: one transaction + email row (p50)", key: "submit_p50_ms", unit: "ms" },
      { label: "Send request (p95)", key: "submit_p95_ms", unit: "ms" },
      { label: "Agree: flag, emails, outbox (p50)", key: "decide_p50_ms", unit: "ms" },
      { label: "Agree (p95)", key: "decide_p95_ms", unit: "ms" },
      { label: "Register page (p50)", key: "register_p50_ms", unit: "ms" },
      { label: "Register page (p95)", key: "register_p95_ms", unit: "ms" },
      { label: "Request page with audited sensitive text (p50)", key: "detail_p50_ms", unit: "ms" },
      { label: "Request page (p95)", key: "detail_p95_ms", unit: "ms" },
    ];
    console.log(`${totals.length} requests, ${decides.length} decisions, ${register.length}+${detail.length} page samples in ${Math.round((Date.now() - began) / 1000)} s\n`);
    console.log(table(rows, figures, [["PGlite", "adjustments_"]]));
  } finally {
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
