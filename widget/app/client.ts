// The customer's side of the chat protocol, without any UI: resumes with the signed token
// and the last sequence number it has, keeps unsent messages in an outbox (in storage, so a
// reload keeps them too) and resends them with the same client id until acknowledged.
import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type {
  Ack,
  ChatMessageView,
  CustomerClientEvents,
  CustomerConversationView,
  CustomerServerEvents,
  ErrorCode,
  StartChat,
  StatusView,
} from "../../shared/chat/events";

const TOKEN_KEY = "doorstep-chat-token";
const OUTBOX_KEY = "doorstep-chat-outbox";
const BROWSER_KEY = "doorstep-chat-browser";
/** How soon an unsent message is tried again while the connection stays up. */
const RETRY_MS = 3_000;
/** How often an open chat checks it has missed nothing, without a reconnection to prompt it. */
const CATCH_UP_MS = 30_000;

export type Pending = { clientId: string; text: string; error?: ErrorCode };
export type ClientState = {
  connected: boolean;
  conversation: Omit<CustomerConversationView, "messages" | "token"> | null;
  messages: ChatMessageView[];
  pending: Pending[];
  adviserTyping: boolean;
  adviserReadSeq: number;
  fallbackOffered: boolean;
  requeued: boolean;
  error: ErrorCode | null;
};

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;
const memory = new Map<string, string>();
const fallbackStorage: Storage = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };

export function newClientId() {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export class CustomerChatClient {
  readonly socket: Socket<CustomerServerEvents, CustomerClientEvents>;
  state: ClientState = { connected: false, conversation: null, messages: [], pending: [], adviserTyping: false, adviserReadSeq: 0, fallbackOffered: false, requeued: false, error: null };
  private listeners = new Set<() => void>();
  /**
   * "Assigned" events for a conversation we do not know yet: a dispatch can assign a new chat
   * while the server is still answering "chat:start", so the event may overtake the answer.
   */
  private earlyAssignments = new Map<string, string>();
  private storage: Storage;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private lastTypingSent = 0;
  private flushing = false;
  /** This connection holds the conversation (started or resumed on it): sending is allowed. */
  private resumed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private resumeTimer: ReturnType<typeof setTimeout> | undefined;

  /** `socketOptions` only for tests outside a browser (which must send the Origin a browser would). */
  constructor(url: string, storage?: Storage, socketOptions: Partial<ManagerOptions & SocketOptions> = {}) {
    try {
      this.storage = storage ?? window.localStorage;
      this.storage.getItem(TOKEN_KEY);
    } catch {
      this.storage = fallbackStorage;
    }
    this.state.pending = this.readOutbox();
    this.socket = io(`${url}/chat`, { transports: ["websocket", "polling"], reconnectionDelayMax: 5000, ...socketOptions });
    this.socket.on("connect", () => {
      this.set({ connected: true });
      void this.resume();
    });
    // And in any case now and then, for a missed event that no later message reveals.
    setInterval(() => {
      const status = this.state.conversation?.status;
      if (this.resumed && this.socket.connected && (status === "queued" || status === "active")) void this.resume();
    }, CATCH_UP_MS);
    this.socket.on("disconnect", () => {
      // A new connection may send for the conversation only once it has resumed it (the server
      // knows which conversations a socket holds only from chat:start or chat:resume).
      this.resumed = false;
      this.set({ connected: false });
    });
    this.socket.on("message:new", ({ conversationId, message }) => {
      if (conversationId !== this.state.conversation?.conversationId) return;
      // A gap in the sequence: a live event was missed (instances briefly cut off from each other
      // by a database restart). Resuming fetches what is missing.
      if (this.resumed && message.seq > this.lastSeq + 1) void this.resume();
      this.merge([message]);
      if (message.author !== "customer") {
        this.set({ adviserTyping: false });
        this.socket.emit("receipt:update", { conversationId, upToSeq: message.seq, state: "delivered" });
      }
    });
    this.socket.on("queue:update", ({ conversationId, position, estimatedWaitSeconds }) => this.patchConversation(conversationId, { position, estimatedWaitSeconds }));
    this.socket.on("chat:requeued", ({ conversationId, position, estimatedWaitSeconds }) => {
      this.patchConversation(conversationId, { status: "queued", adviserName: null, position, estimatedWaitSeconds });
      this.set({ requeued: true });
    });
    this.socket.on("chat:assigned", ({ conversationId, adviserName }) => {
      if (this.state.conversation?.conversationId !== conversationId) this.earlyAssignments.set(conversationId, adviserName);
      this.patchConversation(conversationId, { status: "active", adviserName, position: null });
      this.set({ requeued: false, fallbackOffered: false });
    });
    this.socket.on("chat:ended", ({ conversationId }) => this.patchConversation(conversationId, { status: "ended" }));
    this.socket.on("chat:fallback-offer", ({ conversationId }) => conversationId === this.state.conversation?.conversationId && this.set({ fallbackOffered: true }));
    this.socket.on("typing:update", ({ conversationId, typing }) => conversationId === this.state.conversation?.conversationId && this.set({ adviserTyping: typing }));
    this.socket.on("receipt:update", ({ conversationId, upToSeq, state }) => {
      if (conversationId === this.state.conversation?.conversationId && state === "read") this.set({ adviserReadSeq: Math.max(this.state.adviserReadSeq, upToSeq) });
    });
  }

  subscribe(fn: () => void) {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  private set(patch: Partial<ClientState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  private patchConversation(conversationId: string, patch: Partial<NonNullable<ClientState["conversation"]>>) {
    if (!this.state.conversation || this.state.conversation.conversationId !== conversationId) return;
    this.set({ conversation: { ...this.state.conversation, ...patch } });
  }

  /** Adds messages by sequence number: a message seen twice is kept once. */
  private merge(messages: ChatMessageView[]) {
    const bySeq = new Map(this.state.messages.map((m) => [m.seq, m]));
    for (const m of messages) bySeq.set(m.seq, m);
    const sent = new Set(messages.map((m) => m.clientId));
    const pending = this.state.pending.filter((p) => !sent.has(p.clientId));
    this.set({ messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq), pending });
    this.writeOutbox(pending);
  }

  get lastSeq() {
    return this.state.messages.at(-1)?.seq ?? 0;
  }

  get hasSavedConversation() {
    return Boolean(this.storage.getItem(TOKEN_KEY));
  }

  private call<E extends keyof CustomerClientEvents, T>(event: E, payload: unknown, timeoutMs = 8000): Promise<Ack<T>> {
    return new Promise((resolve) => {
      (this.socket.timeout(timeoutMs) as unknown as { emit(e: string, p: unknown, cb: (err: unknown, r: Ack<T>) => void): void }).emit(event, payload, (err, response) =>
        resolve(err ? { error: { code: "internal" } } : response),
      );
    });
  }

  status() {
    return this.call<"chat:status", StatusView>("chat:status", undefined);
  }

  private adopt(view: CustomerConversationView) {
    this.storage.setItem(TOKEN_KEY, view.token);
    const { messages, token: _token, ...conversation } = view;
    const early = this.earlyAssignments.get(conversation.conversationId);
    this.earlyAssignments.clear();
    const adopted = early !== undefined && conversation.status === "queued" ? { ...conversation, status: "active" as const, adviserName: early, position: null } : conversation;
    this.set({ conversation: adopted, adviserReadSeq: view.adviserReadSeq, fallbackOffered: view.welshFallbackOffered, error: null });
    this.merge(messages);
  }

  /** This browser's id for the server (one waiting or open chat per browser), made once and kept. */
  private browserId() {
    let id = this.storage.getItem(BROWSER_KEY);
    if (!id || !/^[\w-]{22,64}$/.test(id)) {
      id = `${newClientId()}-${newClientId()}`.slice(0, 64);
      this.storage.setItem(BROWSER_KEY, id);
    }
    return id;
  }

  /** Starts a chat, or joins the one another tab of this browser has already started. */
  async start(input: StartChat) {
    const res = await this.call<"chat:start", CustomerConversationView>("chat:start", { ...input, browserId: this.browserId() });
    if ("data" in res) {
      this.adopt(res.data);
      this.resumed = true;
    }
    return res;
  }

  /** After every (re)connection: get what was missed since the last message we have, then resend the outbox. */
  private async resume() {
    const token = this.storage.getItem(TOKEN_KEY);
    if (!token) return;
    const res = await this.call<"chat:resume", CustomerConversationView>("chat:resume", { token, lastSeq: this.lastSeq });
    if ("error" in res) {
      if (res.error.code === "invalid_token") this.forget();
      // A busy or restarting server (no answer in time, database away): try again, or the chat
      // would stay silent until the next reconnection.
      else if (res.error.code === "internal" || res.error.code === "rate_limited") {
        clearTimeout(this.resumeTimer);
        this.resumeTimer = setTimeout(() => this.socket.connected && void this.resume(), RETRY_MS);
      }
      return;
    }
    this.adopt(res.data);
    this.resumed = true;
    void this.flush();
  }

  send(text: string) {
    const p: Pending = { clientId: newClientId(), text };
    const pending = [...this.state.pending, p];
    this.set({ pending });
    this.writeOutbox(pending);
    void this.flush();
  }

  /**
   * Sends the outbox in order, one at a time, each with its own client id (the server keeps one
   * message per id, so a resend after a lost acknowledgement is not a second message). What the
   * server could not take for now (its database away, an acknowledgement timed out) stays and is
   * tried again: after a reconnection, and every few seconds while connected, as a connection
   * can stay up through a database outage without anything else prompting a resend.
   */
  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    try {
      for (;;) {
        const conversationId = this.state.conversation?.conversationId;
        const p = this.state.pending.find((x) => !x.error);
        if (!p || !conversationId || !this.socket.connected || !this.resumed) return;
        const res = await this.call<"message:send", ChatMessageView>("message:send", { conversationId, clientId: p.clientId, text: p.text });
        if ("data" in res) {
          this.merge([res.data]);
          // The acknowledgement is this message (same client id): never send it again.
          if (this.state.pending.some((x) => x.clientId === p.clientId)) this.discard(p.clientId);
        } else if (res.error.code === "internal" || res.error.code === "rate_limited") {
          this.retryTimer = setTimeout(() => void this.flush(), RETRY_MS);
          return;
        } else {
          // Refused for good (too long, chat ended): shown to the person, never retried.
          const pending = this.state.pending.map((x) => (x.clientId === p.clientId ? { ...x, error: res.error.code } : x));
          this.set({ pending });
          this.writeOutbox(pending);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  discard(clientId: string) {
    const pending = this.state.pending.filter((p) => p.clientId !== clientId);
    this.set({ pending });
    this.writeOutbox(pending);
  }

  typing() {
    const conversationId = this.state.conversation?.conversationId;
    if (!conversationId) return;
    const now = Date.now();
    // Throttled: at most one "typing" a second, and one "stopped" after a pause.
    if (now - this.lastTypingSent > 1500) {
      this.lastTypingSent = now;
      this.socket.emit("typing:update", { conversationId, typing: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.lastTypingSent = 0;
      this.socket.emit("typing:update", { conversationId, typing: false });
    }, 3000);
  }

  markRead() {
    const c = this.state.conversation;
    const last = [...this.state.messages].reverse().find((m) => m.author !== "customer");
    if (c && last) this.socket.emit("receipt:update", { conversationId: c.conversationId, upToSeq: last.seq, state: "read" });
  }

  end() {
    return this.call<"chat:end", { ended: true }>("chat:end", { conversationId: this.state.conversation?.conversationId });
  }

  rate(rating: number, comment: string) {
    return this.call<"chat:rate", { rated: true }>("chat:rate", { conversationId: this.state.conversation?.conversationId, rating, comment: comment || undefined });
  }

  emailTranscript(email: string) {
    return this.call<"transcript:email", { queued: true }>("transcript:email", { conversationId: this.state.conversation?.conversationId, email });
  }

  acceptFallback() {
    return this.call<"chat:accept-fallback", unknown>("chat:accept-fallback", { conversationId: this.state.conversation?.conversationId });
  }

  leaveMessage(input: { lang: "en" | "cy"; topic: string; name: string; email: string; text: string }) {
    return this.call<"chat:leave-message", { reference: string }>("chat:leave-message", { ...input, idempotencyKey: newClientId() });
  }

  /** After the customer has finished with an ended chat. */
  forget() {
    this.storage.removeItem(TOKEN_KEY);
    this.storage.removeItem(OUTBOX_KEY);
    this.set({ conversation: null, messages: [], pending: [], adviserTyping: false, fallbackOffered: false, requeued: false });
  }

  private readOutbox(): Pending[] {
    try {
      return JSON.parse(this.storage.getItem(OUTBOX_KEY) ?? "[]") as Pending[];
    } catch {
      return [];
    }
  }

  private writeOutbox(pending: Pending[]) {
    this.storage.setItem(OUTBOX_KEY, JSON.stringify(pending.filter((p) => !p.error)));
  }
}
