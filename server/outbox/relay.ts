// The outbox relay: delivers every OutboxEvent row to the back-office webhook, signed, at least
// once, in order per aggregate, with exponential back-off capped at 30 seconds (so delivery
// resumes within a minute of a receiver coming back, however long it was away), and parks an
// event as a dead letter after about a day of failures (a manager can replay it from the staff
// area). The job queue drives it (server/jobs/background.ts): one instance relays at a time.
//
// Claiming: one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) pushes the claimed rows'
// nextAttemptAt forward by a lease, so another relay (another server instance) neither sees
// nor locks them while they are in flight. Only the oldest undelivered event of each aggregate
// is claimable, so a record's later events wait until its earlier ones are delivered.
import type { Logger } from "pino";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { toEnvelope, type OutboxRow } from "./events.js";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signature.js";

export type RelayOptions = {
  prisma: PrismaClient;
  url: string;
  secret: string;
  logger?: Pick<Logger, "info" | "warn" | "error">;
  now?: () => Date;
  batchSize?: number;
  /** After this many failed attempts an event is a dead letter. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claim keeps other relays away; longer than the request timeout. */
  leaseMs?: number;
  timeoutMs?: number;
  pollMs?: number;
  fetch?: typeof fetch;
};

export const RELAY_DEFAULTS = {
  batchSize: 50,
  // With the 30 s cap, 3,000 attempts is 12–25 hours of failing: an outage of a day is ridden
  // out without a person, a receiver refusing one event for longer makes it a dead letter.
  maxAttempts: 3_000,
  baseDelayMs: 2_000,
  // The cap is what bounds the wait after an outage: the next try is never more than 30 s away.
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  pollMs: 1_000,
} as const;

/** Exponential back-off with full jitter: attempt 1 → up to base, 2 → up to 2×base, … capped. */
export function backoffMs(attempts: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  // Never less than half the ceiling, so back-off always grows.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

type ClaimedRow = OutboxRow & { attempts: number };

export function createRelay(options: RelayOptions) {
  const o = { ...RELAY_DEFAULTS, ...options };
  const now = o.now ?? (() => new Date());
  const doFetch = o.fetch ?? fetch;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function claim(): Promise<ClaimedRow[]> {
    const at = now();
    const leaseUntil = new Date(at.getTime() + o.leaseMs);
    const rows = await o.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE "OutboxEvent" SET "nextAttemptAt" = ${leaseUntil}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT e."id" FROM "OutboxEvent" e
        WHERE e."deliveredAt" IS NULL AND e."attempts" < ${o.maxAttempts} AND e."nextAttemptAt" <= ${at}
          AND NOT EXISTS (
            SELECT 1 FROM "OutboxEvent" p
            WHERE p."aggregateType" = e."aggregateType" AND p."aggregateId" = e."aggregateId"
              AND p."deliveredAt" IS NULL AND p."sequence" < e."sequence")
        ORDER BY e."sequence"
        LIMIT ${o.batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "sequence", "aggregateType", "aggregateId", "eventType", "schemaVersion", "payload", "createdAt", "attempts"`;
    return rows.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
  }

  async function deliver(row: ClaimedRow): Promise<boolean> {
    const body = JSON.stringify(toEnvelope(row));
    let error: string | null = null;
    try {
      const res = await doFetch(o.url, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", [EVENT_ID_HEADER]: row.id, [SIGNATURE_HEADER]: signatureHeader(o.secret, body, now()), "user-agent": "Doorstep-Relay/1" },
        signal: AbortSignal.timeout(o.timeoutMs),
        redirect: "manual",
      });
      // Read and drop the body so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      // Delivered rows are marked together at the end of the round (one statement, not one each).
      if (res.status >= 200 && res.status < 300) return true;
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : "delivery failed";
    }
    const dead = row.attempts >= o.maxAttempts;
    const nextAttemptAt = new Date(now().getTime() + (dead ? 0 : backoffMs(row.attempts, o.baseDelayMs, o.maxDelayMs)));
    await o.prisma.outboxEvent.update({ where: { id: row.id }, data: { lastError: error, nextAttemptAt } });
    // Every failed attempt is logged, with identifiers only: event payloads hold personal data.
    if (dead) o.logger?.warn({ eventId: row.id, eventType: row.eventType, attempts: row.attempts, error }, "outbox event is now a dead letter");
    else o.logger?.warn({ eventId: row.id, eventType: row.eventType, attempts: row.attempts, error, nextAttemptAt: nextAttemptAt.toISOString() }, "outbox delivery failed; will retry");
    return false;
  }

  /** One claim-and-deliver round; returns how many events were delivered. */
  async function runOnce(): Promise<{ claimed: number; delivered: number }> {
    const rows = await claim();
    // Each claimed row is the head of a different aggregate, so they can go in parallel.
    const results = await Promise.all(rows.map(deliver));
    const delivered = rows.filter((_, i) => results[i]).map((r) => r.id);
    if (delivered.length) await o.prisma.outboxEvent.updateMany({ where: { id: { in: delivered } }, data: { deliveredAt: now(), lastError: null } });
    return { claimed: rows.length, delivered: delivered.length };
  }

  /** Rounds until `keepGoing` says stop, resting pollMs (or less) when there was nothing to send. */
  async function rounds(keepGoing: () => boolean, restMs: () => number) {
    while (keepGoing()) {
      let claimed = 0;
      try {
        claimed = (await runOnce()).claimed;
      } catch (err) {
        o.logger?.error({ error: err instanceof Error ? err.message.slice(0, 200) : "round failed" }, "outbox relay round failed");
      }
      if (!keepGoing()) break;
      if (claimed === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, restMs()));
          timer.unref?.();
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  const run = () => rounds(() => running, () => o.pollMs);

  return {
    runOnce,
    /**
     * One job's turn: relays for `ms` (wall-clock time) or until `signal` aborts. The job queue
     * runs one turn at a time across every instance (server/jobs/background.ts).
     */
    async runFor(ms: number, signal?: AbortSignal) {
      const until = Date.now() + ms;
      const onAbort = () => wake?.();
      signal?.addEventListener("abort", onAbort);
      try {
        await rounds(() => !signal?.aborted && Date.now() < until, () => Math.min(o.pollMs, until - Date.now()));
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
    },
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;

/** Events that failed maxAttempts times and are waiting for a person. */
export async function listDeadLetters(prisma: PrismaClient, maxAttempts: number = RELAY_DEFAULTS.maxAttempts, take = 100) {
  const where = { deliveredAt: null, attempts: { gte: maxAttempts } };
  const [total, rows] = await Promise.all([
    prisma.outboxEvent.count({ where }),
    prisma.outboxEvent.findMany({
      where,
      orderBy: { sequence: "asc" },
      take,
      select: { id: true, sequence: true, aggregateType: true, aggregateId: true, eventType: true, createdAt: true, attempts: true, lastError: true, nextAttemptAt: true },
    }),
  ]);
  const waiting = await prisma.outboxEvent.count({ where: { deliveredAt: null, attempts: { lt: maxAttempts } } });
  return { total, waiting, rows };
}

/** A dead letter goes back in line for immediate delivery (its id stays the same). */
export async function replayDeadLetter(prisma: PrismaClient, id: string, now: Date, maxAttempts: number = RELAY_DEFAULTS.maxAttempts): Promise<boolean> {
  const result = await prisma.outboxEvent.updateMany({
    where: { id, deliveredAt: null, attempts: { gte: maxAttempts } },
    data: { attempts: 0, nextAttemptAt: now, lastError: null },
  });
  return result.count === 1;
}
