// Fault: kill -9 one of two instances in the middle of 50 active chats. Every customer and
// adviser reconnects (through the proxy) to the other instance and resumes (chat:resume /
// adviser:sync, the contracts in server/domain/chat/events.ts); every message either side sent
// is delivered to the other, none is lost and none is duplicated (one row per clientId, and
// each side sees each message id once after de-duplicating what a resume sends again).
// Needs TEST_DATABASE_URL (a fresh database on that server) and chat across instances (0008).
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/cluster";
import type { Ack, AdviserChatView, ChatMessageView, CustomerConversationView } from "../../server/domain/chat/events";
import { ADVISER, connected, ok, staffCookie, WELSH_ADVISER } from "../integration/chat-helpers";
import { createPostgresDatabase } from "../support/server";
import { sleep, waitFor } from "./support";

const CHATS = 50;
const RUN_MS = Number(process.env.FAULT_KILL_RUN_MS ?? 8_000);

let database: { url: string; drop(): Promise<void> } | undefined;
let cluster: Cluster;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await createPostgresDatabase();
  const sql = new pg.Client({ connectionString: database.url });
  cluster = await startCluster({
    databaseUrl: database.url,
    instances: 2,
    env: {
      SEED_DEMO_DATA: "true",
      LOG_LEVEL: "error",
      CHAT_OFFICE_HOURS: "always",
      CHAT_MAX_QUEUE: "200",
      // Longer than any reconnection here: nobody loses their chat for being away a moment.
      CHAT_DISCONNECT_GRACE_SECONDS: "120",
      CHAT_CUSTOMER_GRACE_SECONDS: "120",
      CHAT_ANSWER_TIMEOUT_SECONDS: "600",
      CHAT_WELSH_FALLBACK_SECONDS: "600",
      CHAT_EVENTS_PER_CONNECTION: "100000",
      CHAT_EVENTS_PER_IP: "1000000",
      CHAT_CONNECTIONS_PER_IP: "100000",
    },
  });
  // Two advisers with room for 25 chats each.
  await sql.connect();
  await sql.query(`UPDATE "StaffUser" SET "maxChats" = 25 WHERE email = ANY($1)`, [[ADVISER[0], WELSH_ADVISER[0]]]);
  await sql.end();
}, 300_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await cluster?.stop();
  await database?.drop();
});

type Side = { socket: Socket; sent: Map<string, string>; pending: { clientId: string; text: string; conversationId: string }[]; seen: Map<string, number>; flushing: boolean };
const call = <T,>(socket: Socket, event: string, payload: unknown, timeoutMs = 5_000) => socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;

function side(socket: Socket): Side {
  const s: Side = { socket, sent: new Map(), pending: [], seen: new Map(), flushing: false };
  socket.on("message:new", ({ message }: { message: ChatMessageView }) => see(s, message));
  sockets.push(socket);
  return s;
}
const see = (s: Side, message: ChatMessageView) => {
  if (message.kind === "text") s.seen.set(message.id, message.seq);
};
/** Sends what is pending, in order, keeping anything not acknowledged (as the widget does). */
async function flush(s: Side) {
  if (s.flushing || !s.socket.connected) return;
  s.flushing = true;
  try {
    while (s.pending.length && s.socket.connected) {
      const message = s.pending[0]!;
      const res = await call<ChatMessageView>(s.socket, "message:send", message).catch(() => null);
      if (!res || !("data" in res)) break;
      s.sent.set(message.clientId, res.data.id);
      s.pending.shift();
    }
  } finally {
    s.flushing = false;
  }
}

describe("kill -9 one of two instances during 50 active chats", () => {
  it("every customer and adviser carries on on the other instance; nothing lost or duplicated", async () => {
    const advisers: Side[] = [];
    for (const [email, password] of [ADVISER, WELSH_ADVISER]) {
      const cookie = await staffCookie(cluster.url, email, password);
      const socket = io(`${cluster.url}/chat-advisers`, { transports: ["websocket"], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1_000, extraHeaders: { cookie } });
      const adviser = side(socket);
      await connected(socket);
      await ok(socket, "adviser:availability", { available: true });
      // After a reconnection: catch up on everything since the last message seen.
      socket.on("connect", () => {
        const lastSeqs: Record<string, number> = {};
        void call<{ chats: AdviserChatView[] }>(socket, "adviser:sync", { lastSeqs }).then((res) => {
          if ("data" in res) for (const chat of res.data.chats) for (const m of (chat as AdviserChatView & { messages?: ChatMessageView[] }).messages ?? []) see(adviser, m);
          void flush(adviser);
        });
      });
      advisers.push(adviser);
    }
    const assignedTo = new Map<string, Side>();
    for (const adviser of advisers) adviser.socket.on("chat:assigned", (chat: AdviserChatView) => assignedTo.set(chat.conversationId, adviser));

    const customers: (Side & { conversationId: string; token: string })[] = [];
    for (let i = 0; i < CHATS; i++) {
      const socket = io(`${cluster.url}/chat`, { transports: ["websocket"], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1_000 });
      await connected(socket);
      const view = await ok<CustomerConversationView>(socket, "chat:start", { lang: "en", topic: "data_protection", name: `Customer ${i}`, email: `kill-${i}@example.com`, transcriptConsent: false });
      const customer = Object.assign(side(socket), { conversationId: view.conversationId, token: view.token });
      socket.on("connect", () => {
        void call<CustomerConversationView>(socket, "chat:resume", { token: customer.token, lastSeq: 0 }).then((res) => {
          if ("data" in res) for (const m of res.data.messages) see(customer, m);
          void flush(customer);
        });
      });
      customers.push(customer);
    }
    await waitFor("all 50 chats assigned", () => customers.every((c) => assignedTo.has(c.conversationId)), 120_000);

    // Conversation: each customer writes every 400 ms; their adviser answers every message.
    let running = true;
    let counter = 0;
    const traffic = (async () => {
      while (running) {
        for (const customer of customers) {
          const n = counter++;
          customer.pending.push({ conversationId: customer.conversationId, clientId: `c-${n}`, text: `customer ${n}` });
          const adviser = assignedTo.get(customer.conversationId)!;
          adviser.pending.push({ conversationId: customer.conversationId, clientId: `a-${n}`, text: `adviser ${n}` });
          void flush(customer);
          void flush(adviser);
        }
        await sleep(400);
      }
    })();

    await sleep(RUN_MS / 2);
    const victim = cluster.instances[0]!;
    const died = new Promise((r) => (victim.process as ChildProcess).once("exit", r));
    victim.process.kill("SIGKILL");
    await died;
    const killedAt = Date.now();
    await sleep(RUN_MS / 2);
    running = false;
    await traffic;

    const everyone = [...advisers, ...customers];
    await waitFor("everyone reconnected", () => everyone.every((s) => s.socket.connected), 60_000);
    const reconnectedIn = Date.now() - killedAt;
    await waitFor("every message acknowledged", async () => {
      await Promise.all(everyone.map(flush));
      return everyone.every((s) => s.pending.length === 0);
    }, 60_000, 500);

    // Delivered: each side has seen every message the other side had acknowledged.
    const sentByCustomers = new Set(customers.flatMap((c) => [...c.sent.values()]));
    const sentByAdvisers = new Set(advisers.flatMap((a) => [...a.sent.values()]));
    await waitFor("advisers have every customer message", () => [...sentByCustomers].every((id) => advisers.some((a) => a.seen.has(id))), 30_000, 500);
    await waitFor("customers have every adviser message", () => [...sentByAdvisers].every((id) => customers.some((c) => c.seen.has(id))), 30_000, 500);

    // Not duplicated: one stored message per clientId, and one id per clientId acknowledged.
    const sql = new pg.Client({ connectionString: database!.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ clientId: string; copies: number }>(
        `SELECT "clientId", count(*)::int AS copies FROM "ChatMessage" WHERE kind = 'text' GROUP BY 1 HAVING count(*) > 1`,
      );
      expect(rows).toEqual([]);
      const { rows: stored } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ChatMessage" WHERE kind = 'text'`);
      expect(stored[0]!.n).toBe(counter * 2);
    } finally {
      await sql.end();
    }
    expect(sentByCustomers.size + sentByAdvisers.size).toBe(counter * 2);
    console.log(`kill -9 during ${CHATS} chats: ${counter * 2} messages, all delivered once; everyone reconnected ${reconnectedIn} ms after the kill`);
  });
});
