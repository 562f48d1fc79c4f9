// The chat's running state: which advisers are here, the queue, and who gets the next chat.
// The database is the truth for conversations (so a restart loses nothing); only adviser
// presence lives in memory, and advisers' consoles re-announce it when they reconnect.
import type { Logger } from "pino";
import type { Namespace } from "socket.io";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { activeFlagsForEmail } from "../domain/adjustments/flags.js";
import type {
  AdviserChatView,
  AdviserClientEvents,
  AdviserServerEvents,
  AdviserSummary,
  CustomerClientEvents,
  CustomerConversationView,
  CustomerServerEvents,
  MonitorView,
  StatusView,
  Topic,
} from "../domain/chat/contracts.js";
import { isOpen, parseOfficeHours, type OfficeHours } from "../domain/chat/office-hours.js";
import {
  chatsToRequeue,
  estimateWaitSeconds,
  nextAssignments,
  queuePosition,
  shouldOfferFallback,
  type AdviserLoad,
  type QueuedChat,
} from "../domain/chat/queue.js";
import type { Config } from "../config.js";
import { audit } from "../audit.js";
import { messagesAfter, toMessageView } from "./store.js";
import { signConversationToken } from "./tokens.js";

export type CustomerSocketData = { ip: string; conversations: Set<string>; lastTyping: number };
export type AdviserSocketData = { ip: string; staff: { id: string; name: string; roles: string[]; speaksWelsh: boolean; maxChats: number }; lastTyping: number };
export type CustomerNamespace = Namespace<CustomerClientEvents, CustomerServerEvents, Record<string, never>, CustomerSocketData>;
export type AdviserNamespace = Namespace<AdviserClientEvents, AdviserServerEvents, Record<string, never>, AdviserSocketData>;

type Presence = {
  id: string;
  name: string;
  speaksWelsh: boolean;
  maxChats: number;
  available: boolean;
  sockets: Set<string>;
  goneSince: Date | null;
  lastAssignedAt: Date | null;
};

type Conversation = NonNullable<Awaited<ReturnType<PrismaClient["chatConversation"]["findUnique"]>>>;

export const customerRoom = (conversationId: string) => `c:${conversationId}`;
export const adviserRoom = (adviserId: string) => `a:${adviserId}`;
export const watchRoom = (conversationId: string) => `w:${conversationId}`;
export const MONITOR_ROOM = "monitor";

/** What every message needs to know about its conversation, kept in memory (see conversationMeta). */
export type ConversationMeta = { status: "queued" | "active" | "ended" | "left_message"; adviserId: string | null; answered: boolean };

export class ChatHub {
  readonly presence = new Map<string, Presence>();
  private readonly meta = new Map<string, ConversationMeta>();
  private queue: QueuedChat[] = [];
  private recentHandlingSeconds: number[] = [];
  private officeHours: OfficeHours | "always" | "closed";
  private chain: Promise<void> = Promise.resolve();
  private dispatchPending = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly bootedAt: Date;
  customers!: CustomerNamespace;
  advisers!: AdviserNamespace;

  constructor(
    readonly deps: { prisma: PrismaClient; logger: Logger; config: Config; now: () => Date },
  ) {
    const hours = deps.config.chat.officeHours;
    this.officeHours = hours === "always" || hours === "closed" ? hours : parseOfficeHours(hours, deps.config.chat.closedDates);
    this.bootedAt = deps.now();
  }

  get prisma() {
    return this.deps.prisma;
  }

  isOpen(at = this.deps.now()): boolean {
    if (this.officeHours === "always") return true;
    if (this.officeHours === "closed") return false;
    return isOpen(this.officeHours, at);
  }

  status(): StatusView {
    const open = this.isOpen();
    const queueLength = this.queue.length;
    const estimatedWaitSeconds = this.estimate("en", queueLength + 1);
    return { open, queueLength, estimatedWaitSeconds, acceptingChats: open && queueLength < this.deps.config.chat.maxQueue };
  }

  start() {
    void this.refreshHandlingTimes();
    this.timer = setInterval(() => {
      void this.tick().catch((err) => this.deps.logger.error({ err }, "chat tick failed"));
    }, 2_000);
    this.timer.unref();
    this.schedule();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }

  // ---- advisers' presence ----

  adviserConnected(staff: AdviserSocketData["staff"], socketId: string) {
    let p = this.presence.get(staff.id);
    if (!p) {
      p = { id: staff.id, name: staff.name, speaksWelsh: staff.speaksWelsh, maxChats: staff.maxChats, available: false, sockets: new Set(), goneSince: null, lastAssignedAt: null };
      this.presence.set(staff.id, p);
    }
    p.sockets.add(socketId);
    p.goneSince = null;
    this.pushMonitor();
  }

  adviserDisconnected(staffId: string, socketId: string) {
    const p = this.presence.get(staffId);
    if (!p) return;
    p.sockets.delete(socketId);
    if (p.sockets.size === 0) p.goneSince = this.deps.now();
    this.pushMonitor();
  }

  setAvailable(staffId: string, available: boolean) {
    const p = this.presence.get(staffId);
    if (!p) return;
    p.available = available;
    this.schedule();
  }

  async loads(): Promise<Map<string, number>> {
    const rows = await this.prisma.chatConversation.groupBy({ by: ["adviserId"], where: { status: "active" }, _count: { _all: true } });
    return new Map(rows.filter((r) => r.adviserId).map((r) => [r.adviserId!, r._count._all]));
  }

  private adviserLoads(loads: Map<string, number>): AdviserLoad[] {
    return [...this.presence.values()].map((p) => ({
      id: p.id,
      speaksWelsh: p.speaksWelsh,
      available: p.available,
      connected: p.sockets.size > 0,
      load: loads.get(p.id) ?? 0,
      maxChats: p.maxChats,
      lastAssignedAt: p.lastAssignedAt,
    }));
  }

  // ---- the queue ----

  /** Runs the dispatcher soon; calls while one is pending coalesce, and runs never overlap. */
  schedule() {
    if (this.dispatchPending) return;
    this.dispatchPending = true;
    this.chain = this.chain
      .then(async () => {
        this.dispatchPending = false;
        await this.dispatch();
      })
      .catch((err) => this.deps.logger.error({ err }, "chat dispatch failed"));
  }

  /** Resolves once every dispatch scheduled so far has run (tests, shutdown). */
  settled() {
    return this.chain;
  }

  private async dispatch() {
    const { prisma } = this;
    const queued = await prisma.chatConversation.findMany({
      where: { status: "queued" },
      select: { id: true, language: true, queuedAt: true, welshFallbackConsent: true, excludeAdviserId: true, fallbackOfferedAt: true },
      orderBy: { queuedAt: "asc" },
    });
    this.queue = queued.map((c) => ({
      id: c.id,
      lang: c.language,
      queuedAt: c.queuedAt,
      fallbackConsented: c.welshFallbackConsent,
      excludeAdviserIds: c.excludeAdviserId ? [c.excludeAdviserId] : [],
    }));
    const loads = await this.loads();
    const advisers = this.adviserLoads(loads);
    for (const assignment of nextAssignments(this.queue, advisers)) {
      await this.assign(assignment.chatId, assignment.adviserId);
    }
    // Whoever is still waiting hears their place and wait.
    const stillQueued = await prisma.chatConversation.findMany({
      where: { status: "queued" },
      select: { id: true, language: true, queuedAt: true, welshFallbackConsent: true, excludeAdviserId: true, fallbackOfferedAt: true },
    });
    this.queue = stillQueued.map((c) => ({ id: c.id, lang: c.language, queuedAt: c.queuedAt, fallbackConsented: c.welshFallbackConsent, excludeAdviserIds: c.excludeAdviserId ? [c.excludeAdviserId] : [] }));
    const now = this.deps.now();
    const advisersAfter = this.adviserLoads(await this.loads());
    for (const c of stillQueued) {
      const chat = this.queue.find((q) => q.id === c.id)!;
      const q = this.queueState(c.id, c.language);
      this.customers.to(customerRoom(c.id)).emit("queue:update", { conversationId: c.id, ...q });
      if (!c.fallbackOfferedAt && shouldOfferFallback(chat, advisersAfter, now, this.deps.config.chat.welshFallbackMs)) {
        await prisma.chatConversation.update({ where: { id: c.id }, data: { fallbackOfferedAt: now } });
        this.customers.to(customerRoom(c.id)).emit("chat:fallback-offer", { conversationId: c.id });
      }
    }
    this.pushMonitor();
  }

  /**
   * Status and adviser of an open conversation, from memory after the first look-up: a message
   * then costs one database statement, not two. Every change of status or adviser goes through
   * this process (one process: see the decision record) and updates it; ended chats are dropped.
   */
  async conversationMeta(id: string): Promise<ConversationMeta | null> {
    const hit = this.meta.get(id);
    if (hit) return hit;
    const c = await this.prisma.chatConversation.findUnique({ where: { id }, select: { status: true, adviserId: true, firstAnsweredAt: true } });
    if (!c) return null;
    const meta = { status: c.status, adviserId: c.adviserId, answered: c.firstAnsweredAt !== null };
    if (c.status === "queued" || c.status === "active") this.meta.set(id, meta);
    return meta;
  }

  setMeta(id: string, patch: Partial<ConversationMeta>) {
    const m = this.meta.get(id);
    if (m) Object.assign(m, patch);
    if (patch.status === "ended" || patch.status === "left_message") this.meta.delete(id);
  }

  /** A new chat counts in the queue at once, before the dispatcher next runs. */
  queueOnly(id: string, lang: "en" | "cy", queuedAt: Date) {
    if (!this.queue.some((q) => q.id === id)) this.queue.push({ id, lang, queuedAt, fallbackConsented: false });
  }

  queueState(conversationId: string, lang: "en" | "cy") {
    const position = queuePosition(this.queue, conversationId) ?? this.queue.length + 1;
    return { position, estimatedWaitSeconds: this.estimate(lang, position) };
  }

  private estimate(lang: "en" | "cy", position: number) {
    const advisers = [...this.presence.values()].filter((p) => p.available && p.sockets.size > 0 && (lang === "en" || p.speaksWelsh));
    const seats = advisers.reduce((n, p) => n + p.maxChats, 0);
    return estimateWaitSeconds({ position, recentHandlingSeconds: this.recentHandlingSeconds, seats, freeSeats: 0 });
  }

  private async assign(conversationId: string, adviserId: string) {
    const p = this.presence.get(adviserId);
    if (!p) return;
    const now = this.deps.now();
    // Conditional: only a chat still queued is taken, so two dispatches can never give one chat twice.
    const { count } = await this.prisma.chatConversation.updateMany({
      where: { id: conversationId, status: "queued" },
      data: { status: "active", adviserId, assignedAt: now, excludeAdviserId: null },
    });
    if (count === 0) return;
    this.setMeta(conversationId, { status: "active", adviserId });
    p.lastAssignedAt = now;
    const conversation = await this.prisma.chatConversation.findUniqueOrThrow({ where: { id: conversationId } });
    this.customers.to(customerRoom(conversationId)).emit("chat:assigned", { conversationId, adviserName: firstName(p.name) });
    this.advisers.to(adviserRoom(adviserId)).emit("chat:assigned", await this.adviserView(conversation, 0));
    await audit(this.prisma, { actorId: adviserId, action: "chat.assigned", entityType: "chat", entityId: conversationId });
    this.deps.logger.info({ conversationId, event: "chat.assigned" }, "chat assigned");
  }

  /** Puts an active chat back in the queue (keeping its place), telling both sides. */
  async requeue(conversationId: string, fromAdviserId: string, reason: "timeout" | "disconnected" | "transferred", extra: { excludeAdviser?: boolean; language?: "cy" } = {}) {
    const { count } = await this.prisma.chatConversation.updateMany({
      where: { id: conversationId, status: "active", adviserId: fromAdviserId },
      data: {
        status: "queued",
        adviserId: null,
        assignedAt: null,
        excludeAdviserId: extra.excludeAdviser ? fromAdviserId : null,
        ...(extra.language ? { language: extra.language, welshFallbackConsent: false, fallbackOfferedAt: null } : {}),
      },
    });
    if (count === 0) return false;
    this.setMeta(conversationId, { status: "queued", adviserId: null });
    this.advisers.to(adviserRoom(fromAdviserId)).emit("chat:unassigned", { conversationId, reason });
    const conversation = await this.prisma.chatConversation.findUniqueOrThrow({ where: { id: conversationId }, select: { language: true, queuedAt: true, welshFallbackConsent: true } });
    this.queue.push({ id: conversationId, lang: conversation.language, queuedAt: conversation.queuedAt, fallbackConsented: conversation.welshFallbackConsent });
    this.customers.to(customerRoom(conversationId)).emit("chat:requeued", { conversationId, ...this.queueState(conversationId, conversation.language) });
    this.deps.logger.info({ conversationId, reason, event: "chat.requeued" }, "chat back in the queue");
    this.schedule();
    return true;
  }

  private async tick() {
    const now = this.deps.now();
    const active = await this.prisma.chatConversation.findMany({
      where: { status: "active" },
      select: { id: true, adviserId: true, assignedAt: true, firstAnsweredAt: true },
    });
    // An adviser unknown since a restart counts as gone from the moment we started.
    const gone = new Map<string, Date>();
    for (const c of active) {
      const p = this.presence.get(c.adviserId!);
      if (!p) gone.set(c.adviserId!, this.bootedAt);
      else if (p.sockets.size === 0 && p.goneSince) gone.set(p.id, p.goneSince);
    }
    const due = chatsToRequeue(
      active.map((c) => ({ id: c.id, adviserId: c.adviserId!, assignedAt: c.assignedAt ?? now, firstAnsweredAt: c.firstAnsweredAt })),
      gone,
      now,
      { answerTimeoutMs: this.deps.config.chat.answerTimeoutMs, disconnectGraceMs: this.deps.config.chat.disconnectGraceMs },
    );
    for (const r of due) await this.requeue(r.chatId, r.adviserId, r.reason);
    if (Math.random() < 0.05) await this.refreshHandlingTimes();
    this.schedule();
  }

  private async refreshHandlingTimes() {
    const since = new Date(this.deps.now().getTime() - 7 * 86_400_000);
    const ended = await this.prisma.chatConversation.findMany({
      where: { status: "ended", endedAt: { gte: since }, assignedAt: { not: null } },
      select: { assignedAt: true, endedAt: true },
      orderBy: { endedAt: "desc" },
      take: 50,
    });
    this.recentHandlingSeconds = ended.map((c) => (c.endedAt!.getTime() - c.assignedAt!.getTime()) / 1000);
  }

  // ---- views ----

  async customerView(conversation: Conversation, lastSeq: number): Promise<CustomerConversationView> {
    // Nothing to fetch when the client already has the last number (a new chat, an idle resume).
    const messages = lastSeq >= conversation.lastSeq ? [] : await messagesAfter(this.prisma, conversation.id, lastSeq, false);
    const adviser = conversation.adviserId ? this.presence.get(conversation.adviserId) : undefined;
    const adviserName = conversation.adviserId
      ? firstName(adviser?.name ?? (await this.prisma.staffUser.findUnique({ where: { id: conversation.adviserId }, select: { name: true } }))?.name ?? "")
      : null;
    const q = conversation.status === "queued" ? this.queueState(conversation.id, conversation.language) : null;
    return {
      conversationId: conversation.id,
      token: signConversationToken(this.deps.config.sessionSecret, conversation.id, this.deps.now()),
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

  async adviserView(conversation: Conversation, lastSeq: number): Promise<AdviserChatView> {
    const [messages, flags] = await Promise.all([
      messagesAfter(this.prisma, conversation.id, lastSeq, true),
      activeFlagsForEmail(this.prisma, conversation.customerEmail, conversation.language),
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

  /** Rooms on the adviser side that hear about a conversation: its adviser and anyone watching. */
  adviserSide(conversationId: string, adviserId: string | null) {
    const rooms = [watchRoom(conversationId)];
    if (adviserId) rooms.push(adviserRoom(adviserId));
    return this.advisers.to(rooms);
  }

  async monitor(): Promise<MonitorView> {
    const now = this.deps.now();
    const loads = await this.loads();
    const staff = await this.prisma.staffUser.findMany({
      where: { active: true, roles: { has: "adviser" } },
      select: { id: true, name: true, speaksWelsh: true, maxChats: true },
      orderBy: { name: "asc" },
    });
    const advisers: AdviserSummary[] = staff.map((s) => {
      const p = this.presence.get(s.id);
      return { id: s.id, name: s.name, speaksWelsh: s.speaksWelsh, available: p?.available ?? false, connected: (p?.sockets.size ?? 0) > 0, load: loads.get(s.id) ?? 0, maxChats: s.maxChats };
    });
    for (const p of this.presence.values()) {
      if (!advisers.some((a) => a.id === p.id)) advisers.push({ id: p.id, name: p.name, speaksWelsh: p.speaksWelsh, available: p.available, connected: p.sockets.size > 0, load: loads.get(p.id) ?? 0, maxChats: p.maxChats });
    }
    const active = await this.prisma.chatConversation.findMany({ where: { status: "active" }, select: { id: true, adviserId: true, language: true, assignedAt: true }, orderBy: { assignedAt: "asc" } });
    const names = new Map(advisers.map((a) => [a.id, a.name]));
    const queue = [...this.queue].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime());
    return {
      queueLength: queue.length,
      longestWaitSeconds: queue[0] ? Math.max(0, Math.round((now.getTime() - queue[0].queuedAt.getTime()) / 1000)) : 0,
      queue: queue.map((q) => ({ conversationId: q.id, lang: q.lang, waitingSeconds: Math.max(0, Math.round((now.getTime() - q.queuedAt.getTime()) / 1000)) })),
      advisers,
      active: active.map((a) => ({ conversationId: a.id, adviserName: a.adviserId ? (names.get(a.adviserId) ?? null) : null, lang: a.language, startedAt: (a.assignedAt ?? now).toISOString() })),
    };
  }

  private monitorPending = false;
  /** Supervisors' screens are refreshed at most once a second. */
  pushMonitor() {
    if (this.monitorPending || !this.advisers) return;
    this.monitorPending = true;
    setTimeout(() => {
      this.monitorPending = false;
      if ((this.advisers.adapter.rooms.get(MONITOR_ROOM)?.size ?? 0) === 0) return;
      void this.monitor().then((view) => this.advisers.to(MONITOR_ROOM).emit("monitor:update", view), () => undefined);
    }, 1000).unref();
  }
}

/** Customers see an adviser's first name only. */
export function firstName(name: string) {
  return name.trim().split(/\s+/)[0] ?? "";
}
