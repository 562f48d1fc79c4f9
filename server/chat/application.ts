// The live chat: two socket.io namespaces on the one HTTP server, customers (signed conversation
// tokens) and advisers (staff session cookie at the handshake), with the shared state in the
// database so that any number of instances serve it together (docs/decisions/0006-live-chat.md,
// 0008-chat-across-instances.md). This module wires the parts; the customer and adviser handlers
// are in their own modules, the queue decisions in coordinator.ts, the rules in domain/chat/.
import { createHash, randomUUID } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Limiter, Limits } from "../limits/index.js";
import type { Server, Socket } from "socket.io";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { can } from "../auth/permissions.js";
import { STAFF_IDLE_MS, type AppSessionStorage } from "../auth/sessions.js";
import type { Config } from "../config.js";
import { activeFlagsForEmail } from "../domain/adjustments/flags.js";
import {
  ADVISER_NAMESPACE,
  CUSTOMER_NAMESPACE,
  type AdviserChatView,
  type AdviserSummary,
  type CustomerConversationView,
  type MonitorView,
  type StatusView,
  type Topic,
} from "../domain/chat/contracts.js";
import { isOpen, parseOfficeHours, type OfficeHours } from "../domain/chat/office-hours.js";
import { chatTransition, type ChatRequeueReason, type ChatSnapshot } from "../domain/chat/status.js";
import type { Logger } from "pino";
import { registerAdviserHandlers, type AdviserSocketData } from "./adviser-handlers.js";
import { ChatCoordinator, HEARTBEAT_MS, PRESENCE_TTL_MS } from "./coordinator.js";
import { registerCustomerHandlers, type CustomerSocketData } from "./customer-handlers.js";
import { adviserRoom, ChatError, customerRoom, firstName, MONITOR_ROOM, Outbound } from "./protocol.js";
import { messagesAfter, toMessageView } from "./store.js";
import { signConversationToken } from "./tokens.js";

export type ChatDeps = {
  prisma: PrismaClient;
  logger: Logger;
  config: Config;
  now: () => Date;
  sessions: AppSessionStorage;
  /** Wakes the mail worker after an email row is written. */
  kickMail: () => void;
  /** Shared rate limits (PostgreSQL with DATABASE_URL, memory on PGlite). */
  limits: Limits;
};

export type ChatApplication = {
  readonly instanceId: string;
  /** Open or closed, and the queue as this instance last saw it (the /chat page shows it). */
  status(): StatusView;
  monitor(): Promise<MonitorView>;
  /** Resolves once every dispatch scheduled so far has run (tests, shutdown). */
  settled(): Promise<void>;
  stop(): void;
};

type Conversation = NonNullable<Awaited<ReturnType<PrismaClient["chatConversation"]["findUnique"]>>>;
export type Route = { status: Conversation["status"]; adviserId: string | null };

/** Everything the handler modules share. */
export type ChatContext = ChatDeps & {
  instanceId: string;
  out: Outbound;
  coordinator: ChatCoordinator;
  limits: Limits;
  transcriptEmails: Limiter;
  /** "Leave a message" makes a case and sends an email: limited per address here, per recipient by the public limits (server/limits/public.ts). */
  leaveMessagePerIp: Limiter;
  clientIp(socket: Socket): string;
  status(): StatusView;
  /** Runs the dispatcher soon (coalesced; never two at once in this instance). */
  schedule(): void;
  endChat(conversationId: string, by: "customer" | "adviser" | "system"): Promise<void>;
  requeue(conversationId: string, fromAdviserId: string, reason: ChatRequeueReason, extra?: { excludeAdviser?: boolean; toWelsh?: boolean }): Promise<boolean>;
  handOver(conversationId: string, from: string | null, to: string, reason: "transferred" | "reassigned", options: { ignoreCapacity: boolean }): Promise<void>;
  /** Status and adviser of a conversation, cached for a moment (typing and receipts only). */
  route(conversationId: string): Promise<Route | null>;
  forget(conversationId: string): void;
  customerView(conversation: Conversation, lastSeq: number): Promise<CustomerConversationView>;
  adviserView(conversation: Conversation, lastSeq: number): Promise<AdviserChatView>;
  monitor(): Promise<MonitorView>;
  pushMonitor(): void;
};

const ROUTE_TTL_MS = 2_000;
/** How often the per-event chat limits push their counts to the shared store. */
const LIMIT_SYNC_MS = 250;
const SESSION_CHECK_MS = 5_000;

export function createChatApplication(io: Server, deps: ChatDeps): ChatApplication {
  const { prisma, logger, config, now } = deps;
  const instanceId = randomUUID();
  const customers = io.of(CUSTOMER_NAMESPACE);
  const advisers = io.of(ADVISER_NAMESPACE);
  const out = new Outbound(customers, advisers);
  const coordinator = new ChatCoordinator({ prisma, logger, config, now, instanceId });
  const hours = config.chat.officeHours;
  const officeHours: OfficeHours | "always" | "closed" = hours === "always" || hours === "closed" ? hours : parseOfficeHours(hours, config.chat.closedDates);

  // Limits by address and by conversation hold across instances (shared store); the one per socket
  // stays in this process's memory, as a socket only ever lives on one instance.
  // The two checked on every connection and every event are counted in memory and shared in
  // batches (server/limits, docs/decisions/0017-batched-rate-limits.md): a database write per
  // event was the chat's slowest step under load.
  const connectionsPerIp = deps.limits.create({ keyPrefix: "chat-connect", points: config.chat.connectionsPerIp, duration: 60, syncEveryMs: LIMIT_SYNC_MS });
  const perConnection = new RateLimiterMemory({ keyPrefix: "chat-socket", points: config.chat.eventsPerConnection, duration: 10 });
  const perIp = deps.limits.create({ keyPrefix: "chat-ip", points: config.chat.eventsPerIp, duration: 10, syncEveryMs: LIMIT_SYNC_MS });
  const transcriptEmails = deps.limits.create({ keyPrefix: "chat-transcript", points: 3, duration: 3600 });
  const leaveMessagePerIp = deps.limits.create({ keyPrefix: "chat-leave-ip", points: 5, duration: 3600 });

  const clientIp = (socket: Socket) => {
    const forwarded = config.trustProxy ? String(socket.handshake.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
    return forwarded || socket.handshake.address || "unknown";
  };
  const self = new URL(config.publicUrl).origin;
  // The widget runs in an iframe from our origin and the console is ours: any other page's script is refused.
  const originAllowed = (socket: Socket) => {
    const origin = socket.handshake.headers.origin;
    return !origin || origin === config.publicUrl || origin === self;
  };
  for (const ns of [customers, advisers]) {
    ns.use((socket, next) => {
      if (!originAllowed(socket)) return next(new Error("forbidden"));
      // Every browser sends Origin on a websocket or polling request from the widget's page; a
      // customer connection without one is a script, not the widget.
      if (ns === customers && !socket.handshake.headers.origin) return next(new Error("forbidden"));
      connectionsPerIp.consume(clientIp(socket)).then(
        () => next(),
        () => next(new Error("rate_limited")),
      );
    });
    // Every event: rate-limited per socket and per address before it is handled.
    ns.on("connection", (socket) => {
      socket.use((packet, next) => {
        const ack = packet[packet.length - 1];
        Promise.all([perConnection.consume(socket.id), perIp.consume(clientIp(socket))]).then(
          () => next(),
          () => {
            logger.warn({ event: String(packet[0]), code: "rate_limited" }, "chat event refused");
            if (typeof ack === "function") ack({ error: { code: "rate_limited" } });
          },
        );
      });
    });
  }

  // ---- dispatch, coalesced per instance ----
  let chain: Promise<void> = Promise.resolve();
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    chain = chain
      .then(async () => {
        pending = false;
        await dispatch();
      })
      .catch((err) => logger.error({ err }, "chat dispatch failed"));
  };
  /** What each queued customer was last told by this instance, so unchanged places are not re-sent. */
  const told = new Map<string, string>();
  async function dispatch() {
    const { assigned } = await coordinator.dispatch();
    for (const a of assigned) {
      forget(a.conversationId);
      const conversation = await prisma.chatConversation.findUniqueOrThrow({ where: { id: a.conversationId } });
      out.toCustomers(customerRoom(a.conversationId), undefined, "chat:assigned", { conversationId: a.conversationId, adviserName: firstName(a.adviserName) });
      out.toAdvisers(adviserRoom(a.adviserId), undefined, "chat:assigned", await adviserView(conversation, 0));
      await audit(prisma, { actorId: a.adviserId, action: "chat.assigned", entityType: "chat", entityId: a.conversationId });
      logger.info({ conversationId: a.conversationId, event: "chat.assigned" }, "chat assigned");
    }
    // Whoever is still waiting hears their place and wait when it changes.
    const waiting = new Set<string>();
    for (const q of coordinator.snapshot.queue) {
      waiting.add(q.id);
      const state = coordinator.queueState(q.id, q.lang);
      const key = `${state.position}:${state.estimatedWaitSeconds}`;
      if (told.get(q.id) === key) continue;
      told.set(q.id, key);
      out.toCustomers(customerRoom(q.id), undefined, "queue:update", { conversationId: q.id, ...state });
    }
    for (const id of told.keys()) if (!waiting.has(id)) told.delete(id);
    for (const id of coordinator.snapshot.fallbackOffers) out.toCustomers(customerRoom(id), undefined, "chat:fallback-offer", { conversationId: id });
    pushMonitor();
  }

  // ---- routes (status and adviser) for typing and receipts ----
  const routes = new Map<string, { route: Route; at: number }>();
  async function route(conversationId: string): Promise<Route | null> {
    const hit = routes.get(conversationId);
    if (hit && Date.now() - hit.at < ROUTE_TTL_MS) return hit.route;
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId }, select: { status: true, adviserId: true } });
    if (!c) return null;
    if (routes.size > 50_000) routes.clear();
    routes.set(conversationId, { route: c, at: Date.now() });
    return c;
  }
  function forget(conversationId: string) {
    routes.delete(conversationId);
  }

  function status(): StatusView {
    const open = officeHours === "always" ? true : officeHours === "closed" ? false : isOpen(officeHours, now());
    const queueLength = coordinator.snapshot.queue.length;
    return { open, queueLength, estimatedWaitSeconds: coordinator.estimate("en", queueLength + 1), acceptingChats: open && queueLength < config.chat.maxQueue };
  }

  // ---- changes of state, each through the status machine and a conditional update ----

  const snapshotOf = (c: Conversation): ChatSnapshot => ({
    status: c.status,
    language: c.language,
    adviserId: c.adviserId,
    assignedAt: c.assignedAt,
    excludeAdviserId: c.excludeAdviserId,
    welshFallbackConsent: c.welshFallbackConsent,
    fallbackOfferedAt: c.fallbackOfferedAt,
    endedAt: c.endedAt,
    endedBy: c.endedBy,
    rating: c.rating,
  });

  async function endChat(conversationId: string, by: "customer" | "adviser" | "system") {
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c) throw new ChatError("not_found");
    const t = chatTransition(snapshotOf(c), { kind: "end", by }, now());
    if (!t.ok) throw new ChatError("ended");
    const { count } = await prisma.chatConversation.updateMany({ where: { id: conversationId, status: c.status }, data: t.next });
    if (count === 0) throw new ChatError("ended");
    forget(conversationId);
    out.toCustomers(customerRoom(conversationId), undefined, "chat:ended", { conversationId, by });
    out.toAdviserSide(conversationId, c.adviserId, undefined, "chat:ended", { conversationId, by });
    logger.info({ conversationId, by, event: "chat.ended" }, "chat ended");
    schedule();
  }

  async function requeue(conversationId: string, fromAdviserId: string, reason: ChatRequeueReason, extra: { excludeAdviser?: boolean; toWelsh?: boolean } = {}) {
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c || c.adviserId !== fromAdviserId) return false;
    const t = chatTransition(snapshotOf(c), { kind: "requeue", reason, ...extra }, now());
    if (!t.ok) return false;
    const { count } = await prisma.chatConversation.updateMany({ where: { id: conversationId, status: "active", adviserId: fromAdviserId }, data: t.next });
    if (count === 0) return false;
    forget(conversationId);
    out.toAdvisers(adviserRoom(fromAdviserId), undefined, "chat:unassigned", { conversationId, reason });
    const lang = t.next.language ?? c.language;
    coordinator.snapshot.queue.push({ id: conversationId, lang, queuedAt: c.queuedAt, fallbackConsented: t.next.welshFallbackConsent ?? c.welshFallbackConsent });
    out.toCustomers(customerRoom(conversationId), undefined, "chat:requeued", { conversationId, ...coordinator.queueState(conversationId, lang) });
    logger.info({ conversationId, reason, event: "chat.requeued" }, "chat back in the queue");
    schedule();
    return true;
  }

  async function handOver(conversationId: string, from: string | null, to: string, reason: "transferred" | "reassigned", options: { ignoreCapacity: boolean }) {
    const before = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!before) throw new ChatError("not_found");
    const t = chatTransition(snapshotOf(before), { kind: "hand_over", to }, now());
    if (!t.ok) throw new ChatError(t.reason === "same_adviser" ? "unavailable" : "ended");
    const result = await coordinator.handOver(conversationId, from ?? before.adviserId, to, options);
    if (!result.ok) throw new ChatError(result.code);
    forget(conversationId);
    if (before.adviserId) out.toAdvisers(adviserRoom(before.adviserId), undefined, "chat:unassigned", { conversationId, reason });
    const c = await prisma.chatConversation.findUniqueOrThrow({ where: { id: conversationId } });
    out.toAdvisers(adviserRoom(to), undefined, "chat:assigned", await adviserView(c, 0));
    out.toCustomers(customerRoom(conversationId), undefined, "chat:assigned", { conversationId, adviserName: firstName(result.adviserName) });
    schedule();
  }

  // ---- views ----

  async function customerView(conversation: Conversation, lastSeq: number): Promise<CustomerConversationView> {
    // Nothing to fetch when the client already has the last number (a new chat, an idle resume).
    const messages = lastSeq >= conversation.lastSeq ? [] : await messagesAfter(prisma, conversation.id, lastSeq, false);
    const adviserName = conversation.adviserId
      ? firstName(
          coordinator.snapshot.advisers.find((a) => a.id === conversation.adviserId)?.name ??
            (await prisma.staffUser.findUnique({ where: { id: conversation.adviserId }, select: { name: true } }))?.name ??
            "",
        )
      : null;
    const q = conversation.status === "queued" ? coordinator.queueState(conversation.id, conversation.language) : null;
    return {
      conversationId: conversation.id,
      token: signConversationToken(config.sessionSecret, conversation.id, now()),
      status: conversation.status,
      lang: conversation.language,
      adviserName: adviserName || null,
      position: q?.position ?? null,
      estimatedWaitSeconds: q?.estimatedWaitSeconds ?? null,
      adviserReadSeq: conversation.adviserReadSeq,
      lastSeq: conversation.lastSeq,
      rated: conversation.rating !== null,
      welshFallbackOffered: conversation.fallbackOfferedAt !== null && !conversation.welshFallbackConsent,
      messages: messages.map(toMessageView),
    };
  }

  async function adviserView(conversation: Conversation, lastSeq: number): Promise<AdviserChatView> {
    const [messages, flags] = await Promise.all([
      messagesAfter(prisma, conversation.id, lastSeq, true),
      activeFlagsForEmail(prisma, conversation.customerEmail, conversation.language),
    ]);
    return {
      conversationId: conversation.id,
      status: conversation.status,
      lang: conversation.language,
      topic: conversation.topic as Topic,
      customerName: conversation.customerName,
      customerEmail: conversation.customerEmail,
      queuedAt: conversation.queuedAt.toISOString(),
      assignedAt: conversation.assignedAt?.toISOString() ?? null,
      firstAnsweredAt: conversation.firstAnsweredAt?.toISOString() ?? null,
      customerReadSeq: conversation.customerReadSeq,
      flags: flags.map((f) => ({ kind: f.kind, summary: f.summary })),
      messages: messages.map(toMessageView),
      caseReference: conversation.caseReference,
    };
  }

  async function monitor(): Promise<MonitorView> {
    const at = now();
    const [staff, present, active, queued] = await Promise.all([
      prisma.staffUser.findMany({ where: { active: true, roles: { has: "adviser" } }, select: { id: true, name: true, speaksWelsh: true, maxChats: true }, orderBy: { name: "asc" } }),
      prisma.$queryRaw<{ staffId: string; available: boolean; connected: boolean }[]>`
        SELECT s."staffId", s."available",
               EXISTS (SELECT 1 FROM "ChatAdviserPresence" p WHERE p."staffId" = s."staffId" AND p."sockets" > 0 AND p."seenAt" > ${new Date(at.getTime() - PRESENCE_TTL_MS)}) AS "connected"
        FROM "ChatAdviserState" s`,
      prisma.chatConversation.findMany({ where: { status: "active" }, select: { id: true, adviserId: true, language: true, assignedAt: true }, orderBy: { assignedAt: "asc" } }),
      prisma.chatConversation.findMany({ where: { status: "queued" }, select: { id: true, language: true, queuedAt: true }, orderBy: [{ queuedAt: "asc" }, { id: "asc" }] }),
    ]);
    const presence = new Map(present.map((p) => [p.staffId, p]));
    const loads = new Map<string, number>();
    for (const a of active) if (a.adviserId) loads.set(a.adviserId, (loads.get(a.adviserId) ?? 0) + 1);
    const summaries: AdviserSummary[] = staff.map((s) => ({
      id: s.id,
      name: s.name,
      speaksWelsh: s.speaksWelsh,
      available: presence.get(s.id)?.available ?? false,
      connected: presence.get(s.id)?.connected ?? false,
      load: loads.get(s.id) ?? 0,
      maxChats: s.maxChats,
    }));
    // Supervisors who took a chat over appear too, with their load.
    const extra = [...loads.keys()].filter((id) => !summaries.some((s) => s.id === id));
    if (extra.length > 0) {
      const others = await prisma.staffUser.findMany({ where: { id: { in: extra } }, select: { id: true, name: true, speaksWelsh: true, maxChats: true } });
      for (const s of others) summaries.push({ ...s, available: presence.get(s.id)?.available ?? false, connected: presence.get(s.id)?.connected ?? false, load: loads.get(s.id) ?? 0 });
    }
    const names = new Map(summaries.map((a) => [a.id, a.name]));
    const waited = (d: Date) => Math.max(0, Math.round((at.getTime() - d.getTime()) / 1000));
    return {
      queueLength: queued.length,
      longestWaitSeconds: queued[0] ? waited(queued[0].queuedAt) : 0,
      queue: queued.map((q) => ({ conversationId: q.id, lang: q.language, waitingSeconds: waited(q.queuedAt) })),
      advisers: summaries,
      active: active.map((a) => ({ conversationId: a.id, adviserId: a.adviserId, adviserName: a.adviserId ? (names.get(a.adviserId) ?? null) : null, lang: a.language, startedAt: (a.assignedAt ?? at).toISOString() })),
    };
  }

  // Supervisors' screens are refreshed at most once a second. A change on one instance tells the
  // others (a server-side event through the adapter), and each refreshes its own supervisors.
  let monitorPending = false;
  const refreshLocalMonitors = () => {
    if (monitorPending) return;
    monitorPending = true;
    setTimeout(() => {
      monitorPending = false;
      if ((advisers.adapter.rooms.get(MONITOR_ROOM)?.size ?? 0) === 0) return;
      monitor().then(
        (view) => advisers.local.to(MONITOR_ROOM).emit("monitor:update", view),
        (err: unknown) => logger.warn({ err }, "chat monitor refresh failed"),
      );
    }, 1000).unref();
  };
  advisers.on("monitor:dirty", refreshLocalMonitors);
  const pushMonitor = () => {
    refreshLocalMonitors();
    // Other instances' supervisors, through the PostgreSQL adapter; one process has none.
    if (config.databaseUrl) advisers.serverSideEmit("monitor:dirty");
  };

  const context: ChatContext = {
    ...deps,
    instanceId,
    out,
    coordinator,
    transcriptEmails,
    leaveMessagePerIp,
    clientIp,
    status,
    schedule,
    endChat,
    requeue,
    handOver,
    route,
    forget,
    customerView,
    adviserView,
    monitor,
    pushMonitor,
  };

  customers.on("connection", (socket) => registerCustomerHandlers(context, socket));
  advisers.use((socket, next) => {
    authenticateAdviser(context, socket).then(
      (data) => {
        if (!data) return next(new Error("forbidden"));
        socket.data = data;
        next();
      },
      (err: unknown) => {
        logger.error({ err }, "chat adviser handshake failed");
        next(new Error("internal"));
      },
    );
  });
  advisers.on("connection", (socket) => registerAdviserHandlers(context, socket));

  // ---- housekeeping on every instance: heartbeat, reassignment, customers gone, sessions ----
  let lastSessionCheck = 0;
  let ticking = false;
  async function tick() {
    if (ticking) return;
    ticking = true;
    try {
      const at = Date.now();
      for (const r of await coordinator.dueForRequeue()) await requeue(r.chatId, r.adviserId, r.reason);
      for (const id of await coordinator.customersGone()) {
        // The heartbeat of another instance may be a moment late: ask every instance first.
        const here = await customers.in(customerRoom(id)).fetchSockets().catch(() => []);
        if (here.length > 0) continue;
        await endChat(id, "system").catch((err: unknown) => {
          if (!(err instanceof ChatError)) throw err;
        });
        logger.info({ conversationId: id, event: "chat.customer_gone" }, "chat ended: the customer left");
      }
      if (at - lastSessionCheck >= SESSION_CHECK_MS) {
        lastSessionCheck = at;
        await checkAdviserSessions(context, [...advisers.sockets.values()]);
      }
      if (Math.random() < 0.05) await coordinator.refreshHandlingTimes();
      schedule();
    } finally {
      ticking = false;
    }
  }
  const timer = setInterval(() => {
    tick().catch((err: unknown) => logger.error({ err }, "chat tick failed"));
  }, 2_000);
  timer.unref();
  // The heartbeat has its own timer: a slow sweep must never make this instance's advisers and
  // customers look gone.
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    const ids = new Set<string>();
    for (const s of customers.sockets.values()) for (const id of (s.data as CustomerSocketData).conversations ?? []) ids.add(id);
    coordinator
      .heartbeat([...ids])
      .catch((err: unknown) => logger.error({ err }, "chat heartbeat failed"))
      .finally(() => {
        beating = false;
      });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  void coordinator.refreshHandlingTimes().catch(() => undefined);
  if (!config.databaseUrl) void coordinator.forgetEarlierRuns().then(schedule, (err: unknown) => logger.warn({ err }, "chat presence clean-up failed"));
  else schedule();

  return {
    instanceId,
    status,
    monitor,
    settled: () => chain,
    stop: () => {
      clearInterval(timer);
      clearInterval(heartbeat);
    },
  };
}

export const sessionRowId = (token: string) => createHash("sha256").update(token).digest("hex");

async function authenticateAdviser(ctx: ChatContext, socket: Socket): Promise<AdviserSocketData | null> {
  const session = await ctx.sessions.getSession(socket.handshake.headers.cookie ?? null);
  const id = session.get("staffUserId");
  if (!id) return null;
  const user = await ctx.prisma.staffUser.findUnique({ where: { id }, select: { id: true, name: true, roles: true, speaksWelsh: true, maxChats: true, active: true } });
  // Who may open the console at all; each event is asked again for its own capability
  // (adviser-handlers.ts), so a role taken away later is refused at the next event.
  if (!user || !user.active || !(can(user, "chat.answer") || can(user, "chat.supervise"))) return null;
  return {
    ip: ctx.clientIp(socket),
    sessionId: sessionRowId(session.id),
    staff: { id: user.id, name: user.name, roles: user.roles, speaksWelsh: user.speaksWelsh, maxChats: user.maxChats },
    lastTyping: 0,
    lastActivity: Date.now(),
  };
}

/**
 * An adviser's sockets last only as long as their staff session: signed out (the row is gone),
 * expired, or the account disabled, and they are disconnected. Working in the console counts as
 * activity, so an adviser chatting for half an hour without loading a page is not timed out.
 */
async function checkAdviserSessions(ctx: ChatContext, sockets: Socket[]) {
  if (sockets.length === 0) return;
  const at = ctx.now();
  const ids = [...new Set(sockets.map((s) => (s.data as AdviserSocketData).sessionId))];
  const rows = await ctx.prisma.session.findMany({
    where: { id: { in: ids } },
    select: { id: true, expiresAt: true, absoluteExpiresAt: true, staffUser: { select: { active: true } } },
  });
  const valid = new Map(rows.filter((r) => r.expiresAt > at && r.absoluteExpiresAt > at && r.staffUser?.active).map((r) => [r.id, r]));
  const idleMs = STAFF_IDLE_MS;
  const renew: string[] = [];
  for (const s of sockets) {
    const data = s.data as AdviserSocketData;
    const row = valid.get(data.sessionId);
    if (!row) {
      ctx.logger.info({ event: "chat.adviser_session_ended" }, "adviser disconnected: staff session ended");
      s.disconnect(true);
      continue;
    }
    if (Date.now() - data.lastActivity < SESSION_CHECK_MS * 2 && row.expiresAt.getTime() - at.getTime() < idleMs - 60_000) renew.push(row.id);
  }
  if (renew.length > 0) {
    await ctx.prisma.session.updateMany({ where: { id: { in: renew } }, data: { lastSeenAt: at, expiresAt: new Date(at.getTime() + idleMs) } });
  }
}
