// `npm run bench:chat`: the live chat under load with real socket.io clients on loopback against
// the production build. Sizes come from the environment so a shared machine can run it small:
//   BENCH_CHAT_CHATS (500) concurrent active chats, BENCH_CHAT_IDLE (10000) idle sockets,
//   BENCH_CHAT_SECONDS (15) of messages, BENCH_DATABASE_URL (PostgreSQL admin URL).
// PostgreSQL is used because 500 concurrent chats need more advisers than the demo data has:
// the benchmark adds advisers straight into its own throwaway database.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Socket } from "socket.io-client";
import type { AdviserChatView, ChatMessageView, CustomerConversationView } from "../server/domain/chat/events";
import { adviserSocket, call, connected, customerSocket, ok, sleep, staffCookie } from "../test/integration/chat-helpers";
import { startTestServer, type TestServer } from "../test/support/server";
import { createBenchDatabase, type BenchDatabase } from "./lib/postgres";
import { mergeResults, type Flat } from "./lib/results";

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
const CHATS = Number(process.env.BENCH_CHAT_CHATS ?? 500);
const IDLE = Number(process.env.BENCH_CHAT_IDLE ?? 10_000);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 15);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://doorstep:doorstep@127.0.0.1:54329/postgres";
const SEATS_PER_ADVISER = 50;

const pct = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

/** Runs `fn` over items with at most `limit` at once. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

function procStats(pid: number) {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
}

type Customer = { socket: Socket; view: CustomerConversationView; seen: Map<number, number>; sentIds: Set<string> };

async function main() {
  let server: TestServer | undefined;
  let db: BenchDatabase | undefined;
  const sockets: Socket[] = [];
  try {
    const loaderGz = gzipSync(readFileSync("build/client/widget.js"), { level: 9 }).length;
    const appGz = gzipSync(readFileSync("build/client/chat-app.js"), { level: 9 }).length + gzipSync(readFileSync("build/client/chat-app.css"), { level: 9 }).length;

    db = await createBenchDatabase(ADMIN_URL);
    server = await startTestServer({
      DATABASE_URL: db.url,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO_DATA: "true",
      LOG_LEVEL: "error",
      CHAT_OFFICE_HOURS: "always",
      CHAT_MAX_QUEUE: "100000",
      CHAT_EVENTS_PER_CONNECTION: "100000",
      CHAT_EVENTS_PER_IP: "10000000",
      CHAT_CONNECTIONS_PER_IP: "10000000",
      CHAT_ANSWER_TIMEOUT_SECONDS: "3600",
    });
    const url = server.url;

    // Enough advisers for every chat at once, with the demo adviser's password.
    const advisersNeeded = Math.ceil(CHATS / SEATS_PER_ADVISER);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `INSERT INTO "StaffUser" (id, email, name, "passwordHash", roles, "maxChats")
       SELECT gen_random_uuid(), 'bench-adviser-' || i || '@doorstep.example', 'Bench Adviser ' || i,
              (SELECT "passwordHash" FROM "StaffUser" WHERE email = 'adviser@doorstep.example'), ARRAY['adviser']::"StaffRole"[], $1
       FROM generate_series(1, $2::int) AS i`,
      [SEATS_PER_ADVISER, advisersNeeded],
    );
    await client.end();

    const advisers: Socket[] = [];
    for (let i = 1; i <= advisersNeeded; i++) {
      const cookie = await staffCookie(url, `bench-adviser-${i}@doorstep.example`, "demo-adviser-2026");
      const s = adviserSocket(url, cookie);
      sockets.push(s);
      await connected(s);
      await ok(s, "adviser:availability", { available: true });
      advisers.push(s);
    }
    // Advisers answer every customer message at once; the customer's send time travels in the text.
    const oneWay: number[] = [];
    const adviserOf = new Map<string, Socket>();
    let assigned = 0;
    let replyN = 0;
    for (const a of advisers) {
      a.on("chat:assigned", (c: AdviserChatView) => {
        adviserOf.set(c.conversationId, a);
        assigned++;
      });
      a.on("message:new", ({ conversationId, message }: { conversationId: string; message: ChatMessageView }) => {
        if (message.author !== "customer") return;
        const sentAt = Number(/^t=(\d+(?:\.\d+)?)/.exec(message.text)?.[1]);
        if (sentAt) oneWay.push(performance.timeOrigin + performance.now() - sentAt);
        void call(a, "message:send", { conversationId, clientId: `r-${replyN++}-${Date.now()}`, text: `t=${performance.timeOrigin + performance.now()}` });
      });
    }

    // 1. Start chats: time from "start chat" to the queued acknowledgement.
    const starts: number[] = [];
    const customers = await pool(Array.from({ length: CHATS }), 25, async (_x, i) => {
      const socket = customerSocket(url);
      sockets.push(socket);
      await connected(socket);
      const t0 = performance.now();
      const view = await ok<CustomerConversationView>(socket, "chat:start", { lang: i % 10 === 0 ? "cy" : "en", topic: "other", transcriptConsent: false });
      starts.push(performance.now() - t0);
      const c: Customer = { socket, view, seen: new Map(), sentIds: new Set() };
      return c;
    });
    const deadline = Date.now() + 60_000;
    while (assigned < CHATS && Date.now() < deadline) await sleep(200);
    // Welsh chats need a Welsh speaker or consent: the bench customers consent, as a person could.
    for (const c of customers) if (c.view.lang === "cy") await call(c.socket, "chat:accept-fallback", { conversationId: c.view.conversationId });
    while (assigned < CHATS && Date.now() < deadline + 30_000) await sleep(200);

    // 2. Messages both ways for SECONDS, while 10% of customers drop off and come back.
    const back: number[] = [];
    const attach = (c: Customer) =>
      c.socket.on("message:new", ({ message }: { message: ChatMessageView }) => {
        c.seen.set(message.seq, (c.seen.get(message.seq) ?? 0) + 1);
        const sentAt = Number(/^t=(\d+(?:\.\d+)?)/.exec(message.text)?.[1]);
        if (sentAt && message.author === "adviser") back.push(performance.timeOrigin + performance.now() - sentAt);
      });
    customers.forEach(attach);
    const dropping = customers.filter((_c, i) => i % 10 === 5);
    let sends = 0;
    const stopAt = Date.now() + SECONDS * 1000;
    const senders = customers.map(async (c, i) => {
      await sleep((i * 37) % 3000);
      while (Date.now() < stopAt) {
        const clientId = `m-${i}-${sends++}`;
        c.sentIds.add(clientId);
        if (c.socket.connected) void call(c.socket, "message:send", { conversationId: c.view.conversationId, clientId, text: `t=${performance.timeOrigin + performance.now()}` }).catch(() => undefined);
        await sleep(3000);
      }
    });
    const drops = (async () => {
      await sleep(Math.min(4000, SECONDS * 300));
      for (const c of dropping) c.socket.disconnect();
      await sleep(1500);
      await pool(dropping, 25, async (c) => {
        const lastSeq = Math.max(0, ...[...c.seen.keys()]);
        const socket = customerSocket(url);
        sockets.push(socket);
        c.socket = socket;
        await connected(socket);
        const resumed = await ok<CustomerConversationView>(socket, "chat:resume", { token: c.view.token, lastSeq });
        for (const m of resumed.messages) c.seen.set(m.seq, (c.seen.get(m.seq) ?? 0) + 1);
        attach(c);
        // The outbox resends everything whose acknowledgement it did not see: the same client ids again.
        for (const clientId of [...c.sentIds].slice(-3)) await call(socket, "message:send", { conversationId: c.view.conversationId, clientId, text: "t=0" });
      });
    })();
    await Promise.all([...senders, drops]);
    await sleep(3000);

    // Lost: in the conversation's history but never seen by the customer. Duplicated: one message
    // (client id) stored or shown as two. A message with a sequence number the client already has
    // (a resume overlapping a live event) is counted apart: the client drops it by its number.
    let lost = 0;
    let duplicated = 0;
    let redelivered = 0;
    await pool(customers, 25, async (c) => {
      const all = await ok<CustomerConversationView>(c.socket, "chat:resume", { token: c.view.token, lastSeq: 0 });
      const byClientId = new Map<string, number>();
      for (const m of all.messages) {
        byClientId.set(m.clientId, (byClientId.get(m.clientId) ?? 0) + 1);
        if (m.author === "adviser" && !c.seen.has(m.seq)) lost++;
      }
      for (const count of byClientId.values()) if (count > 1) duplicated += count - 1;
      for (const count of c.seen.values()) if (count > 1) redelivered += count - 1;
    });
    for (const s of sockets) s.disconnect();
    sockets.length = 0;
    await sleep(2000);

    // 3. Idle customer sockets: memory and CPU of the server process.
    const pid = server.process.pid!;
    const before = procStats(pid);
    const idle: Socket[] = [];
    await pool(Array.from({ length: IDLE }), 200, async () => {
      const s = customerSocket(url);
      idle.push(s);
      await connected(s);
    });
    await sleep(3000);
    const settled = procStats(pid);
    const t0 = Date.now();
    await sleep(10_000);
    const after = procStats(pid);
    const idleCpuPercent = Math.round(((after.cpuSeconds - settled.cpuSeconds) / ((Date.now() - t0) / 1000)) * 1000) / 10;
    for (const s of idle) s.disconnect();

    const figures: Flat = {
      chat_measured_at: new Date().toISOString(),
      chat_database: `PostgreSQL ${db.serverVersion}`,
      chat_concurrent_chats: CHATS,
      chat_assigned: assigned,
      chat_start_p50_ms: pct(starts, 50),
      chat_start_p95_ms: pct(starts, 95),
      chat_msg_count: oneWay.length + back.length,
      chat_msg_p50_ms: pct([...oneWay, ...back], 50),
      chat_msg_p99_ms: pct([...oneWay, ...back], 99),
      chat_msg_to_adviser_p99_ms: pct(oneWay, 99),
      chat_msg_to_customer_p99_ms: pct(back, 99),
      chat_dropped_clients: dropping.length,
      lost_messages: lost,
      duplicated_messages: duplicated,
      chat_redelivered_same_seq: redelivered,
      idle_sockets: IDLE,
      idle_sockets_mb_per_1k: Math.round(((settled.rssMb - before.rssMb) / IDLE) * 1000 * 10) / 10,
      idle_sockets_cpu_percent: idleCpuPercent,
      idle_sockets_server_rss_mb: Math.round(settled.rssMb),
      widget_loader_gz_bytes: loaderGz,
      chat_app_gz_bytes: appGz,
    };
    mergeResults(RESULTS_FILE, figures);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    await db?.drop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
