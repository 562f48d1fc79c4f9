// The adviser's side of the chat protocol, without any UI (like widget/app/client.ts for the
// customer): one socket to the adviser namespace; after every (re)connection it says again
// whether the adviser takes chats and catches up with `adviser:sync`, then keeps the chats in
// step with the server's events. The console's React components only read `state` and call
// the methods; nothing here imports React.
import { io, type Socket } from "socket.io-client";
import type { Ack, AdviserChatView, AdviserClientEvents, AdviserServerEvents, ChatMessageView } from "../../shared/chat/events";
import { ADVISER_NAMESPACE } from "../../shared/chat/events";

/** A reply or note written but not yet acknowledged by the server: kept, and sent again with the same client id. */
export type PendingReply = { clientId: string; text: string; asNote: boolean };
export type ChatState = AdviserChatView & { unread: number; typing: boolean; ended: boolean; notice: string | null; pending: PendingReply[] };
/** What the server could not take for now (connection lost, database away, acknowledgement timed out). */
const transient = (code: string) => code === "internal" || code === "rate_limited";
const RETRY_MS = 3_000;
const CATCH_UP_MS = 15_000;
export type ConsoleState = { connected: boolean; available: boolean; chats: ChatState[] };
export type AdviserSocket = Socket<AdviserServerEvents, AdviserClientEvents>;

let idCounter = 0;
export const newClientId = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `c-${Date.now()}-${idCounter++}`);

/** Messages by sequence number: one seen twice (a resume overlapping a live event) is kept once. */
export function mergeMessages(a: ChatMessageView[], b: ChatMessageView[]) {
  const bySeq = new Map(a.map((m) => [m.seq, m]));
  for (const m of b) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

/** An event with an acknowledgement, as a promise; a timeout or lost connection reads as `internal`. */
export function call<T>(socket: AdviserSocket, event: keyof AdviserClientEvents, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
  return new Promise((resolve) =>
    (socket.timeout(timeoutMs) as unknown as { emit(e: string, p: unknown, cb: (err: unknown, r: Ack<T>) => void): void }).emit(event, payload, (err, res) =>
      resolve(err ? { error: { code: "internal" } } : res),
    ),
  );
}

export class AdviserChatClient {
  readonly socket: AdviserSocket;
  state: ConsoleState = { connected: false, available: false, chats: [] };
  private listeners = new Set<() => void>();
  /** What the adviser asked for, said again to the server after every reconnection or restart. */
  private wantAvailable = false;
  private flushing = new Set<string>();
  private retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private resumeTimer: ReturnType<typeof setTimeout> | undefined;
  private catchingUp = false;
  private catchUpTimer: ReturnType<typeof setInterval>;

  constructor(socket: AdviserSocket = io(ADVISER_NAMESPACE, { transports: ["websocket", "polling"] })) {
    this.socket = socket;
    const s = socket;
    this.catchUpTimer = setInterval(() => void this.catchUp(), CATCH_UP_MS);
    s.on("connect", () => void this.resume());
    s.on("disconnect", () => this.set({ connected: false }));
    s.on("chat:assigned", (view) => this.upsert(view, { ended: false, notice: null }));
    s.on("chat:unassigned", ({ conversationId }) => this.set({ chats: this.state.chats.filter((c) => c.conversationId !== conversationId) }));
    s.on("message:new", ({ conversationId, message }) => {
      // A message for a chat this console has not heard of yet (it was assigned a moment ago): catch up.
      const known = this.state.chats.find((c) => c.conversationId === conversationId);
      if (!known) {
        void call<{ chats: AdviserChatView[] }>(s, "adviser:sync", { lastSeqs: {} }).then((res) => "data" in res && res.data.chats.forEach((c) => this.upsert(c)));
        return;
      }
      // A gap in the sequence: a live event was missed (instances briefly cut off from each other).
      if (message.seq > (known.messages.at(-1)?.seq ?? 0) + 1) void this.catchUp();
      this.patch(conversationId, (c) => ({
        messages: mergeMessages(c.messages, [message]),
        unread: message.author === "customer" ? c.unread + 1 : c.unread,
        typing: message.author === "customer" ? false : c.typing,
      }));
    });
    s.on("typing:update", ({ conversationId, typing }) => this.patch(conversationId, () => ({ typing })));
    s.on("receipt:update", ({ conversationId, upToSeq, state }) => state === "read" && this.patch(conversationId, (c) => ({ customerReadSeq: Math.max(c.customerReadSeq, upToSeq) })));
    s.on("chat:ended", ({ conversationId }) => this.patch(conversationId, () => ({ ended: true, typing: false })));
  }

  /**
   * Gets what this console missed without a reconnection: live events between instances go
   * through PostgreSQL, and one sent while an instance was cut off from it (a database restart)
   * never arrives. Asked for on a gap in a chat's sequence and every CATCH_UP_MS in any case.
   */
  private async catchUp() {
    if (!this.socket.connected || this.catchingUp) return;
    this.catchingUp = true;
    try {
      const lastSeqs = Object.fromEntries(this.state.chats.map((c) => [c.conversationId, c.messages.at(-1)?.seq ?? 0]));
      const res = await call<{ chats: AdviserChatView[] }>(this.socket, "adviser:sync", { lastSeqs });
      if ("data" in res) for (const c of res.data.chats) this.upsert(c);
    } finally {
      this.catchingUp = false;
    }
  }

  subscribe(fn: () => void) {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  disconnect() {
    clearInterval(this.catchUpTimer);
    this.socket.disconnect();
  }

  private set(patch: Partial<ConsoleState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  private upsert(view: AdviserChatView, patch: Partial<ChatState> = {}) {
    const list = this.state.chats;
    const existing = list.find((c) => c.conversationId === view.conversationId);
    const chats = existing
      ? list.map((c) => (c === existing ? { ...c, ...view, messages: mergeMessages(c.messages, view.messages), ...patch } : c))
      : [...list, { ...view, unread: view.messages.filter((m) => m.author === "customer").length, typing: false, ended: false, notice: null, pending: [], ...patch }];
    this.set({ chats });
  }

  /** Changes one chat (nothing when the console does not have it). */
  patch(conversationId: string, fn: (c: ChatState) => Partial<ChatState>) {
    this.set({ chats: this.state.chats.map((c) => (c.conversationId === conversationId ? { ...c, ...fn(c) } : c)) });
  }

  /** After any reconnection (or a server restart): say again whether we take chats, then catch up. */
  private async resume() {
    this.set({ connected: true });
    clearTimeout(this.resumeTimer);
    const availability = await call(this.socket, "adviser:availability", { available: this.wantAvailable });
    const lastSeqs = Object.fromEntries(this.state.chats.map((c) => [c.conversationId, c.messages.at(-1)?.seq ?? 0]));
    const res = "data" in availability ? await call<{ chats: AdviserChatView[]; available: boolean }>(this.socket, "adviser:sync", { lastSeqs }) : availability;
    if ("data" in res) {
      for (const c of res.data.chats) this.upsert(c);
      this.set({ available: res.data.available });
    } else if (transient(res.error.code)) {
      // A busy or restarting server (no answer in time, database away): try again, or the
      // console would miss what happened meanwhile until the next reconnection.
      this.resumeTimer = setTimeout(() => this.socket.connected && void this.resume(), RETRY_MS);
    }
    for (const c of this.state.chats) if (c.pending.length) void this.flush(c.conversationId);
  }

  async setAvailable(available: boolean) {
    this.wantAvailable = available;
    const res = await call<{ available: boolean }>(this.socket, "adviser:availability", { available });
    if ("data" in res) this.set({ available: res.data.available });
  }

  /**
   * Sends a message or an internal note; our own message comes back in the acknowledgement (the
   * server does not echo it to this socket). One the server cannot take for now is kept in the
   * chat's `pending` and sent again, with the same client id, after a reconnection and every few
   * seconds (the server keeps one message per client id, so a resend after a lost acknowledgement
   * is not a second message): the answer is then `{ held: true }` and the box can be cleared.
   */
  async send(conversationId: string, text: string, asNote: boolean): Promise<Ack<ChatMessageView> | { held: true }> {
    const reply: PendingReply = { clientId: newClientId(), text, asNote };
    const waiting = this.state.chats.find((c) => c.conversationId === conversationId)?.pending.length ?? 0;
    this.patch(conversationId, (c) => ({ pending: [...c.pending, reply] }));
    // Earlier replies still waiting go first: this one joins the queue, in order.
    if (waiting > 0) {
      void this.flush(conversationId);
      return { held: true };
    }
    const res = await this.deliver(conversationId, reply);
    if (res && "error" in res && transient(res.error.code)) {
      this.scheduleRetry(conversationId);
      return { held: true };
    }
    // Refused for good (too long, chat ended): not kept, the adviser is told and keeps the text.
    if (!res || "error" in res) this.dropPending(conversationId, reply.clientId);
    return res ?? { error: { code: "internal" } };
  }

  private async deliver(conversationId: string, reply: PendingReply): Promise<Ack<ChatMessageView> | null> {
    if (!this.socket.connected) return { error: { code: "internal" } };
    const res = await call<ChatMessageView>(this.socket, reply.asNote ? "note:add" : "message:send", { conversationId, clientId: reply.clientId, text: reply.text });
    if ("data" in res) this.patch(conversationId, (c) => ({ notice: null, messages: mergeMessages(c.messages, [res.data]), pending: c.pending.filter((p) => p.clientId !== reply.clientId) }));
    return res;
  }

  private dropPending(conversationId: string, clientId: string) {
    this.patch(conversationId, (c) => ({ pending: c.pending.filter((p) => p.clientId !== clientId) }));
  }

  private scheduleRetry(conversationId: string) {
    clearTimeout(this.retryTimers.get(conversationId));
    this.retryTimers.set(conversationId, setTimeout(() => void this.flush(conversationId), RETRY_MS));
  }

  /** Sends a chat's kept replies again, in order, one at a time. */
  private async flush(conversationId: string) {
    if (this.flushing.has(conversationId)) return;
    this.flushing.add(conversationId);
    clearTimeout(this.retryTimers.get(conversationId));
    try {
      for (;;) {
        const reply = this.state.chats.find((c) => c.conversationId === conversationId)?.pending[0];
        if (!reply || !this.socket.connected) return;
        const res = await this.deliver(conversationId, reply);
        if (!res || !("error" in res)) continue;
        if (transient(res.error.code)) return this.scheduleRetry(conversationId);
        // Refused for good now (the chat ended meanwhile): nothing more to send.
        this.dropPending(conversationId, reply.clientId);
      }
    } finally {
      this.flushing.delete(conversationId);
    }
  }

  /** The adviser has seen the chat: tell the customer (read receipt) and clear the unread count. */
  markRead(conversationId: string) {
    const chat = this.state.chats.find((c) => c.conversationId === conversationId);
    if (!chat || chat.unread === 0) return;
    const last = [...chat.messages].reverse().find((m) => m.author === "customer");
    if (last) this.socket.emit("receipt:update", { conversationId, upToSeq: last.seq, state: "read" });
    this.patch(conversationId, () => ({ unread: 0 }));
  }

  typing(conversationId: string) {
    this.socket.emit("typing:update", { conversationId, typing: true });
  }

  setNotice(conversationId: string, notice: string | null) {
    this.patch(conversationId, () => ({ notice }));
  }

  /** Takes an ended chat off the console. */
  dismiss(conversationId: string) {
    this.set({ chats: this.state.chats.filter((c) => c.conversationId !== conversationId) });
  }

  end(conversationId: string) {
    return call<{ ended: true }>(this.socket, "chat:end", { conversationId });
  }

  transfer(conversationId: string, to: { adviserId: string } | { queue: "cy" | "any" }) {
    return call<{ transferred: true }>(this.socket, "chat:transfer", { conversationId, to });
  }

  createCase(conversationId: string, type: string, summary: string) {
    return call<{ reference: string }>(this.socket, "case:create", { conversationId, type, summary });
  }

  recordBehaviour(conversationId: string, input: { description: string; requestRestriction: boolean; endChat: boolean }) {
    return call<{ reportId: string }>(this.socket, "behaviour:record", { conversationId, ...input });
  }
}
