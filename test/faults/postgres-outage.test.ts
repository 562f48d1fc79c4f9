// Fault: PostgreSQL stops for 30 seconds under form and chat load, behind two instances.
// - every request in the outage gets a page: a 503 "try again" page in the person's language
//   (English or Welsh), never a 500 or a dropped connection;
// - nothing is half-saved: every case has its customer and its acknowledgement, and a form
//   refused in the outage, sent again afterwards, makes exactly one case;
// - chat messages sent meanwhile are kept by the widget's own client (widget/app/client.ts: its
//   outbox, resent with the same clientId until acknowledged) and delivered once after;
// - everything recovers by itself: both instances healthy again, a new journey succeeds.
// Runs on its own throwaway PostgreSQL (test/faults/support.ts), never the shared one.
import { readFileSync } from "node:fs";
import pg from "pg";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/cluster";
import type { AdviserChatView } from "../../server/domain/chat/events";
import { AdviserChatClient, type AdviserSocket } from "../../app/chat-console/client";
import { CustomerChatClient } from "../../widget/app/client";
import { BrowserLikeClient } from "../support/browser-like-client";
import { ADVISER, adviserSocket, connected, next, ok, staffCookie } from "../integration/chat-helpers";
import { sleep, startFaultPostgres, waitFor, type FaultPostgres } from "./support";

const OUTAGE_MS = 30_000;
const FORM_WORKERS = 4;
const CHATS = 3;
const titles = {
  en: JSON.parse(readFileSync("locales/en/common.json", "utf8")).errors.unavailable.title as string,
  cy: JSON.parse(readFileSync("locales/cy/common.json", "utf8")).errors.unavailable.title as string,
};

let database: FaultPostgres;
let cluster: Cluster;
const sockets: { disconnect(): unknown }[] = [];

beforeAll(async () => {
  database = await startFaultPostgres();
  cluster = await startCluster({
    databaseUrl: database.url,
    instances: 2,
    env: { SEED_DEMO_DATA: "true", LOG_LEVEL: "error", CHAT_OFFICE_HOURS: "always", CHAT_DISCONNECT_GRACE_SECONDS: "120", CHAT_ANSWER_TIMEOUT_SECONDS: "600" },
  });
}, 300_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await cluster?.stop();
  database?.destroy();
});

type Lang = "en" | "cy";
type Journey = { lang: Lang; email: string; client: BrowserLikeClient; key?: string; csrf?: string; final?: "saved" | "refused"; abandoned?: boolean };
const seen = { ok: 0, unavailable: 0 };
const problems: string[] = [];

/** Every answer is a page: fine, or a 503 in the person's language. Returns false for a 503. */
async function answered(res: Response, lang: Lang, step: string): Promise<boolean> {
  if (res.status < 500) {
    seen.ok++;
    return true;
  }
  const html = await res.text();
  if (res.status !== 503) problems.push(`${step}: ${res.status}`);
  else if (!html.includes(titles[lang])) problems.push(`${step}: 503 without the ${lang} page`);
  else if (!res.headers.get("retry-after")) problems.push(`${step}: 503 without Retry-After`);
  seen.unavailable++;
  return false;
}

let n = 0;
async function journey(lang: Lang): Promise<Journey> {
  const id = `${Date.now().toString(36)}${(n++).toString(36)}`;
  const email = `outage-${id}@example.com`;
  const j: Journey = { lang, email, client: new BrowserLikeClient(cluster.url) };
  const prefix = lang === "cy" ? "/cy" : "";
  const steps: [string, () => Promise<Response>][] = [
    ["contact", () => j.client.get(`${prefix}/contact`)],
    ["question", () => j.client.post(`${prefix}/contact`, { question: `Outage question ${id}` })],
    ["details page", () => j.client.get(`${prefix}/contact/details`)],
    ["details", () => j.client.post(`${prefix}/contact/details`, { name: `Person ${id}`, email })],
    ["check page", () => j.client.get(`${prefix}/contact/check`)],
  ];
  try {
    for (const [step, run] of steps) {
      if (!(await answered(await run(), lang, step))) return { ...j, abandoned: true };
    }
    j.key = /name="idempotencyKey" value="([^"]+)"/.exec(j.client.lastHtml)?.[1];
    if (!j.key) return { ...j, abandoned: true };
    // What the browser's form holds: sent again as it is after a "try again" page.
    j.csrf = j.client.csrfToken();
    const res = await j.client.post(`${prefix}/contact/check`, { idempotencyKey: j.key }, { csrf: j.csrf });
    j.final = (await answered(res, lang, "submit")) ? "saved" : "refused";
  } catch (error) {
    problems.push(`connection failed: ${(error as Error).message}`);
    j.abandoned = true;
  }
  return j;
}

describe("PostgreSQL stops for 30 seconds under load", () => {
  it("answers 503 in the person's language, saves nothing by halves, keeps chat messages and recovers by itself", async () => {
    // Chats under way before the outage: one adviser, CHATS customers, each assigned.
    const cookie = await staffCookie(cluster.url, ...ADVISER);
    const adviser = adviserSocket(cluster.url, cookie);
    sockets.push(adviser);
    await connected(adviser);
    await ok(adviser, "adviser:availability", { available: true });
    // The console's own client: it catches up by itself on what live events missed.
    const console_ = new AdviserChatClient(adviser as unknown as AdviserSocket);
    sockets.push(console_);
    const received = () => new Map(console_.state.chats.flatMap((c) => c.messages.filter((m) => m.author === "customer").map((m) => [m.id, m] as const)));
    const chats: CustomerChatClient[] = [];
    for (let i = 0; i < CHATS; i++) {
      // One browser each (its own storage, as the widget's localStorage).
      const items = new Map<string, string>();
      const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
      const client = new CustomerChatClient(cluster.url, storage, { transports: ["websocket"], forceNew: true, extraHeaders: { origin: new URL(cluster.url).origin } });
      sockets.push(client.socket);
      await connected(client.socket);
      const assigned = next<AdviserChatView>(adviser, "chat:assigned");
      const res = await client.start({ lang: "en", topic: "data_protection", name: `Outage ${i}`, email: `chat-${i}@example.com`, transcriptConsent: false });
      if ("error" in res) throw new Error(`chat:start refused: ${res.error.code}`);
      await assigned;
      chats.push(client);
    }

    // Load: form journeys in both languages, and a chat message every 500 ms per chat through the
    // widget's client (kept and resent with the same clientId until acknowledged).
    let running = true;
    const journeys: Journey[] = [];
    const formLoad = Array.from({ length: FORM_WORKERS }, async (_, w) => {
      while (running) journeys.push(await journey(w % 2 ? "cy" : "en"));
    });
    let sent = 0;
    let heldInOutage = 0;
    const chatLoad = (async () => {
      while (running) {
        for (const chat of chats) {
          chat.send(`message ${sent}`);
          sent++;
        }
        heldInOutage = Math.max(heldInOutage, chats.reduce((n, c) => n + c.state.pending.length, 0));
        await sleep(500);
      }
    })();

    await sleep(5_000);
    database.stop();
    const stoppedAt = Date.now();
    // With JavaScript on, a navigation is a data request (`.data`): in the outage it is told to
    // load the page as a whole document (a single-fetch redirect with reload), which is the 503
    // "try again" page above, not React Router's generic error for a failed data request.
    await sleep(3_000);
    for (const path of ["/staff", "/cy/staff"]) {
      const res = await fetch(`${cluster.url}${path}.data`, { headers: { cookie } });
      const body = await res.text();
      expect(res.status, `${path}.data in the outage`).toBe(202);
      expect(body, `${path}.data in the outage`).toContain(path);
      expect(res.headers.get("x-remix-reload-document"), `${path}.data in the outage`).toBe("true");
    }
    await sleep(OUTAGE_MS - 3_000);
    database.start();
    const outage = Date.now() - stoppedAt;

    // Recovers by itself: both instances healthy, within a minute.
    await waitFor("both instances healthy", async () => {
      const states = await Promise.all(cluster.instances.map((i) => fetch(`${i.url}/healthz`).then((r) => r.status, () => 0)));
      return states.every((s) => s === 200);
    }, 60_000).catch(async (error: Error) => {
      const states = await Promise.all(cluster.instances.map(async (i) => `${i.name}: exit ${i.process.exitCode ?? i.process.signalCode}, healthz ${await fetch(`${i.url}/healthz`).then((r) => r.text(), (e: Error) => e.message)}\n${i.output().slice(-3000)}`));
      throw new Error(`${error.message}\n${states.join("\n")}`);
    });
    await sleep(3_000);
    running = false;
    await Promise.all([...formLoad, chatLoad]);

    // A form refused in the outage, sent again afterwards, is saved once.
    for (const j of journeys.filter((x) => x.final === "refused")) {
      // The person goes back from the "try again" page and presses Send again: the same form.
      const res = await j.client.post(`${j.lang === "cy" ? "/cy" : ""}/contact/check`, { idempotencyKey: j.key! }, { csrf: j.csrf! });
      expect(res.status, `resubmitting ${j.email}`).toBe(302);
    }
    // And a new journey in each language goes through.
    for (const lang of ["en", "cy"] as const) expect((await journey(lang)).final).toBe("saved");

    // Nothing half-saved.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows: perEmail } = await db.query<{ email: string; cases: number }>(
        `SELECT p."emailNormalised" AS email, count(DISTINCT cp."caseId")::int AS cases
           FROM "Party" p JOIN "CaseParty" cp ON cp."partyId" = p.id AND cp.role = 'customer'
          WHERE p."emailNormalised" LIKE 'outage-%' GROUP BY 1`,
      );
      const cases = new Map(perEmail.map((r) => [r.email, r.cases]));
      for (const j of journeys) {
        if (j.final) expect(cases.get(j.email), j.email).toBe(1);
        else expect(cases.get(j.email) ?? 0, j.email).toBe(0);
      }
      // Every case has its customer; every case made by this test has its acknowledgement (demo cases have none).
      const { rows: orphans } = await db.query(
        `SELECT c.reference FROM "Case" c
          WHERE NOT EXISTS (SELECT 1 FROM "CaseParty" cp WHERE cp."caseId" = c.id AND cp.role = 'customer')
             OR (NOT EXISTS (SELECT 1 FROM "EmailMessage" e WHERE e."caseId" = c.id)
                 AND EXISTS (SELECT 1 FROM "CaseParty" cp JOIN "Party" p ON p.id = cp."partyId" WHERE cp."caseId" = c.id AND p."emailNormalised" LIKE 'outage-%'))`,
      );
      expect(orphans).toEqual([]);
    } finally {
      await db.end();
    }

    console.log(
      `outage ${Math.round(outage / 1000)} s: ${journeys.length} journeys (${journeys.filter((j) => j.final === "saved").length} saved, ` +
        `${journeys.filter((j) => j.final === "refused").length} refused then saved on retry, ${journeys.filter((j) => j.abandoned).length} stopped by a 503), ` +
        `${seen.ok} pages, ${seen.unavailable} 503 pages`,
    );
    if (problems.length) {
      // What the instances said about the failures, to tell which layer answered 500.
      const errors = cluster.instances.flatMap((i) => i.output().split("\n").filter((line) => line.includes('"level":50')).slice(-3));
      console.log(`instance errors:\n${errors.map((l) => l.slice(0, 1500)).join("\n")}`);
    }
    expect([...new Set(problems)]).toEqual([]);
    expect(seen.unavailable).toBeGreaterThan(0);

    // Every chat message sent in the outage was kept by the widget and is delivered after it, once,
    // without anything prompting it (the client retries by itself).
    expect(heldInOutage).toBeGreaterThan(0);
    await waitFor("every chat message acknowledged", () => chats.every((c) => c.state.pending.length === 0), 60_000, 500);
    const ackedIds = chats.flatMap((c) => c.state.messages.filter((m) => m.author === "customer" && m.kind === "text").map((m) => m.id));
    expect(ackedIds).toHaveLength(sent);
    expect(new Set(ackedIds).size).toBe(sent);
    await waitFor("the adviser has every message", () => ackedIds.every((id) => received().has(id)), 45_000);
    // Each once in the console, by id and by client id.
    for (const chat of console_.state.chats) {
      const ids = chat.messages.filter((m) => m.kind === "text").map((m) => m.clientId);
      expect(new Set(ids).size).toBe(ids.length);
    }

    console.log(`outage: ${sent} chat messages sent during the load (up to ${heldInOutage} kept by the clients at once), each delivered once`);
  });
});
