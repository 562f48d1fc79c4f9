// `npm run bench:chat`: the live chat under load with real socket.io clients on loopback against
// the production build on PostgreSQL, on one instance and across two, each beside its floor: a
// bare socket.io relay (bench/chat-relay.ts) with the same clients and load on the same machine.
// Sizes come from the environment so a shared machine can run it small:
//   BENCH_CHAT_CHATS (500) concurrent active chats, BENCH_CHAT_IDLE (10000) idle sockets,
//   BENCH_CHAT_SECONDS (15) of messages, BENCH_DATABASE_URL (PostgreSQL admin URL).
// 500 concurrent chats need more advisers than the demo data has: the benchmark adds advisers
// straight into its own throwaway database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
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
const ADVISERS = Math.ceil(CHATS / SEATS_PER_ADVISER);

const pct = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};
const ratio = (value: number | null, floor: number | null) => (value !== null && floor ? Math.round((value / floor) * 10) / 10 : null);
const nowMs = () => performance.timeOrigin + performance.now();
let addresses = 0;
/**
 * Each connection as a different person, as bench/lib/load.ts does for HTTP: its own address,
 * passed as a proxy in front would (X-Forwarded-For, TRUST_PROXY=true), so the server's real
 * per-address chat limits run, as they do for real customers. One address for 1,000 sockets
 * would make every event count against one key, which no deployment sees.
 */
const newAddress = () => {
  const n = ++addresses;
  return `10.65.${(n >> 8) & 255}.${n & 255}`;
};
/** Progress on stderr with the wall clock, so a profile or a log can be lined up with the phases. */
const phase = (what: string) => {
  console.error(`[bench:chat ${new Date().toISOString()}] ${what}`);
  trace({ mark: what });
};
/**
 * BENCH_CHAT_TRACE=<file>: every message's latency with its wall-clock time and direction, and
 * the phases and drops, one JSON line each, to line the slow tail up with what the server was
 * doing then (a GC, a sweep, the reconnecting clients).
 */
const TRACE = process.env.BENCH_CHAT_TRACE;
const trace = (entry: Record<string, unknown>) => {
  if (TRACE) appendFileSync(TRACE, `${JSON.stringify({ t: Math.round(nowMs()), ...entry })}\n`);
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

type Customer = { socket: Socket; address: string; view: CustomerConversationView; seen: Map<number, number>; sentIds: Set<string> };
type Run = { starts: number[]; latencies: number[]; assigned: number; lost: number; duplicated: number; redelivered: number; dropped: number };

/**
 * One load run: ADVISERS advisers on `adviserUrl`, CHATS customers on `customerUrl`, each
 * customer sending every 3 s for SECONDS and each adviser answering every message at once; the
 * send time travels in the text. With `real`, 10% of customers drop and resume mid-run, and lost
 * and duplicated messages are counted against the stored history.
 */
async function runLoad(opts: { customerUrl: string; adviserUrl: string; adviserSockets: () => Promise<Socket[]>; real: boolean }): Promise<Run> {
  const sockets: Socket[] = [];
  try {
    const advisers = await opts.adviserSockets();
    sockets.push(...advisers);
    const latencies: number[] = [];
    let assigned = 0;
    let replyN = 0;
    for (const a of advisers) {
      a.on("chat:assigned", () => {
        assigned++;
      });
      a.on("message:new", ({ conversationId, message }: { conversationId: string; message: ChatMessageView }) => {
        if (message.author !== "customer") return;
        const sentAt = Number(/^t=(\d+(?:\.\d+)?)/.exec(message.text)?.[1]);
        if (sentAt) {
          latencies.push(nowMs() - sentAt);
          trace({ ms: Math.round((nowMs() - sentAt) * 10) / 10, dir: "to-adviser" });
        }
        void call(a, "message:send", { conversationId, clientId: `r-${replyN++}-${Date.now()}`, text: `t=${nowMs()}` }).catch(() => undefined);
      });
    }

    // 1. Start chats: time from "start chat" to its acknowledgement.
    const starts: number[] = [];
    const customers = await pool(Array.from({ length: CHATS }), 25, async (_x, i) => {
      const address = newAddress();
      const socket = customerSocket(opts.customerUrl, { address });
      sockets.push(socket);
      await connected(socket);
      const t0 = performance.now();
      const view = await ok<CustomerConversationView>(socket, "chat:start", { lang: opts.real && i % 10 === 0 ? "cy" : "en", topic: "other", transcriptConsent: false, advisers: ADVISERS });
      starts.push(performance.now() - t0);
      const c: Customer = { socket, address, view, seen: new Map(), sentIds: new Set() };
      return c;
    });
    const deadline = Date.now() + 60_000;
    while (assigned < CHATS && Date.now() < deadline) await sleep(200);
    // Welsh chats need a Welsh speaker or consent: the bench customers consent, as a person could.
    if (opts.real) for (const c of customers) if (c.view.lang === "cy") await call(c.socket, "chat:accept-fallback", { conversationId: c.view.conversationId });
    while (assigned < CHATS && Date.now() < deadline + 30_000) await sleep(200);

    phase(`${assigned}/${CHATS} assigned; messages for ${SECONDS} s`);
    // 2. Messages both ways for SECONDS, while 10% of customers drop off and come back (real only).
    const attach = (c: Customer) =>
      c.socket.on("message:new", ({ message }: { message: ChatMessageView }) => {
        c.seen.set(message.seq, (c.seen.get(message.seq) ?? 0) + 1);
        const sentAt = Number(/^t=(\d+(?:\.\d+)?)/.exec(message.text)?.[1]);
        if (sentAt && message.author === "adviser") {
          latencies.push(nowMs() - sentAt);
          trace({ ms: Math.round((nowMs() - sentAt) * 10) / 10, dir: "to-customer" });
        }
      });
    customers.forEach(attach);
    const dropping = opts.real ? customers.filter((_c, i) => i % 10 === 5) : [];
    let sends = 0;
    const stopAt = Date.now() + SECONDS * 1000;
    const senders = customers.map(async (c, i) => {
      await sleep((i * 37) % 3000);
      while (Date.now() < stopAt) {
        const clientId = `m-${i}-${sends++}`;
        c.sentIds.add(clientId);
        if (c.socket.connected) void call(c.socket, "message:send", { conversationId: c.view.conversationId, clientId, text: `t=${nowMs()}` }).catch(() => undefined);
        await sleep(3000);
      }
    });
    const drops = (async () => {
      if (dropping.length === 0) return;
      await sleep(Math.min(4000, SECONDS * 300));
      trace({ mark: `drop ${dropping.length}` });
      for (const c of dropping) c.socket.disconnect();
      await sleep(1500);
      trace({ mark: "reconnect" });
      await pool(dropping, 25, async (c) => {
        const lastSeq = Math.max(0, ...[...c.seen.keys()]);
        // The same person coming back: the same address.
        const socket = customerSocket(opts.customerUrl, { address: c.address });
        sockets.push(socket);
        c.socket = socket;
        await connected(socket);
        const resumed = await ok<CustomerConversationView>(socket, "chat:resume", { token: c.view.token, lastSeq });
        for (const m of resumed.messages) c.seen.set(m.seq, (c.seen.get(m.seq) ?? 0) + 1);
        attach(c);
        // The outbox resends everything whose acknowledgement it did not see: the same client ids again.
        for (const clientId of [...c.sentIds].slice(-3)) await call(socket, "message:send", { conversationId: c.view.conversationId, clientId, text: "t=0" });
      });
      trace({ mark: "reconnected" });
    })();
    await Promise.all([...senders, drops]);
    await sleep(3000);
    phase("messages done; counting");

    // Lost: in the conversation's history but never seen by the customer. Duplicated: one message
    // (client id) stored or shown as two. A message with a sequence number the client already has
    // (a resume overlapping a live event) is counted apart: the client drops it by its number.
    let lost = 0;
    let duplicated = 0;
    let redelivered = 0;
    if (opts.real) {
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
      // End every chat so the next run starts with free advisers.
      await pool(customers, 25, (c) => call(c.socket, "chat:end", { conversationId: c.view.conversationId }).catch(() => undefined));
    }
    return { starts, latencies, assigned, lost, duplicated, redelivered, dropped: dropping.length };
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

/** A bare relay process (see chat-relay.ts), optionally on the PostgreSQL adapter. */
async function startRelay(databaseUrl?: string): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const port = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(path.dirname(fileURLToPath(import.meta.url)), "chat-relay.ts")], {
    env: { ...process.env, RELAY_PORT: String(port), RELAY_DATABASE_URL: databaseUrl ?? "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`relay exited ${code}`)));
  });
  return {
    url: `http://localhost:${port}`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const relayAdvisers = (url: string) => async () =>
  pool(Array.from({ length: ADVISERS }), 10, async (_x, i) => {
    const s = io(`${url}/chat-advisers`, { transports: ["websocket"], forceNew: true, reconnection: false });
    await connected(s);
    await ok(s, "adviser:availability", { available: true, index: i });
    return s;
  });

async function main() {
  let a: TestServer | undefined;
  let b: TestServer | undefined;
  let db: BenchDatabase | undefined;
  let relayDb: BenchDatabase | undefined;
  const relays: Awaited<ReturnType<typeof startRelay>>[] = [];
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  try {
    const loaderGz = gzipSync(readFileSync("build/client/widget.js"), { level: 9 }).length;
    const appGz = gzipSync(readFileSync("build/client/chat-app.js"), { level: 9 }).length + gzipSync(readFileSync("build/client/chat-app.css"), { level: 9 }).length;

    db = await createBenchDatabase(ADMIN_URL);
    const env = {
      DATABASE_URL: db.url,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO_DATA: "true",
      LOG_LEVEL: "error",
      CHAT_OFFICE_HOURS: "always",
      CHAT_MAX_QUEUE: "100000",
      // Every client has its own address (newAddress), so the per-address limits keep their
      // production values. The per-connection budget is raised for the advisers only in effect:
      // each bench adviser answers 50 chats at machine speed, about 170 events in 10 s.
      TRUST_PROXY: "true",
      CHAT_EVENTS_PER_CONNECTION: "100000",
      CHAT_ANSWER_TIMEOUT_SECONDS: "3600",
    };
    a = await startTestServer(env);
    b = await startTestServer(env);

    // Enough advisers for every chat at once, with the demo adviser's password.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `INSERT INTO "StaffUser" (id, email, name, "passwordHash", roles, "maxChats")
       SELECT gen_random_uuid(), 'bench-adviser-' || i || '@doorstep.example', 'Bench Adviser ' || i,
              (SELECT "passwordHash" FROM "StaffUser" WHERE email = 'adviser@doorstep.example'), ARRAY['adviser']::"StaffRole"[], $1
       FROM generate_series(1, $2::int) AS i`,
      [SEATS_PER_ADVISER, ADVISERS],
    );
    await client.end();
    const cookies: string[] = [];
    for (let i = 1; i <= ADVISERS; i++) cookies.push(await staffCookie(a.url, `bench-adviser-${i}@doorstep.example`, "demo-adviser-2026"));
    const realAdvisers = (url: string) => async () =>
      pool(cookies, 10, async (cookie) => {
        const s = adviserSocket(url, cookie, { address: newAddress() });
        await connected(s);
        await ok(s, "adviser:availability", { available: true });
        return s;
      });

    // One instance: customers and advisers on A; then its floor, a bare relay.
    phase(`one instance (server pid ${a.process.pid})`);
    const single = await runLoad({ customerUrl: a.url, adviserUrl: a.url, adviserSockets: realAdvisers(a.url), real: true });
    await sleep(3000);
    relays.push(await startRelay());
    phase("floor: one relay");
    const singleFloor = await runLoad({ customerUrl: relays[0]!.url, adviserUrl: relays[0]!.url, adviserSockets: relayAdvisers(relays[0]!.url), real: false });
    await relays[0]!.stop();

    // Two instances: customers on A, advisers on B; then its floor, two relays on the PostgreSQL adapter.
    phase(`two instances (customers on pid ${a.process.pid}, advisers on pid ${b.process.pid})`);
    const cross = await runLoad({ customerUrl: a.url, adviserUrl: b.url, adviserSockets: realAdvisers(b.url), real: true });
    relayDb = await createBenchDatabase(ADMIN_URL);
    const setup = new pg.Client({ connectionString: relayDb.url });
    await setup.connect();
    await setup.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);
    await setup.end();
    const r1 = await startRelay(relayDb.url);
    const r2 = await startRelay(relayDb.url);
    relays.push(r1, r2);
    await sleep(1000);
    phase("floor: two relays on the PostgreSQL adapter");
    const crossFloor = await runLoad({ customerUrl: r1.url, adviserUrl: r2.url, adviserSockets: relayAdvisers(r2.url), real: false });

    // Idle customer sockets: memory and CPU of one server process.
    let idleFigures: Flat = {};
    if (IDLE > 0) {
      const pid = a.process.pid!;
      const before = procStats(pid);
      const idle: Socket[] = [];
      await pool(Array.from({ length: IDLE }), 200, async () => {
        const s = customerSocket(a!.url, { address: newAddress() });
        idle.push(s);
        await connected(s);
      });
      await sleep(3000);
      const settled = procStats(pid);
      const t0 = Date.now();
      await sleep(10_000);
      const after = procStats(pid);
      for (const s of idle) s.disconnect();
      idleFigures = {
        idle_sockets: IDLE,
        idle_sockets_mb_per_1k: Math.round(((settled.rssMb - before.rssMb) / IDLE) * 1000 * 10) / 10,
        idle_sockets_cpu_percent: Math.round(((after.cpuSeconds - settled.cpuSeconds) / ((Date.now() - t0) / 1000)) * 1000) / 10,
        idle_sockets_server_rss_mb: Math.round(settled.rssMb),
      };
    }

    const msgP99 = pct(single.latencies, 99);
    const msgFloor = pct(singleFloor.latencies, 99);
    const crossP99 = pct(cross.latencies, 99);
    const crossFloorP99 = pct(crossFloor.latencies, 99);
    const startP95 = pct([...single.starts, ...cross.starts], 95);
    const startFloor = pct([...singleFloor.starts, ...crossFloor.starts], 95);
    const figures: Flat = {
      chat_measured_at: new Date().toISOString(),
      chat_database: `PostgreSQL ${db.serverVersion}`,
      chat_load_average_before: loadBefore.join(" "),
      chat_load_average_after: loadavg().map((x) => Math.round(x * 100) / 100).join(" "),
      chat_concurrent_chats: CHATS,
      chat_seconds: SECONDS,
      chat_assigned: single.assigned,
      chat_assigned_cross_instance: cross.assigned,
      chat_start_p50_ms: pct([...single.starts, ...cross.starts], 50),
      chat_start_p95_ms: startP95,
      chat_start_p95_floor_ms: startFloor,
      chat_start_p95_ratio: ratio(startP95, startFloor),
      chat_msg_count: single.latencies.length,
      chat_msg_p50_ms: pct(single.latencies, 50),
      chat_msg_p99_ms: msgP99,
      chat_msg_p99_floor_ms: msgFloor,
      chat_msg_p99_ratio: ratio(msgP99, msgFloor),
      chat_msg_cross_instance_count: cross.latencies.length,
      chat_msg_p50_cross_instance_ms: pct(cross.latencies, 50),
      chat_msg_p99_cross_instance_ms: crossP99,
      chat_msg_p99_cross_instance_floor_ms: crossFloorP99,
      chat_msg_p99_cross_instance_ratio: ratio(crossP99, crossFloorP99),
      chat_dropped_clients: single.dropped + cross.dropped,
      lost_messages: single.lost + cross.lost,
      duplicated_messages: single.duplicated + cross.duplicated,
      chat_redelivered_same_seq: single.redelivered + cross.redelivered,
      ...idleFigures,
      widget_loader_gz_bytes: loaderGz,
      chat_app_gz_bytes: appGz,
    };
    mergeResults(RESULTS_FILE, figures);
    console.log(JSON.stringify(figures, null, 2));
    console.log(
      [
        `message p99, one instance:   ${msgP99} ms (floor ${msgFloor} ms, ×${ratio(msgP99, msgFloor)})`,
        `message p99, two instances:  ${crossP99} ms (floor ${crossFloorP99} ms, ×${ratio(crossP99, crossFloorP99)})`,
        `chat start p95:              ${startP95} ms (floor ${startFloor} ms, ×${ratio(startP95, startFloor)})`,
      ].join("\n"),
    );
  } finally {
    for (const r of relays) await r.stop().catch(() => undefined);
    await a?.stop();
    await b?.stop();
    await db?.drop().catch(() => undefined);
    await relayDb?.drop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
