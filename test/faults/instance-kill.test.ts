// Fault: kill -9 one of two instances in the middle of 50 active chats. The customers are the
// widget's own client (widget/app/client.ts) and the advisers the console's (app/chat-console/
// client.ts): each reconnects (through the proxy) to the other instance and resumes (chat:resume
// / adviser:sync), keeps what it could not send and sends it again with the same client id.
// Every message either side sent is delivered to the other, none is lost and none is
// duplicated (one stored row per client id, and each client shows each message once).
// Needs TEST_DATABASE_URL (a fresh database on that server) and chat across instances (0008).
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/cluster";
import { AdviserChatClient, type AdviserSocket } from "../../app/chat-console/client";
import { CustomerChatClient } from "../../widget/app/client";
import { ADVISER, connected, staffCookie, WELSH_ADVISER } from "../integration/chat-helpers";
import { createPostgresDatabase } from "../support/server";
import { sleep, waitFor } from "./support";

const CHATS = 50;
const RUN_MS = Number(process.env.FAULT_KILL_RUN_MS ?? 8_000);

let database: { url: string; drop(): Promise<void> } | undefined;
let cluster: Cluster;
const clients: { socket: { disconnect(): void } }[] = [];

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
  for (const c of clients) c.socket.disconnect();
  await cluster?.stop();
  await database?.drop();
});

/** A browser's localStorage, one per customer (the widget's fallback is shared by the process). */
const storage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
};
const reconnect = { reconnectionDelay: 200, reconnectionDelayMax: 1_000 };

describe("kill -9 one of two instances during 50 active chats", () => {
  it("every customer and adviser carries on on the other instance; nothing lost or duplicated", async () => {
    const advisers: AdviserChatClient[] = [];
    for (const [email, password] of [ADVISER, WELSH_ADVISER]) {
      const cookie = await staffCookie(cluster.url, email, password);
      const socket = io(`${cluster.url}/chat-advisers`, { transports: ["websocket"], forceNew: true, ...reconnect, extraHeaders: { cookie } }) as AdviserSocket;
      const adviser = new AdviserChatClient(socket);
      clients.push(adviser);
      // Asked for before the connection is up, as the console does once the adviser has said so:
      // its resume on connecting then says "available" too, never a stale "not available" that
      // could land after this.
      const available = adviser.setAvailable(true);
      await connected(socket);
      await available;
      advisers.push(adviser);
    }
    const adviserOf = (conversationId: string) => advisers.find((a) => a.state.chats.some((c) => c.conversationId === conversationId));

    const customers: CustomerChatClient[] = [];
    for (let i = 0; i < CHATS; i++) {
      const customer = new CustomerChatClient(cluster.url, storage(), { transports: ["websocket"], forceNew: true, ...reconnect, extraHeaders: { origin: new URL(cluster.url).origin } });
      clients.push(customer);
      await connected(customer.socket);
      const res = await customer.start({ lang: "en", topic: "data_protection", name: `Customer ${i}`, email: `kill-${i}@example.com`, transcriptConsent: false });
      if ("error" in res) throw new Error(`chat:start refused: ${res.error.code}`);
      customers.push(customer);
    }
    const id = (c: CustomerChatClient) => c.state.conversation!.conversationId;
    await waitFor("all 50 chats assigned", () => customers.every((c) => adviserOf(id(c))), 120_000);

    // Conversation: each customer writes every 400 ms and their adviser answers each message,
    // through the clients' own send (kept and sent again until acknowledged).
    let running = true;
    let rounds = 0;
    const traffic = (async () => {
      while (running) {
        for (const customer of customers) {
          customer.send(`customer ${rounds}`);
          void adviserOf(id(customer))!.send(id(customer), `adviser ${rounds}`, false);
        }
        rounds++;
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
    const sentEach = rounds;

    await waitFor("everyone reconnected", () => [...advisers, ...customers].every((c) => c.socket.connected), 60_000);
    const reconnectedIn = Date.now() - killedAt;
    const unsent = () => customers.reduce((n, c) => n + c.state.pending.length, 0) + advisers.reduce((n, a) => n + a.state.chats.reduce((m, c) => m + c.pending.length, 0), 0);
    await waitFor("every kept message sent", () => unsent() === 0, 90_000, 500).catch((error: Error) => {
      const refused = customers.flatMap((c) => c.state.pending.filter((p) => p.error).map((p) => p.error));
      throw new Error(`${error.message}: ${unsent()} still unsent, refused: ${refused.join(", ") || "none"}`);
    });

    // Delivered: every client ends up showing the whole conversation, each message once.
    const texts = (messages: { kind: string; author: string; clientId: string | null }[], author: string) => messages.filter((m) => m.kind === "text" && m.author === author);
    const complete = () =>
      customers.every((c) => {
        const chat = adviserOf(id(c))!.state.chats.find((x) => x.conversationId === id(c))!;
        return [c.state.messages, chat.messages].every((log) => texts(log, "customer").length === sentEach && texts(log, "adviser").length === sentEach);
      });
    await waitFor("both sides show every message", complete, 60_000, 500).catch((error: Error) => {
      const short = customers.filter((c) => texts(c.state.messages, "adviser").length !== sentEach).length;
      throw new Error(`${error.message}: ${short} customers short of adviser messages`);
    });
    for (const log of [...customers.map((c) => c.state.messages), ...advisers.flatMap((a) => a.state.chats.map((c) => c.messages))]) {
      const ids = log.filter((m) => m.kind === "text").map((m) => m.clientId);
      expect(new Set(ids).size).toBe(ids.length);
    }

    // Not duplicated where it is kept: one stored message per client id, and exactly what was sent.
    const sql = new pg.Client({ connectionString: database!.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ clientId: string; copies: number }>(
        `SELECT "clientId", count(*)::int AS copies FROM "ChatMessage" WHERE kind = 'text' GROUP BY 1 HAVING count(*) > 1`,
      );
      expect(rows).toEqual([]);
      const { rows: stored } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ChatMessage" WHERE kind = 'text'`);
      expect(stored[0]!.n).toBe(sentEach * CHATS * 2);
    } finally {
      await sql.end();
    }
    console.log(`kill -9 during ${CHATS} chats: ${sentEach * CHATS * 2} messages, all delivered once; everyone reconnected ${reconnectedIn} ms after the kill`);
  });
});
