// `npx tsx bench/concerns.ts`: the concerns assistant against the production build on loopback.
// Starts its own server (empty embedded database), measures, stops by itself (bounded), and
// merges its keys into bench/results.json:
//   concerns_question_page_p50_ms / _p95_ms   GET of a question page with a session
//   concerns_answer_post_p50_ms / _p95_ms     POST of an answer (validate, save the draft, redirect)
//   concerns_result_page_p95_ms               GET of the computed result page
//   concerns_letter_pdf_p50_ms / _p95_ms      the internal review letter as a PDF (both languages)
//   concerns_letter_pdf_bytes                 its size
//   concerns_upload_5mb_p50_ms                one 5 MB PDF uploaded (parse, sniff, store, row)
//   concerns_report_submit_p50_ms / _p95_ms   sending a completed report (one case, attachments, email row)
// Sequential requests (one person's experience, not throughput); every response is checked.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "../test/support/server";
import { BrowserLikeClient } from "../test/support/browser-like-client";
import { mergeResults } from "./lib/results";

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
const BUDGET_MS = 150_000;
const began = Date.now();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
const withinBudget = () => Date.now() - began < BUDGET_MS;

async function timed(fn: () => Promise<Response>, expectStatus: number): Promise<number> {
  const start = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  const ms = performance.now() - start;
  if (res.status !== expectStatus) throw new Error(`expected ${expectStatus}, got ${res.status}`);
  return ms;
}

function daysAgo(n: number) {
  const d = new Date(Date.now() - n * 86_400_000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}
const dateFields = (name: string, d: ReturnType<typeof daysAgo>) => ({ [`${name}-day`]: d.day, [`${name}-month`]: d.month, [`${name}-year`]: d.year });

async function post(client: BrowserLikeClient, url: string, fields: Record<string, string>) {
  await client.get(url);
  const res = await client.post(url, fields);
  if (res.status !== 302) throw new Error(`${url} answered ${res.status}`);
}

/** A SAR journey (5 weeks unanswered) and the report up to the upload page. */
async function reportReady(server: TestServer, organisation: string) {
  const client = new BrowserLikeClient(server.url);
  const q = (step: string, fields: Record<string, string>) => post(client, `/concerns/q/${step}`, fields);
  await q("topic", { topic: "personal" });
  await q("what-happened", { whatHappened: "sar" });
  await q("organisation", { organisation });
  await q("location", { location: "uk" });
  await q("sector", { sector: "health" });
  await q("raised-on", dateFields("raisedOn", daysAgo(35)));
  await q("extended", { extended: "no" });
  await q("last-contact", dateFields("lastContact", daysAgo(35)));
  const r = (step: string, fields: Record<string, string>) => post(client, `/concerns/report/${step}`, fields);
  await r("details", { description: "I asked for my records five weeks ago and have heard nothing." });
  await r("timeline", { intent: "continue" });
  await r("wanted", { wanted: "A copy of my records" });
  await r("representative", { representative: "no" });
  return client;
}

async function upload(server: TestServer, client: BrowserLikeClient, bytes: Uint8Array | null, intent: string) {
  await client.get("/concerns/report/files");
  const form = new FormData();
  form.append("csrf", client.csrfToken());
  form.append("intent", intent);
  if (bytes) form.append("files", new File([Buffer.from(bytes)], "request.pdf", { type: "application/pdf" }));
  return fetch(`${server.url}/concerns/report/files`, { method: "POST", body: form, redirect: "manual", headers: { cookie: client.cookieHeader() } });
}

async function main() {
  const server = await startTestServer({ LOG_LEVEL: "error" });
  const kill = setTimeout(() => {
    console.error("bench/concerns.ts ran out of time; stopping");
    void server.stop().finally(() => process.exit(1));
  }, BUDGET_MS + 60_000);
  try {
    const figures: Record<string, number> = {};
    // A journey to the FOI internal-review outcome, for pages, answers and the letter.
    const client = new BrowserLikeClient(server.url);
    await post(client, "/concerns/q/topic", { topic: "foi" });
    await post(client, "/concerns/q/organisation", { organisation: "Cyngor Sir Ynys Môn" });
    await post(client, "/concerns/q/sector", { sector: "local_government" });
    await post(client, "/concerns/q/raised-on", dateFields("raisedOn", daysAgo(40)));
    await post(client, "/concerns/q/replied", { replied: "yes" });
    await post(client, "/concerns/q/replied-on", dateFields("repliedOn", daysAgo(10)));
    await post(client, "/concerns/q/review-requested", { reviewRequested: "no" });
    const headers = () => ({ cookie: client.cookieHeader(), accept: "text/html" });

    for (let i = 0; i < 10; i++) await fetch(`${server.url}/concerns/q/sector`, { headers: headers() }).then((r) => r.arrayBuffer());
    const pages: number[] = [];
    for (let i = 0; i < 100 && withinBudget(); i++) pages.push(await timed(() => fetch(`${server.url}/concerns/q/sector`, { headers: headers() }), 200));
    figures.concerns_question_page_p50_ms = percentile(pages, 50);
    figures.concerns_question_page_p95_ms = percentile(pages, 95);

    const answers: number[] = [];
    for (let i = 0; i < 60 && withinBudget(); i++) {
      const token = client.csrfToken();
      answers.push(
        await timed(
          () => fetch(`${server.url}/concerns/q/sector`, { method: "POST", redirect: "manual", body: new URLSearchParams({ csrf: token, sector: i % 2 ? "local_government" : "london_borough" }), headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" } }),
          302,
        ),
      );
    }
    figures.concerns_answer_post_p50_ms = percentile(answers, 50);
    figures.concerns_answer_post_p95_ms = percentile(answers, 95);
    await post(client, "/concerns/q/sector", { sector: "local_government" });

    const results: number[] = [];
    for (let i = 0; i < 50 && withinBudget(); i++) results.push(await timed(() => fetch(`${server.url}/concerns/result`, { headers: headers() }), 200));
    figures.concerns_result_page_p95_ms = percentile(results, 95);

    const pdfs: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < 30 && withinBudget(); i++) {
      const start = performance.now();
      const res = await fetch(`${server.url}/concerns/letter/foi_internal_review/pdf?in=both`, { headers: headers() });
      const body = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200 || Buffer.from(body.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new Error("letter PDF failed");
      pdfs.push(performance.now() - start);
      pdfBytes = body.byteLength;
    }
    figures.concerns_letter_pdf_p50_ms = percentile(pdfs, 50);
    figures.concerns_letter_pdf_p95_ms = percentile(pdfs, 95);
    figures.concerns_letter_pdf_bytes = pdfBytes;

    // Reports: upload a 5 MB PDF, finish, send.
    const big = new Uint8Array(5 * 1024 * 1024);
    big.set(Buffer.from("%PDF-1.7\n"));
    const uploads: number[] = [];
    const submits: number[] = [];
    for (let i = 0; i < 8 && withinBudget(); i++) {
      const reporter = await reportReady(server, `Example Health Trust ${i}`);
      const start = performance.now();
      const res = await upload(server, reporter, big, "upload");
      await res.arrayBuffer();
      if (res.status !== 302) throw new Error(`upload answered ${res.status}`);
      uploads.push(performance.now() - start);
      const done = await upload(server, reporter, null, "continue");
      if (done.status !== 302) throw new Error(`continue answered ${done.status}`);
      await post(reporter, "/concerns/report/contact", { name: "Sam Jones", email: `bench${i}@example.com`, contactMethod: "email" });
      await post(reporter, "/concerns/report/language", { language: "en" });
      await post(reporter, "/concerns/report/adjustments", { adjustments: "no" });
      await reporter.get("/concerns/report/check");
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(reporter.lastHtml)![1]!;
      const token = reporter.csrfToken();
      submits.push(
        await timed(
          () => fetch(`${server.url}/concerns/report/check`, { method: "POST", redirect: "manual", body: new URLSearchParams({ csrf: token, idempotencyKey: key }), headers: { cookie: reporter.cookieHeader(), "content-type": "application/x-www-form-urlencoded" } }),
          302,
        ),
      );
    }
    figures.concerns_upload_5mb_p50_ms = percentile(uploads, 50);
    figures.concerns_report_submit_p50_ms = percentile(submits, 50);
    figures.concerns_report_submit_p95_ms = percentile(submits, 95);

    mergeResults(RESULTS_FILE, { ...figures, concerns_measured_at: new Date().toISOString() });
    for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(36)} ${value}`);
    console.log(`(${pages.length} page GETs, ${answers.length} answer POSTs, ${pdfs.length} PDFs, ${uploads.length} reports; ${Math.round((Date.now() - began) / 1000)} s)`);
  } finally {
    clearTimeout(kill);
    await server.stop();
  }
}

await main();
