// Queue, presence and assignment, decided once for the whole deployment with the state in the
// database (docs/decisions/0008-chat-across-instances.md). Any instance may run a dispatch; each
// one runs in a transaction holding one PostgreSQL advisory lock, reads the queue, the loads and
// who is present from the database, applies the pure rules of domain/chat/queue.ts and writes the
// assignments before it lets go. So two instances never assign the same chat, never take an
// adviser over their capacity, and the queue has one order. On PGlite (one process) the same code
// runs: the lock is simply never contended.
import type { Logger } from "pino";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Config } from "../config.js";
import type { TransactionClient } from "../db.js";
import {
  chatsToRequeue,
  customerRefreshAfterMs,
  estimateWaitSeconds,
  nextAssignments,
  queuePosition,
  shouldOfferFallback,
  type AdviserLoad,
  type QueuedChat,
} from "../domain/chat/queue.js";

/** An adviser's presence row is live while its instance keeps refreshing it. */
export const HEARTBEAT_MS = 5_000;
// Generous against a loaded machine: a heartbeat late by a few seconds must not look like a death.
export const PRESENCE_TTL_MS = 30_000;
/** Keys of the advisory locks (any 64-bit number of our own). */
const DISPATCH_LOCK = 0x64_6f_6f_72_63_68_61_74n; // "doorchat"

export type PresentAdviser = AdviserLoad & { name: string };
export type Assigned = { conversationId: string; adviserId: string; adviserName: string };
export type QueueSnapshot = { queue: QueuedChat[]; advisers: PresentAdviser[]; fallbackOffers: string[] };
export type HandOverResult = { ok: true; adviserName: string } | { ok: false; code: "unavailable" | "ended" | "not_assigned" };

type Deps = { prisma: PrismaClient; logger: Logger; config: Config; now: () => Date; instanceId: string };

export class ChatCoordinator {
  /** This instance's latest view of the queue and of who is present (refreshed by every dispatch). */
  snapshot: QueueSnapshot = { queue: [], advisers: [], fallbackOffers: [] };
  recentHandlingSeconds: number[] = [];
  readonly bootedAt: Date;

  /** How old a present customer's `customerSeenAt` may get before the heartbeat refreshes it. */
  readonly customerRefreshMs: number;

  constructor(private readonly deps: Deps) {
    this.bootedAt = deps.now();
    this.customerRefreshMs = customerRefreshAfterMs(deps.config.chat.customerGraceMs, HEARTBEAT_MS);
  }

  private get prisma() {
    return this.deps.prisma;
  }

  // ---- presence ----

  /** With the embedded PGlite there is only ever this process: rows left by an earlier run are stale. */
  async forgetEarlierRuns() {
    await this.prisma.chatAdviserPresence.deleteMany({ where: { instanceId: { not: this.deps.instanceId } } });
  }

  async adviserConnected(staffId: string) {
    const at = this.deps.now();
    await this.prisma.$executeRaw`
      INSERT INTO "ChatAdviserPresence" ("staffId", "instanceId", "sockets", "seenAt")
      VALUES (${staffId}::uuid, ${this.deps.instanceId}, 1, ${at})
      ON CONFLICT ("staffId", "instanceId") DO UPDATE SET "sockets" = "ChatAdviserPresence"."sockets" + 1, "seenAt" = ${at}`;
    await this.prisma.$executeRaw`INSERT INTO "ChatAdviserState" ("staffId") VALUES (${staffId}::uuid) ON CONFLICT DO NOTHING`;
  }

  async adviserDisconnected(staffId: string) {
    const at = this.deps.now();
    await this.prisma.$executeRaw`
      UPDATE "ChatAdviserPresence" SET "sockets" = GREATEST("sockets" - 1, 0), "seenAt" = ${at}
      WHERE "staffId" = ${staffId}::uuid AND "instanceId" = ${this.deps.instanceId}`;
  }

  async setAvailable(staffId: string, available: boolean) {
    await this.prisma.$executeRaw`
      INSERT INTO "ChatAdviserState" ("staffId", "available", "updatedAt") VALUES (${staffId}::uuid, ${available}, ${this.deps.now()})
      ON CONFLICT ("staffId") DO UPDATE SET "available" = ${available}, "updatedAt" = ${this.deps.now()}`;
  }

  async isAvailable(staffId: string) {
    return (await this.prisma.chatAdviserState.findUnique({ where: { staffId } }))?.available ?? false;
  }

  /**
   * This instance is alive: its advisers' rows and its customers' conversations are refreshed.
   * Rows of instances that stopped long ago are removed.
   */
  async heartbeat(customerConversationIds: string[]) {
    const at = this.deps.now();
    await this.prisma.chatAdviserPresence.updateMany({ where: { instanceId: this.deps.instanceId, sockets: { gt: 0 } }, data: { seenAt: at } });
    if (customerConversationIds.length > 0) {
      // A conversation's row is the one every message updates. Writing all of them every 5 s
      // held hundreds of row locks at once, and the messages of those chats waited behind them
      // (the chat's message tail). So: only rows not refreshed for a while (a customer's own
      // message refreshes theirs, appendMessage), and never waiting for a row a message holds
      // (SKIP LOCKED: that one is refreshed by the message, or at the next beat). A present
      // customer's row is then at most `customerRefreshMs` + two beats old, well inside the
      // grace; and the sweep asks every instance for the socket before ending a chat anyway.
      const stale = new Date(at.getTime() - this.customerRefreshMs);
      await this.prisma.$executeRaw`
        UPDATE "ChatConversation" SET "customerSeenAt" = ${at}
        WHERE "id" IN (
          SELECT "id" FROM "ChatConversation"
          WHERE "id" = ANY(${customerConversationIds}::uuid[]) AND "status" IN ('queued', 'active') AND "customerSeenAt" < ${stale}
          FOR UPDATE SKIP LOCKED)`;
    }
    await this.prisma.chatAdviserPresence.deleteMany({ where: { seenAt: { lt: new Date(at.getTime() - 3_600_000) } } });
  }

  /** Advisers with live presence (any instance), their availability, load and capacity. */
  private async presentAdvisers(db: TransactionClient | PrismaClient): Promise<PresentAdviser[]> {
    const since = new Date(this.deps.now().getTime() - PRESENCE_TTL_MS);
    const rows = await db.$queryRaw<{ id: string; name: string; speaksWelsh: boolean; maxChats: number; available: boolean; lastAssignedAt: Date | null; load: bigint }[]>`
      SELECT u."id", u."name", u."speaksWelsh", u."maxChats", s."available", s."lastAssignedAt",
             (SELECT count(*) FROM "ChatConversation" c WHERE c."adviserId" = u."id" AND c."status" = 'active') AS "load"
      FROM "ChatAdviserState" s
      JOIN "StaffUser" u ON u."id" = s."staffId"
      WHERE u."active" AND EXISTS (
        SELECT 1 FROM "ChatAdviserPresence" p WHERE p."staffId" = s."staffId" AND p."sockets" > 0 AND p."seenAt" > ${since}
      )`;
    return rows.map((r) => ({ id: r.id, name: r.name, speaksWelsh: r.speaksWelsh, maxChats: r.maxChats, available: r.available, connected: true, lastAssignedAt: r.lastAssignedAt, load: Number(r.load) }));
  }

  private async queued(db: TransactionClient | PrismaClient): Promise<(QueuedChat & { fallbackOfferedAt: Date | null })[]> {
    const rows = await db.chatConversation.findMany({
      where: { status: "queued" },
      select: { id: true, language: true, queuedAt: true, welshFallbackConsent: true, excludeAdviserId: true, fallbackOfferedAt: true },
      orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
    });
    return rows.map((c) => ({
      id: c.id,
      lang: c.language,
      queuedAt: c.queuedAt,
      fallbackConsented: c.welshFallbackConsent,
      excludeAdviserIds: c.excludeAdviserId ? [c.excludeAdviserId] : [],
      fallbackOfferedAt: c.fallbackOfferedAt,
    }));
  }

  /** Runs `fn` in a transaction holding the dispatch lock: every decision about who has which chat. */
  private locked<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        // $executeRaw: the function returns void, which $queryRaw cannot read back.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISPATCH_LOCK}::bigint)`;
        return fn(tx);
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
  }

  /** Assigns every queued chat that free capacity allows, and says what changed. */
  async dispatch(): Promise<{ assigned: Assigned[] }> {
    const now = this.deps.now();
    const result = await this.locked(async (tx) => {
      const queue = await this.queued(tx);
      const advisers = await this.presentAdvisers(tx);
      const assigned: Assigned[] = [];
      for (const a of nextAssignments(queue, advisers)) {
        // Conditional as well as locked: only a chat still queued is taken.
        const { count } = await tx.chatConversation.updateMany({
          where: { id: a.chatId, status: "queued" },
          data: { status: "active", adviserId: a.adviserId, assignedAt: now, excludeAdviserId: null },
        });
        if (count === 0) continue;
        await tx.chatAdviserState.update({ where: { staffId: a.adviserId }, data: { lastAssignedAt: now } });
        const adviser = advisers.find((x) => x.id === a.adviserId)!;
        adviser.load += 1;
        adviser.lastAssignedAt = now;
        assigned.push({ conversationId: a.chatId, adviserId: a.adviserId, adviserName: adviser.name });
      }
      const taken = new Set(assigned.map((a) => a.conversationId));
      const still = queue.filter((q) => !taken.has(q.id));
      // A Welsh chat with no Welsh speaker free is offered an English-speaking adviser, once.
      const fallbackOffers: string[] = [];
      for (const chat of still) {
        if (chat.fallbackOfferedAt || !shouldOfferFallback(chat, advisers, now, this.deps.config.chat.welshFallbackMs)) continue;
        const { count } = await tx.chatConversation.updateMany({ where: { id: chat.id, fallbackOfferedAt: null }, data: { fallbackOfferedAt: now } });
        if (count > 0) fallbackOffers.push(chat.id);
      }
      return { assigned, queue: still, advisers, fallbackOffers };
    });
    this.snapshot = { queue: result.queue, advisers: result.advisers, fallbackOffers: result.fallbackOffers };
    return { assigned: result.assigned };
  }

  /**
   * Moves an active chat from one adviser to another (a transfer, a supervisor's reassign or take-over),
   * under the same lock, so the receiving adviser's capacity holds whatever other instances do.
   */
  async handOver(conversationId: string, from: string | null, to: string, options: { ignoreCapacity: boolean }): Promise<HandOverResult> {
    return this.locked(async (tx) => {
      const target = (await this.presentAdvisers(tx)).find((a) => a.id === to);
      const user = target ?? (options.ignoreCapacity ? await tx.staffUser.findUnique({ where: { id: to }, select: { name: true, active: true } }) : null);
      if (!user || ("active" in user && !user.active)) return { ok: false, code: "unavailable" };
      if (!options.ignoreCapacity && (!target || !target.available || target.load >= target.maxChats)) return { ok: false, code: "unavailable" };
      const { count } = await tx.chatConversation.updateMany({
        where: { id: conversationId, status: "active", ...(from ? { adviserId: from } : { adviserId: { not: to } }) },
        data: { adviserId: to, assignedAt: this.deps.now() },
      });
      if (count === 0) {
        const c = await tx.chatConversation.findUnique({ where: { id: conversationId }, select: { status: true } });
        return { ok: false, code: c?.status === "active" ? "not_assigned" : "ended" };
      }
      return { ok: true, adviserName: user.name };
    });
  }

  /** Active chats due back in the queue: unanswered too long, or their adviser gone past the grace. */
  async dueForRequeue() {
    const now = this.deps.now();
    const since = new Date(now.getTime() - PRESENCE_TTL_MS);
    const presence = await this.prisma.$queryRaw<{ staffId: string; live: boolean; lastSeen: Date }[]>`
      SELECT "staffId", bool_or("sockets" > 0 AND "seenAt" > ${since}) AS "live", max("seenAt") AS "lastSeen"
      FROM "ChatAdviserPresence" GROUP BY "staffId"`;
    const byId = new Map(presence.map((p) => [p.staffId, p]));
    // Only chats that could be due: not yet answered, or with an adviser who is not live. Every
    // active chat, read every 2 s on every instance, was hundreds of rows for nothing at 500 chats.
    const live = presence.filter((p) => p.live).map((p) => p.staffId);
    const active = await this.prisma.chatConversation.findMany({
      where: { status: "active", OR: [{ firstAnsweredAt: null }, { adviserId: { notIn: live } }] },
      select: { id: true, adviserId: true, assignedAt: true, firstAnsweredAt: true },
    });
    if (active.length === 0) return [];
    // Gone since the last sign of life, but never before this instance started: after the whole
    // deployment restarts, advisers get the full grace to come back.
    const gone = new Map<string, Date>();
    for (const c of active) {
      const p = byId.get(c.adviserId!);
      if (p?.live) continue;
      const last = p ? p.lastSeen : this.bootedAt;
      gone.set(c.adviserId!, last > this.bootedAt ? last : this.bootedAt);
    }
    return chatsToRequeue(
      active.map((c) => ({ id: c.id, adviserId: c.adviserId!, assignedAt: c.assignedAt ?? now, firstAnsweredAt: c.firstAnsweredAt })),
      gone,
      now,
      { answerTimeoutMs: this.deps.config.chat.answerTimeoutMs, disconnectGraceMs: this.deps.config.chat.disconnectGraceMs },
    );
  }

  /** Live chats whose customer has had no socket anywhere for longer than the grace period. */
  async customersGone(): Promise<string[]> {
    const now = this.deps.now().getTime();
    const grace = this.deps.config.chat.customerGraceMs;
    // Gone since max(last seen, this instance's start): after a restart of the whole deployment
    // customers get the full grace to come back.
    if (now - this.bootedAt.getTime() < grace) return [];
    const rows = await this.prisma.chatConversation.findMany({
      where: { status: { in: ["queued", "active"] }, customerSeenAt: { lt: new Date(now - grace) } },
      select: { id: true },
      take: 100,
    });
    return rows.map((r) => r.id);
  }

  async refreshHandlingTimes() {
    const since = new Date(this.deps.now().getTime() - 7 * 86_400_000);
    const ended = await this.prisma.chatConversation.findMany({
      where: { status: "ended", endedAt: { gte: since }, assignedAt: { not: null } },
      select: { assignedAt: true, endedAt: true },
      orderBy: { endedAt: "desc" },
      take: 50,
    });
    this.recentHandlingSeconds = ended.map((c) => (c.endedAt!.getTime() - c.assignedAt!.getTime()) / 1000);
  }

  // ---- what customers are told ----

  /** A new chat counts in this instance's queue at once, before the next dispatch. */
  queueOnly(id: string, lang: "en" | "cy", queuedAt: Date) {
    if (!this.snapshot.queue.some((q) => q.id === id)) this.snapshot.queue.push({ id, lang, queuedAt, fallbackConsented: false });
  }

  queueState(conversationId: string, lang: "en" | "cy") {
    const position = queuePosition(this.snapshot.queue, conversationId) ?? this.snapshot.queue.length + 1;
    return { position, estimatedWaitSeconds: this.estimate(lang, position) };
  }

  estimate(lang: "en" | "cy", position: number) {
    const seats = this.snapshot.advisers.filter((a) => a.available && (lang === "en" || a.speaksWelsh)).reduce((n, a) => n + a.maxChats, 0);
    return estimateWaitSeconds({ position, recentHandlingSeconds: this.recentHandlingSeconds, seats, freeSeats: 0 });
  }
}
