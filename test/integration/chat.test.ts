// Live chat against the real production server with real socket.io clients: messages both
// ways, no loss or duplicates across a dropped network, retries and a killed server; the
// queue, Welsh routing, capacity and reassignment; leaving a message; bad input.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdviserChatView, ChatMessageView, CustomerConversationView, MonitorView, StatusView } from "../../server/domain/chat/events";
import { BrowserLikeClient } from "../support/browser-like-client";
import { startTestServer, type TestServer } from "../support/server";
import {
  ADVISER,
  adviserSocket,
  call,
  collect,
  connected,
  customerSocket,
  MANAGER,
  next,
  ok,
  restartServer,
  sleep,
  staffCookie,
  WELSH_ADVISER,
} from "./chat-helpers";

const ENV = {
  CHAT_OFFICE_HOURS: "always",
  CHAT_DISCONNECT_GRACE_SECONDS: "2",
  CHAT_WELSH_FALLBACK_SECONDS: "1",
  CHAT_ANSWER_TIMEOUT_SECONDS: "600",
};

/** Raw emails written to a server's mail folder that are addressed to `address`. */
function mailsTo(dir: string, address: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files.map((f) => readFileSync(path.join(dir, f), "utf8")).filter((raw) => new RegExp(`^To: .*${address.replace(/[.+]/g, "\\$&")}`, "im").test(raw));
}

async function waitFor(condition: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(100);
  }
}

/** The contact form, sent as a person would (demo mode: no fill-time check). */
async function askOnContactForm(url: string, email: string) {
  const v = new BrowserLikeClient(url);
  await v.get("/contact");
  await v.post("/contact", { question: "Where is my request?" });
  await v.get("/contact/details");
  await v.post("/contact/details", { name: "Sam", email });
  await v.get("/contact/check");
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(v.lastHtml)![1]!;
  const sent = await v.post("/contact/check", { idempotencyKey: key });
  if (sent.status !== 302) throw new Error(`contact form: ${sent.status}`);
}

let server: TestServer;
let restarted: ChildProcess | undefined;
const sockets: Socket[] = [];
const track = <T extends Socket>(s: T) => (sockets.push(s), s);
let adviserCookie: string;
let welshCookie: string;

beforeAll(async () => {
  server = await startTestServer(ENV);
  adviserCookie = await staffCookie(server.url, ...ADVISER);
  welshCookie = await staffCookie(server.url, ...WELSH_ADVISER);
}, 400_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  if (restarted && restarted.exitCode === null) {
    const exited = new Promise((r) => restarted!.once("exit", r));
    restarted.kill("SIGTERM");
    await exited;
  }
  // The first server process was killed in the restart test (it has a signal, not an exit code).
  if (server && server.process.exitCode === null && server.process.signalCode === null) await server.stop();
  else if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

const start = (s: Socket, over: Record<string, unknown> = {}) =>
  ok<CustomerConversationView>(s, "chat:start", { lang: "en", topic: "data_protection", name: "Sam Customer", email: "sam@example.com", transcriptConsent: true, ...over });

async function adviser(cookie = adviserCookie, available = true) {
  const s = track(adviserSocket(server.url, cookie));
  await connected(s);
  await ok(s, "adviser:availability", { available });
  return s;
}

let n = 0;
const clientId = () => `test-${Date.now().toString(36)}-${(n++).toString(36)}`;

async function endAll(...pairs: [Socket, string][]) {
  for (const [s, id] of pairs) await call(s, "chat:end", { conversationId: id });
}

describe("live chat", () => {
  it("customer and adviser exchange messages; retries do not duplicate", async () => {
    const alex = await adviser();
    const customer = track(customerSocket(server.url));
    await connected(customer);
    const status = await ok<StatusView>(customer, "chat:status");
    expect(status.open).toBe(true);

    const assignedToAdviser = next<AdviserChatView>(alex, "chat:assigned");
    const assignedToCustomer = next<{ adviserName: string }>(customer, "chat:assigned");
    const view = await start(customer);
    expect(view.status).toBe("queued");
    expect(view.token).toMatch(/\./);
    const chat = await assignedToAdviser;
    expect(chat.conversationId).toBe(view.conversationId);
    expect(chat.customerName).toBe("Sam Customer");
    expect((await assignedToCustomer).adviserName).toBe("Alex");

    const atAdviser = collect<{ message: ChatMessageView }>(alex, "message:new");
    const id = clientId();
    const first = await ok<ChatMessageView>(customer, "message:send", { conversationId: view.conversationId, clientId: id, text: "Hello, <b>can</b> you help?" });
    const retry = await ok<ChatMessageView>(customer, "message:send", { conversationId: view.conversationId, clientId: id, text: "Hello, <b>can</b> you help?" });
    expect(retry.seq).toBe(first.seq);
    expect(retry.id).toBe(first.id);

    const reply = next<{ message: ChatMessageView }>(customer, "message:new");
    await ok(alex, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "Yes, of course." });
    const answer = (await reply).message;
    expect(answer).toMatchObject({ author: "adviser", text: "Yes, of course.", authorName: "Alex" });
    // A retry is answered with the stored message and takes no sequence number of its own.
    expect(answer.seq).toBe(first.seq + 1);
    await sleep(200);
    expect(atAdviser.map((m) => m.message.text)).toEqual(["Hello, <b>can</b> you help?"]);

    // Internal notes never reach the customer.
    const customerSaw = collect<{ message: ChatMessageView }>(customer, "message:new");
    await ok(alex, "note:add", { conversationId: view.conversationId, clientId: clientId(), text: "internal only" });
    await sleep(200);
    expect(customerSaw).toEqual([]);

    // Typing and read receipts cross over.
    const typing = next<{ typing: boolean }>(alex, "typing:update");
    customer.emit("typing:update", { conversationId: view.conversationId, typing: true });
    expect((await typing).typing).toBe(true);
    const read = next<{ upToSeq: number; state: string }>(customer, "receipt:update");
    alex.emit("receipt:update", { conversationId: view.conversationId, upToSeq: first.seq, state: "read" });
    expect(await read).toMatchObject({ upToSeq: first.seq, state: "read" });

    // Either side can end; the customer then rates it.
    const ended = next<{ by: string }>(alex, "chat:ended");
    await ok(customer, "chat:end", { conversationId: view.conversationId });
    expect((await ended).by).toBe("customer");
    expect(await call(customer, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "too late" })).toEqual({ error: { code: "ended" } });
    expect(await ok(customer, "chat:rate", { conversationId: view.conversationId, rating: 5, comment: "Helpful" })).toEqual({ rated: true });
    expect(await ok(customer, "transcript:email", { conversationId: view.conversationId, email: "sam@example.com" })).toEqual({ queued: true });
    alex.disconnect();
  });

  it("the customer's network drops while the adviser sends 5: all 5 arrive once after reconnecting", async () => {
    const alex = await adviser();
    let customer = track(customerSocket(server.url));
    await connected(customer);
    const assigned = next<AdviserChatView>(alex, "chat:assigned");
    const view = await start(customer);
    await assigned;
    const hello = await ok<ChatMessageView>(customer, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "hi" });

    customer.disconnect();
    const sent: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const m = await ok<ChatMessageView>(alex, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: `answer ${i}` });
      sent.push(m.seq);
    }
    // A new connection, as after a reload: the signed token and the last sequence number seen.
    customer = track(customerSocket(server.url));
    await connected(customer);
    const resumed = await ok<CustomerConversationView>(customer, "chat:resume", { token: view.token, lastSeq: hello.seq });
    expect(resumed.messages.map((m) => m.text)).toEqual(["answer 1", "answer 2", "answer 3", "answer 4", "answer 5"]);
    expect(resumed.messages.map((m) => m.seq)).toEqual(sent);
    expect(resumed.status).toBe("active");

    // The customer's outbox resends a message whose acknowledgement it never saw: still one message.
    const pendingId = clientId();
    await ok(customer, "message:send", { conversationId: view.conversationId, clientId: pendingId, text: "did you get this?" });
    await ok(customer, "message:send", { conversationId: view.conversationId, clientId: pendingId, text: "did you get this?" });
    const all = await ok<CustomerConversationView>(customer, "chat:resume", { token: view.token, lastSeq: 0 });
    expect(all.messages.filter((m) => m.clientId === pendingId)).toHaveLength(1);
    expect(new Set(all.messages.map((m) => m.seq)).size).toBe(all.messages.length);
    await endAll([alex, view.conversationId]);
    alex.disconnect();
  });

  it("refuses bad input with typed errors and keeps serving everyone else", async () => {
    const customer = track(customerSocket(server.url));
    const other = track(customerSocket(server.url));
    await Promise.all([connected(customer), connected(other)]);
    const view = await start(customer);

    expect(await call(customer, "chat:start", { lang: "fr" })).toEqual({ error: { code: "invalid_payload" } });
    expect(await call(customer, "message:send", "not an object")).toEqual({ error: { code: "invalid_payload" } });
    expect(await call(customer, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "x".repeat(2001) })).toEqual({ error: { code: "too_long" } });
    expect(await call(customer, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "   " })).toEqual({ error: { code: "invalid_payload" } });
    // Someone else's conversation, and a forged token.
    expect(await call(other, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "hijack" })).toEqual({ error: { code: "forbidden" } });
    const [id, issued] = view.token.split(".");
    expect(await call(other, "chat:resume", { token: `${id}.${issued}.forgedsignatureAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, lastSeq: 0 })).toEqual({ error: { code: "invalid_token" } });
    // A customer connection with no Origin header is a script, not the widget.
    const bare = track(io(`${server.url}/chat`, { transports: ["websocket"], forceNew: true, reconnection: false }));
    await expect(connected(bare)).rejects.toThrow(/forbidden/);
    // Transcripts go only to the address given when the chat started.
    expect(await call(customer, "transcript:email", { conversationId: view.conversationId, email: "someone-else@example.com" })).toEqual({ error: { code: "forbidden" } });
    // Customers cannot use the advisers' namespace.
    const intruder = track(adviserSocket(server.url, ""));
    await expect(connected(intruder)).rejects.toThrow(/forbidden/);

    expect(await ok(customer, "chat:end", { conversationId: view.conversationId })).toEqual({ ended: true });
    // A flood is cut off on that connection; another connection is still served.
    const results = await Promise.all(Array.from({ length: 40 }, () => call<StatusView>(customer, "chat:status", undefined, 3000).catch(() => ({ error: { code: "timeout" } }))));
    expect(results.some((r) => "error" in r && r.error.code === "rate_limited")).toBe(true);
    expect("data" in (await call<StatusView>(other, "chat:status"))).toBe(true);
  });

  it("queues first come, first served, up to each adviser's limit, and assigns the next customer", async () => {
    const customers = await Promise.all(Array.from({ length: 4 }, async () => connected(track(customerSocket(server.url)))));
    const views: CustomerConversationView[] = [];
    for (const c of customers) {
      views.push(await start(c));
      await sleep(20);
    }
    const positions = await Promise.all(customers.map((c, i) => ok<CustomerConversationView>(c, "chat:resume", { token: views[i]!.token, lastSeq: 0 })));
    const queued = positions.map((p) => p.position);
    expect(queued).toEqual([...queued].sort((a, b) => a! - b!));

    const alex = await adviser();
    const got: AdviserChatView[] = [];
    alex.on("chat:assigned", (c: AdviserChatView) => got.push(c));
    const sync = await ok<{ chats: AdviserChatView[] }>(alex, "adviser:sync", { lastSeqs: {} });
    await sleep(1500);
    const mine = [...sync.chats, ...got].map((c) => c.conversationId);
    const ours = views.map((v) => v.conversationId);
    // Limit 3: the three oldest, not the fourth.
    expect(ours.slice(0, 3).every((id) => mine.includes(id))).toBe(true);
    expect(mine).not.toContain(ours[3]);
    const fourth = await ok<CustomerConversationView>(customers[3]!, "chat:resume", { token: views[3]!.token, lastSeq: 0 });
    expect(fourth.status).toBe("queued");
    expect(fourth.position).toBe(1);

    // One ends: the fourth customer is assigned automatically.
    const assigned = next<{ adviserName: string }>(customers[3]!, "chat:assigned");
    await ok(alex, "chat:end", { conversationId: ours[0] });
    expect((await assigned).adviserName).toBe("Alex");
    await endAll([alex, ours[1]!], [alex, ours[2]!], [alex, ours[3]!]);
    alex.disconnect();
  });

  it("sends Welsh chats to Welsh speakers, falls back only with consent, and reassigns when an adviser disconnects", async () => {
    const alex = await adviser();
    const customer = track(customerSocket(server.url));
    await connected(customer);
    const offer = next(customer, "chat:fallback-offer");
    const view = await start(customer, { lang: "cy" });
    await offer;
    let state = await ok<CustomerConversationView>(customer, "chat:resume", { token: view.token, lastSeq: 0 });
    expect(state.status).toBe("queued");

    // A Welsh speaker becomes available: the chat goes to them.
    const assigned = next<{ adviserName: string }>(customer, "chat:assigned");
    let catrin = await adviser(welshCookie);
    expect((await assigned).adviserName).toBe("Catrin");

    // A second Welsh chat while Catrin is... available still goes to Catrin (prefers Welsh).
    // Now Catrin drops off for longer than the grace: her chat goes back and, with consent, to Alex.
    const requeued = next(customer, "chat:requeued");
    catrin.disconnect();
    await requeued;
    await sleep(300);
    state = await ok<CustomerConversationView>(customer, "chat:resume", { token: view.token, lastSeq: 0 });
    expect(state.status).toBe("queued");
    const toAlex = next<AdviserChatView>(alex, "chat:assigned", (c) => c.conversationId === view.conversationId);
    await ok(customer, "chat:accept-fallback", { conversationId: view.conversationId });
    const chat = await toAlex;
    expect(chat.lang).toBe("cy");

    // Transfer to the Welsh queue: back in the queue, and to Catrin when she returns.
    catrin = await adviser(welshCookie, false);
    await ok(alex, "chat:transfer", { conversationId: view.conversationId, to: { queue: "cy" } });
    const toCatrin = next<AdviserChatView>(catrin, "chat:assigned", (c) => c.conversationId === view.conversationId);
    await ok(catrin, "adviser:availability", { available: true });
    expect((await toCatrin).messages.length).toBeGreaterThanOrEqual(0);
    await endAll([catrin, view.conversationId]);
    alex.disconnect();
    catrin.disconnect();
  });

  it("offline: leaving a message creates an ENQ case once, with the conversation kept; refused while chat is open; limited per address", async () => {
    // Offered only when chat is closed (or the queue full): while open, the customer is told to chat.
    const open = track(customerSocket(server.url));
    await connected(open);
    const input = { lang: "cy", topic: "foi", name: "Siân", email: "sian@example.com", text: "Ble mae fy nghais?", idempotencyKey: clientId() };
    expect(await call(open, "chat:leave-message", input)).toEqual({ error: { code: "unavailable" } });

    const closed = await startTestServer({ ...ENV, CHAT_OFFICE_HOURS: "closed" });
    try {
      const customer = track(customerSocket(closed.url));
      await connected(customer);
      const { reference } = await ok<{ reference: string }>(customer, "chat:leave-message", input);
      expect(reference).toMatch(/^ENQ\d{7}$/);
      expect((await ok<{ reference: string }>(customer, "chat:leave-message", input)).reference).toBe(reference);
      // Each message makes a case and an email. The email goes only while the typed address's
      // mailbox is within the day's emails, one count shared with the public forms (issue 12):
      // a mailbox that has had its five from the contact form gets no sixth from here, though
      // the message itself is taken. Five messages an hour from one address.
      await ok(customer, "chat:leave-message", { ...input, idempotencyKey: clientId() });
      const victim = `victim-${clientId().slice(0, 8)}@example.com`;
      for (let i = 0; i < 5; i++) await askOnContactForm(closed.url, victim);
      await waitFor(() => mailsTo(closed.mailDir, victim).length >= 5);
      expect((await ok<{ reference: string }>(customer, "chat:leave-message", { ...input, email: victim, idempotencyKey: clientId() })).reference).toMatch(/^ENQ\d{7}$/);
      await ok(customer, "chat:leave-message", { ...input, email: "other@example.com", idempotencyKey: clientId() });
      expect(await call(customer, "chat:leave-message", { ...input, email: "third@example.com", idempotencyKey: clientId() })).toEqual({ error: { code: "rate_limited" } });
      // Mail goes out in order: once other@'s acknowledgement is written, the victim's would have been.
      await waitFor(() => mailsTo(closed.mailDir, "other@example.com").length > 0);
      expect(mailsTo(closed.mailDir, victim)).toHaveLength(5);
      customer.disconnect();
    } finally {
      await closed.stop();
    }
  }, 300_000);

  it("the server is killed mid-chat and restarted: both sides resume with the full history", async () => {
    const alex = await adviser();
    const customer = track(customerSocket(server.url));
    await connected(customer);
    const assigned = next<AdviserChatView>(alex, "chat:assigned");
    const view = await start(customer);
    await assigned;
    const texts = ["one", "two", "three"];
    for (const text of texts) await ok(customer, "message:send", { conversationId: view.conversationId, clientId: clientId(), text });
    await ok(alex, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "four" });

    server.process.kill("SIGKILL");
    await new Promise((r) => server.process.once("exit", r));
    restarted = await restartServer(server.url, server.dataDir, ENV);

    const alexAgain = track(adviserSocket(server.url, adviserCookie));
    await connected(alexAgain);
    await ok(alexAgain, "adviser:availability", { available: true });
    const sync = await ok<{ chats: AdviserChatView[] }>(alexAgain, "adviser:sync", { lastSeqs: {} });
    const chat = sync.chats.find((c) => c.conversationId === view.conversationId)!;
    expect(chat.messages.map((m) => m.text)).toEqual(["one", "two", "three", "four"]);

    const back = track(customerSocket(server.url));
    await connected(back);
    const resumed = await ok<CustomerConversationView>(back, "chat:resume", { token: view.token, lastSeq: 0 });
    expect(resumed.status).toBe("active");
    expect(resumed.messages.map((m) => m.text)).toEqual(["one", "two", "three", "four"]);
    const reply = next<{ message: ChatMessageView }>(back, "message:new");
    await ok(alexAgain, "message:send", { conversationId: view.conversationId, clientId: clientId(), text: "five" });
    expect((await reply).message.seq).toBeGreaterThan(resumed.lastSeq);
  }, 180_000);

  it("unacceptable behaviour: restricted contact is set only by a manager's review, then shown before the next first reply", async () => {
    const email = `abusive-${Date.now()}@example.com`;
    const alex = await adviser();
    const customer = track(customerSocket(server.url));
    await connected(customer);
    const assigned = next<AdviserChatView>(alex, "chat:assigned");
    const view = await start(customer, { email });
    expect((await assigned).flags).toEqual([]);
    const ended = next(customer, "chat:ended");
    const { reportId } = await ok<{ reportId: string }>(alex, "behaviour:record", { conversationId: view.conversationId, description: "Repeated threats", requestRestriction: true, endChat: true });
    await ended;

    // Advisers cannot review; a manager can.
    const adviserPage = new BrowserLikeClient(server.url);
    await adviserPage.get("/staff/sign-in");
    await adviserPage.post("/staff/sign-in", { email: ADVISER[0], password: ADVISER[1] });
    expect((await adviserPage.get("/staff/chat/behaviour")).status).toBe(403);
    const manager = new BrowserLikeClient(server.url);
    await manager.get("/staff/sign-in");
    await manager.post("/staff/sign-in", { email: MANAGER[0], password: MANAGER[1] });
    expect((await manager.get("/staff/chat/behaviour")).status).toBe(200);
    expect(manager.lastHtml).toContain("Repeated threats");
    // A flag without its restriction, or a reason over the limit, is said against its box (the form kit's fields and error summary).
    for (const [fields, box, message] of [
      [{ restriction: "", note: "" }, "restriction", "Enter the restriction to record"],
      [{ restriction: "Written contact only", note: "x".repeat(2001) }, "note", "The reason must be 2,000 characters or fewer"],
    ] as const) {
      const refused = await manager.post("/staff/chat/behaviour", { reportId, decision: "approve_flag", ...fields });
      expect(refused.headers.get("location")).toBe(`/staff/chat/behaviour?error=${box}&report=${reportId}`);
      await manager.get(refused.headers.get("location")!);
      expect(manager.lastHtml).toContain(`<a href="#${box}-${reportId}">${message}</a>`);
      expect(manager.lastHtml).toContain(`id="${box}-${reportId}-error"`);
    }
    const res = await manager.post("/staff/chat/behaviour", { reportId, decision: "approve_flag", restriction: "Written contact only", note: "" });
    expect(res.status).toBe(302);

    // The same customer comes back: the adviser sees the flag with the chat, before replying.
    const again = track(customerSocket(server.url));
    await connected(again);
    const second = next<AdviserChatView>(alex, "chat:assigned");
    const view2 = await start(again, { email });
    const chat = await second;
    expect(chat.flags).toEqual([{ kind: "restricted_contact", summary: "Written contact only" }]);
    await endAll([alex, view2.conversationId]);
    alex.disconnect();
  });

  it("supervisors see the queue and advisers; advisers cannot", async () => {
    const managerCookie = await staffCookie(server.url, ...MANAGER);
    const morgan = track(adviserSocket(server.url, managerCookie));
    await connected(morgan);
    const snapshot = await ok<{ queueLength: number; advisers: { name: string }[] }>(morgan, "monitor:snapshot");
    expect(snapshot.advisers.map((a) => a.name)).toContain("Alex Adviser");
    const alex = await adviser(adviserCookie, false);
    expect(await call(alex, "monitor:snapshot")).toEqual({ error: { code: "forbidden" } });
  });
});

describe("one waiting chat per browser", () => {
  it("a second tab of the same browser joins its chat instead of queueing twice; another browser queues on its own", async () => {
    const managerCookie = await staffCookie(server.url, ...MANAGER);
    const morgan = track(adviserSocket(server.url, managerCookie));
    await connected(morgan);
    const waiting = async () => {
      const view = await ok<MonitorView>(morgan, "monitor:snapshot");
      return new Set([...view.queue, ...view.active].map((c) => c.conversationId));
    };
    const before = await waiting();
    const browserId = `browser-${Date.now().toString(36)}-0123456789abcdef`;

    // Two tabs press Start at the same moment: one chat between them.
    const [tabA, tabB] = [track(customerSocket(server.url)), track(customerSocket(server.url))];
    await Promise.all([connected(tabA), connected(tabB)]);
    const [a, b] = await Promise.all([start(tabA, { browserId }), start(tabB, { browserId })]);
    expect(b.conversationId).toBe(a.conversationId);
    // A third tab opened later joins it too; what one tab writes reaches the others.
    const tabC = track(customerSocket(server.url));
    await connected(tabC);
    const c = await start(tabC, { browserId });
    expect(c.conversationId).toBe(a.conversationId);
    const inA = next<{ message: ChatMessageView }>(tabA, "message:new");
    const inB = next<{ message: ChatMessageView }>(tabB, "message:new");
    const fromC = await ok<ChatMessageView>(tabC, "message:send", { conversationId: a.conversationId, clientId: clientId(), text: "From the third tab" });
    expect((await inA).message.id).toBe(fromC.id);
    expect((await inB).message.id).toBe(fromC.id);

    // Another browser is a different person: its own chat.
    const other = track(customerSocket(server.url));
    await connected(other);
    const o = await start(other, { browserId: `browser-${Date.now().toString(36)}-fedcba9876543210` });
    expect(o.conversationId).not.toBe(a.conversationId);
    // The whole deployment holds two new chats, not four.
    const added = [...(await waiting())].filter((id) => !before.has(id));
    expect(added.sort()).toEqual([a.conversationId, o.conversationId].sort());

    // Once it has ended, the same browser starts a new chat.
    await endAll([tabA, a.conversationId], [other, o.conversationId]);
    const tabD = track(customerSocket(server.url));
    await connected(tabD);
    const d = await start(tabD, { browserId });
    expect(d.conversationId).not.toBe(a.conversationId);
    await endAll([tabD, d.conversationId]);
  });

  it("one connection holds one place in the queue: starting again, without a browser id or with a new one each time, gives back its chat (issue 12)", async () => {
    const script = track(customerSocket(server.url));
    await connected(script);
    const first = await start(script);
    const again = await Promise.all([start(script), start(script, { browserId: `browser-${Date.now().toString(36)}-aaaaaaaaaaaaaaaa` }), start(script, { browserId: `browser-${Date.now().toString(36)}-bbbbbbbbbbbbbbbb` })]);
    expect(again.map((v) => v.conversationId)).toEqual([first.conversationId, first.conversationId, first.conversationId]);
    // Once it has ended, that connection may start a new one.
    await endAll([script, first.conversationId]);
    const fresh = await start(script);
    expect(fresh.conversationId).not.toBe(first.conversationId);
    await endAll([script, fresh.conversationId]);
  });
});
