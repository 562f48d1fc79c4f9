// The chat on two real server processes sharing one PostgreSQL (issue 11): a customer on
// instance A and advisers on instance B chat normally (messages, typing, receipts, transfer, end,
// rating, supervisor view and actions, flags before the first reply), the queue has one order,
// two instances racing never give a chat twice or an adviser more than their capacity, a customer
// who closes the tab is ended after the grace period, and an adviser's sockets end with their
// session. Needs TEST_DATABASE_URL (CI always sets it); skipped cleanly without it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdviserChatView, ChatMessageView, CustomerConversationView, MonitorView } from "../../server/domain/chat/events";
import { createBenchDatabase, type BenchDatabase } from "../../bench/lib/postgres";
import { BrowserLikeClient } from "../support/browser-like-client";
import { startTestServer, type TestServer } from "../support/server";
import { ADVISER, adviserSocket, call, collect, connected, customerSocket, MANAGER, next, ok, sleep, staffCookie, WELSH_ADVISER } from "./chat-helpers";

const DATABASE = process.env.TEST_DATABASE_URL;

describe.skipIf(!DATABASE)("live chat on two instances sharing PostgreSQL", () => {
  let db: BenchDatabase;
  let a: TestServer;
  let b: TestServer;
  let sql: pg.Client;
  let alexCookie: string;
  let catrinCookie: string;
  let managerCookie: string;
  const sockets: Socket[] = [];
  const track = <T extends Socket>(s: T) => (sockets.push(s), s);
  let n = 0;
  const clientId = () => `cl-${Date.now().toString(36)}-${(n++).toString(36)}`;

  beforeAll(async () => {
    db = await createBenchDatabase(DATABASE!);
    const env = {
      DATABASE_URL: db.url,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO_DATA: "true",
      CHAT_OFFICE_HOURS: "always",
      CHAT_DISCONNECT_GRACE_SECONDS: "2",
      CHAT_CUSTOMER_GRACE_SECONDS: "4",
      CHAT_WELSH_FALLBACK_SECONDS: "600",
      CHAT_ANSWER_TIMEOUT_SECONDS: "600",
      CHAT_EVENTS_PER_CONNECTION: "1000",
    };
    // One after the other: the first migrates and seeds, the second finds it done.
    a = await startTestServer(env);
    b = await startTestServer(env);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    alexCookie = await staffCookie(a.url, ...ADVISER);
    catrinCookie = await staffCookie(b.url, ...WELSH_ADVISER);
    managerCookie = await staffCookie(a.url, ...MANAGER);
  }, 400_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await sql?.end().catch(() => undefined);
    await a?.stop();
    await b?.stop();
    await db?.drop().catch(() => undefined);
  });

  const start = (s: Socket, over: Record<string, unknown> = {}) =>
    ok<CustomerConversationView>(s, "chat:start", { lang: "en", topic: "data_protection", name: "Sam Customer", email: "sam@example.com", transcriptConsent: true, ...over });
  async function adviserOn(server: TestServer, cookie: string, available = true) {
    const s = track(adviserSocket(server.url, cookie));
    await connected(s);
    await ok(s, "adviser:availability", { available });
    return s;
  }
  async function customerOn(server: TestServer) {
    return connected(track(customerSocket(server.url)));
  }
  async function waitUntil(condition: () => boolean, ms = 15_000) {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error("condition not met in time");
      await sleep(50);
    }
  }
  /** Ends every live chat and makes every adviser unavailable, so each test starts from nothing. */
  async function reset() {
    await sql.query(`UPDATE "ChatConversation" SET status = 'ended', "endedAt" = now(), "endedBy" = 'system' WHERE status IN ('queued', 'active')`);
    await sql.query(`UPDATE "ChatAdviserState" SET available = false`);
  }

  it("a customer on A and an adviser on B: messages, typing, receipts, notes, end and rating", async () => {
    await reset();
    const alex = await adviserOn(b, alexCookie);
    const customer = await customerOn(a);
    const assigned = next<AdviserChatView>(alex, "chat:assigned");
    const toCustomer = next<{ adviserName: string }>(customer, "chat:assigned");
    const view = await start(customer);
    expect((await assigned).conversationId).toBe(view.conversationId);
    expect((await toCustomer).adviserName).toBe("Alex");
    const id = view.conversationId;

    const atAdviser = next<{ message: ChatMessageView }>(alex, "message:new");
    const sent = await ok<ChatMessageView>(customer, "message:send", { conversationId: id, clientId: clientId(), text: "Hello from A" });
    expect((await atAdviser).message).toMatchObject({ text: "Hello from A", seq: sent.seq, author: "customer" });

    // The customer's message also says they are here, in the statement that stored it.
    const { rows: seen } = await sql.query(`SELECT "customerSeenAt" >= $2::timestamptz AS fresh FROM "ChatConversation" WHERE id = $1`, [id, sent.sentAt]);
    expect(seen[0].fresh).toBe(true);

    const atCustomer = collect<{ message: ChatMessageView }>(customer, "message:new");
    const replyId = clientId();
    const reply = await ok<ChatMessageView>(alex, "message:send", { conversationId: id, clientId: replyId, text: "Hello from B" });
    // The adviser's console resending the same message (its acknowledgement was lost): the one
    // stored comes back, with no new number, and the customer gets it once.
    const again = await ok<ChatMessageView>(alex, "message:send", { conversationId: id, clientId: replyId, text: "Hello from B" });
    expect(again).toEqual(reply);
    await waitUntil(() => atCustomer.length > 0);
    await sleep(200);
    expect(atCustomer.map((m) => m.message)).toEqual([expect.objectContaining({ text: "Hello from B", author: "adviser", authorName: "Alex", seq: sent.seq + 1 })]);

    const typing = next<{ typing: boolean }>(alex, "typing:update");
    customer.emit("typing:update", { conversationId: id, typing: true });
    expect((await typing).typing).toBe(true);
    const adviserTyping = next<{ typing: boolean }>(customer, "typing:update");
    alex.emit("typing:update", { conversationId: id, typing: true });
    expect((await adviserTyping).typing).toBe(true);

    const read = next<{ upToSeq: number; state: string }>(customer, "receipt:update");
    alex.emit("receipt:update", { conversationId: id, upToSeq: sent.seq, state: "read" });
    expect(await read).toMatchObject({ upToSeq: sent.seq, state: "read" });
    const delivered = next<{ upToSeq: number; state: string }>(alex, "receipt:update");
    customer.emit("receipt:update", { conversationId: id, upToSeq: sent.seq + 1, state: "delivered" });
    expect(await delivered).toMatchObject({ state: "delivered" });

    // A note stays on the adviser side, wherever the customer is.
    const customerSaw = collect<{ message: ChatMessageView }>(customer, "message:new");
    await ok(alex, "note:add", { conversationId: id, clientId: clientId(), text: "internal" });

    const ended = next<{ by: string }>(customer, "chat:ended");
    await ok(alex, "chat:end", { conversationId: id });
    expect((await ended).by).toBe("adviser");
    expect(await ok(customer, "chat:rate", { conversationId: id, rating: 4 })).toEqual({ rated: true });
    expect(customerSaw).toEqual([]);
    const { rows } = await sql.query(`SELECT rating, status FROM "ChatConversation" WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ rating: 4, status: "ended" });
    alex.disconnect();
  });

  it("one queue order: chats started alternately on A and B are answered oldest first by an adviser on B", async () => {
    await reset();
    const customers = [await customerOn(a), await customerOn(b), await customerOn(a), await customerOn(b)];
    const views: CustomerConversationView[] = [];
    for (const c of customers) {
      views.push(await start(c));
      await sleep(30);
    }
    const alex = await adviserOn(b, alexCookie);
    const sync = async () => (await ok<{ chats: AdviserChatView[] }>(alex, "adviser:sync", { lastSeqs: {} })).chats.map((c) => c.conversationId);
    let mine = await sync();
    for (let i = 0; i < 50 && mine.length < 3; i++) mine = (await sleep(200), await sync());
    expect(new Set(mine)).toEqual(new Set(views.slice(0, 3).map((v) => v.conversationId)));
    // The fourth, on B, hears it is first now, and is assigned when a seat frees up on A's side.
    const fourth = await ok<CustomerConversationView>(customers[3]!, "chat:resume", { token: views[3]!.token, lastSeq: 0 });
    expect(fourth.status).toBe("queued");
    const assigned = next<{ adviserName: string }>(customers[3]!, "chat:assigned");
    await ok(customers[0]!, "chat:end", { conversationId: views[0]!.conversationId });
    expect((await assigned).adviserName).toBe("Alex");
    alex.disconnect();
  });

  it("two instances racing never give a chat twice nor an adviser more than their capacity", async () => {
    await reset();
    // Alex has a console on both instances, Catrin on B: 6 seats in all (3 each).
    const alexA = await adviserOn(a, alexCookie, false);
    const alexB = await adviserOn(b, alexCookie, false);
    const catrin = await adviserOn(b, catrinCookie, false);
    const events: string[] = [];
    for (const s of [alexA, catrin]) s.on("chat:assigned", (c: AdviserChatView) => events.push(c.conversationId));
    // 16 customers start at once, half on each instance, while the advisers become available on both.
    const customers = await Promise.all(Array.from({ length: 16 }, (_x, i) => customerOn(i % 2 ? a : b)));
    const customerAssigned = new Map<string, number>();
    for (const c of customers) c.on("chat:assigned", ({ conversationId }: { conversationId: string }) => customerAssigned.set(conversationId, (customerAssigned.get(conversationId) ?? 0) + 1));
    const [views] = await Promise.all([
      Promise.all(customers.map((c) => start(c))),
      ok(alexA, "adviser:availability", { available: true }),
      ok(catrin, "adviser:availability", { available: true }),
      ok(alexB, "adviser:availability", { available: true }),
    ]);
    const ours = new Set(views.map((v) => v.conversationId));
    const activeCount = async () => Number((await sql.query(`SELECT count(*) FROM "ChatConversation" WHERE status = 'active'`)).rows[0].count);
    for (let i = 0; i < 100 && ((await activeCount()) < 6 || events.length < 6); i++) await sleep(100);
    // Let both instances' ticks run a few more dispatches over the same state.
    await sleep(4500);
    const { rows } = await sql.query<{ adviserId: string; n: string; max: number }>(
      `SELECT c."adviserId", count(*) AS n, u."maxChats" AS max FROM "ChatConversation" c JOIN "StaffUser" u ON u.id = c."adviserId" WHERE c.status = 'active' GROUP BY c."adviserId", u."maxChats"`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(Number(r.n)).toBeLessThanOrEqual(r.max);
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(6);
    // Each assignment announced once to the adviser and once to the customer.
    expect(events).toHaveLength(6);
    expect(new Set(events).size).toBe(6);
    for (const id of events) expect(ours.has(id)).toBe(true);
    expect([...customerAssigned.values()].every((count) => count === 1)).toBe(true);
    expect(customerAssigned.size).toBe(6);
    for (const s of [alexA, alexB, catrin]) s.disconnect();
  });

  it("transfer, supervisor view, reassign and take-over across instances, and flags before the first reply", async () => {
    await reset();
    const email = `flagged-${Date.now()}@example.com`;
    const alex = await adviserOn(b, alexCookie);
    const customer = await customerOn(a);
    let assigned = next<AdviserChatView>(alex, "chat:assigned");
    const first = await start(customer, { email });
    expect((await assigned).flags).toEqual([]);
    // Recorded on B, approved by a manager on A: the next chat from that address shows the flag at once.
    const ended = next(customer, "chat:ended");
    const { reportId } = await ok<{ reportId: string }>(alex, "behaviour:record", { conversationId: first.conversationId, description: "Threats", requestRestriction: true, endChat: true });
    await ended;
    const manager = new BrowserLikeClient(a.url);
    await manager.get("/staff/sign-in");
    await manager.post("/staff/sign-in", { email: MANAGER[0], password: MANAGER[1] });
    await manager.get("/staff/chat/behaviour");
    expect((await manager.post("/staff/chat/behaviour", { reportId, decision: "approve_flag", restriction: "Written contact only", note: "" })).status).toBe(302);

    assigned = next<AdviserChatView>(alex, "chat:assigned");
    const view = await start(customer, { email });
    expect((await assigned).flags).toEqual([{ kind: "restricted_contact", summary: "Written contact only" }]);
    const id = view.conversationId;

    // A supervisor on A watches the chat that lives between A and B.
    const morgan = track(adviserSocket(a.url, managerCookie));
    await connected(morgan);
    const snapshot = await ok<MonitorView>(morgan, "monitor:snapshot");
    expect(snapshot.active.map((c) => c.conversationId)).toContain(id);
    expect(snapshot.advisers.find((x) => x.name === "Alex Adviser")).toMatchObject({ connected: true, available: true, load: 1 });
    await ok(morgan, "monitor:watch", { conversationId: id });
    const watched = next<{ message: ChatMessageView }>(morgan, "message:new");
    await ok(customer, "message:send", { conversationId: id, clientId: clientId(), text: "watched?" });
    expect((await watched).message.text).toBe("watched?");
    // The monitor on A hears of a change made on B.
    const update = next<MonitorView>(morgan, "monitor:update", (v) => v.advisers.some((x) => x.name === "Catrin Cynghorydd" && x.connected));
    const catrin = await adviserOn(b, catrinCookie);
    await update;

    // Alex (B) transfers to Catrin (B); the customer on A hears of it.
    const toCatrin = next<AdviserChatView>(catrin, "chat:assigned", (c) => c.conversationId === id);
    const toldCustomer = next<{ adviserName: string }>(customer, "chat:assigned");
    const lost = next<{ reason: string }>(alex, "chat:unassigned");
    const catrinId = snapshot.advisers.find((x) => x.name === "Catrin Cynghorydd")!.id;
    expect(await ok(alex, "chat:transfer", { conversationId: id, to: { adviserId: catrinId } })).toEqual({ transferred: true });
    expect((await toCatrin).conversationId).toBe(id);
    expect((await toldCustomer).adviserName).toBe("Catrin");
    expect((await lost).reason).toBe("transferred");

    // Advisers cannot reassign; the supervisor on A moves it back to Alex on B.
    const alexId = snapshot.advisers.find((x) => x.name === "Alex Adviser")!.id;
    expect(await call(alex, "supervisor:reassign", { conversationId: id, adviserId: alexId })).toEqual({ error: { code: "forbidden" } });
    const backToAlex = next<AdviserChatView>(alex, "chat:assigned", (c) => c.conversationId === id);
    const catrinLost = next<{ reason: string }>(catrin, "chat:unassigned");
    expect(await ok(morgan, "supervisor:reassign", { conversationId: id, adviserId: alexId })).toEqual({ reassigned: true });
    await backToAlex;
    expect((await catrinLost).reason).toBe("reassigned");
    // Then takes it over: the customer's messages now reach the supervisor.
    const taken = await ok<AdviserChatView>(morgan, "supervisor:take-over", { conversationId: id });
    expect(taken.conversationId).toBe(id);
    const toMorgan = next<{ message: ChatMessageView }>(morgan, "message:new", (m) => m.message.text === "after take-over");
    await ok(customer, "message:send", { conversationId: id, clientId: clientId(), text: "after take-over" });
    await toMorgan;
    const reply = next<{ message: ChatMessageView }>(customer, "message:new");
    await ok(morgan, "message:send", { conversationId: id, clientId: clientId(), text: "Morgan here" });
    expect((await reply).message.authorName).toBe("Morgan");
    expect(await call(alex, "message:send", { conversationId: id, clientId: clientId(), text: "not mine now" })).toEqual({ error: { code: "not_assigned" } });
    await ok(morgan, "chat:end", { conversationId: id });
    for (const s of [alex, catrin, morgan]) s.disconnect();
  });

  it("a customer who closes the tab is ended after the grace period, freeing the adviser's seat", async () => {
    await reset();
    const alex = await adviserOn(b, alexCookie);
    const customer = await customerOn(a);
    const assigned = next<AdviserChatView>(alex, "chat:assigned");
    const view = await start(customer);
    await assigned;
    const ended = next<{ conversationId: string; by: string }>(alex, "chat:ended", (e) => e.conversationId === view.conversationId, 30_000);
    customer.disconnect();
    expect((await ended).by).toBe("system");
    alex.disconnect();
  });

  it("each adviser event asks for its capability with the account as it is now, on both instances (issue 12)", async () => {
    await reset();
    // The Head of Customer Contact (chat.answer and chat.supervise), used by no other test here.
    const headCookie = await staffCookie(a.url, "head@doorstep.example", "demo-head-2026");
    const { rows: before } = await sql.query(`SELECT id, roles::text[] AS roles FROM "StaffUser" WHERE email = 'head@doorstep.example'`);
    const head = before[0] as { id: string; roles: string[] };
    const setRoles = (roles: string[]) => sql.query(`UPDATE "StaffUser" SET roles = $2::text[]::"StaffRole"[] WHERE id = $1`, [head.id, roles]);
    try {
      const onA = track(adviserSocket(a.url, headCookie));
      const onB = await adviserOn(b, headCookie);
      await connected(onA);
      await ok(onA, "monitor:snapshot");
      const customer = await customerOn(a);
      const assigned = next<AdviserChatView>(onB, "chat:assigned");
      const view = await start(customer);
      expect((await assigned).conversationId).toBe(view.conversationId);
      const id = view.conversationId;

      // Supervising taken away while connected: the monitor is refused at the next event, answering is not.
      await setRoles(["adviser"]);
      expect(await call(onA, "monitor:snapshot")).toEqual({ error: { code: "forbidden" } });
      expect(await call(onB, "monitor:watch", { conversationId: id })).toEqual({ error: { code: "forbidden" } });
      await ok(onB, "message:send", { conversationId: id, clientId: clientId(), text: "still an adviser" });

      // Answering taken away: every chat event is refused on both instances, and nothing is written.
      await setRoles(["case_officer"]);
      for (const [socket, event, payload] of <[Socket, string, unknown][]>[
        [onB, "message:send", { conversationId: id, clientId: clientId(), text: "no longer an adviser" }],
        [onB, "note:add", { conversationId: id, clientId: clientId(), text: "no longer an adviser" }],
        [onA, "adviser:sync", { lastSeqs: {} }],
        [onA, "adviser:availability", { available: true }],
        [onB, "case:create", { conversationId: id, type: "ENQ", summary: "no longer an adviser" }],
        [onB, "chat:end", { conversationId: id }],
      ]) {
        expect(await call(socket, event, payload), event).toEqual({ error: { code: "forbidden" } });
      }
      const { rows: written } = await sql.query(`SELECT count(*)::int AS n FROM "ChatMessage" WHERE "conversationId" = $1 AND text = 'no longer an adviser'`, [id]);
      expect(written[0].n).toBe(0);
      const { rows: chat } = await sql.query(`SELECT status, "caseId" FROM "ChatConversation" WHERE id = $1`, [id]);
      expect(chat[0]).toEqual({ status: "active", caseId: null });

      // Given back, and then the account closed: refused again.
      await setRoles(head.roles);
      await ok(onA, "monitor:snapshot");
      await sql.query(`UPDATE "StaffUser" SET active = false WHERE id = $1`, [head.id]);
      expect(await call(onA, "monitor:snapshot")).toEqual({ error: { code: "forbidden" } });
    } finally {
      await sql.query(`UPDATE "StaffUser" SET roles = $2::text[]::"StaffRole"[], active = true WHERE id = $1`, [head.id, head.roles]);
    }
  });

  it("an adviser's sockets on B end when they sign out on A", async () => {
    const page = new BrowserLikeClient(a.url);
    await page.get("/staff/sign-in");
    await page.post("/staff/sign-in", { email: ADVISER[0], password: ADVISER[1] });
    const s = track(adviserSocket(b.url, page.cookieHeader()));
    await connected(s);
    const gone = new Promise<string>((resolve) => s.once("disconnect", (reason) => resolve(reason)));
    await page.get("/staff");
    expect((await page.post("/staff/sign-out", {})).status).toBe(302);
    expect(await gone).toBe("io server disconnect");
    // And the same cookie is refused at the handshake now.
    const again = track(adviserSocket(b.url, page.cookieHeader()));
    await expect(connected(again)).rejects.toThrow(/forbidden/);
  });
});
