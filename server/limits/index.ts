// Every rate limit in one place. With DATABASE_URL (one or many instances) the counters live in
// PostgreSQL through rate-limiter-flexible's RateLimiterPostgres, so a limit holds across
// instances and restarts; on embedded PGlite (one process by design) they live in memory.
// See docs/decisions/0010-several-instances.md.
import { createHmac } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/** The table made by prisma/migrations/*_rate_limits (model RateLimit): one for every limiter, keys carry their prefix. */
export const RATE_LIMIT_TABLE = "rate_limits";

export type LimiterOptions = {
  /** Names the limit; unique across the application (e.g. "signin-ip", "chat-connect"). Asking again for the same name and settings returns the same limiter. */
  keyPrefix: string;
  /** Points allowed per `duration` seconds. */
  points: number;
  duration: number;
  /** Once over the limit, refuse for this many seconds (default: until the window ends). */
  blockDuration?: number;
  /**
   * For limits checked on every event of a busy path (the chat's events): count in this
   * instance's memory and push the increments to the shared store once every `syncEveryMs`,
   * reading back the deployment's total, instead of one database write per consume. The limit
   * still holds across instances, to within what the other instances accepted since their last
   * push (docs/decisions/0017-batched-rate-limits.md). Leave unset for the exact, per-call store
   * (sign-in, email quotas): those are few and must never overrun.
   */
  syncEveryMs?: number;
};

/**
 * A limiter with rate-limiter-flexible's semantics: `consume` resolves with the points left, or
 * rejects with a RateLimiterRes when over the limit (use `isLimited` / `secondsToWait`).
 * Keys are hashed (keyed by the deployment's secret) before they reach the store, so no address,
 * email or reference is written to the table and every key fits its column.
 */
export interface Limiter {
  readonly keyPrefix: string;
  readonly points: number;
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  penalty(key: string, points?: number): Promise<RateLimiterRes>;
  reward(key: string, points?: number): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
  delete(key: string): Promise<boolean>;
}

export type Limits = {
  store: "postgres" | "memory";
  create(options: LimiterOptions): Limiter;
  /** Pushes every batched limiter's pending counts to the store now (tests; shutdown does it too). */
  flush(): Promise<void>;
  close(): Promise<void>;
};

/** True when a limiter refused (as opposed to failing). */
export const isLimited = (value: unknown): value is RateLimiterRes => value instanceof RateLimiterRes;

/** Whole seconds until a refused key may try again (at least 1). */
export const secondsToWait = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function createLimits(options: { databaseUrl?: string; secret: string; logger?: Logger }): Limits {
  const { databaseUrl, secret, logger } = options;
  const made = new Map<string, { options: string; limiter: Limiter }>();
  const hash = (key: string) => createHmac("sha256", secret).update(key).digest("base64url").slice(0, 32);

  // A pool of its own, small and quick to give up: a limiter must never hold a request for long.
  const pool = databaseUrl
    ? new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 3_000, query_timeout: 3_000, idleTimeoutMillis: 30_000 })
    : undefined;
  pool?.on("error", (err) => logger?.warn({ err }, "rate limit store connection lost"));

  // Expired rows are removed by one sweep per instance (idempotent across instances), not one per limiter.
  const sweep = pool
    ? setInterval(() => {
        void pool.query(`DELETE FROM "${RATE_LIMIT_TABLE}" WHERE expire < $1`, [Date.now() - 3_600_000]).catch(() => undefined);
      }, 5 * 60_000)
    : undefined;
  sweep?.unref();

  let lastWarning = 0;
  const warnOnce = (err: unknown, keyPrefix: string) => {
    // At most one line a minute: in a database outage every request would otherwise log.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    logger?.warn({ err, keyPrefix }, "rate limit store unavailable; counting in this instance's memory until it returns");
  };

  const batched: BatchedLimiter[] = [];

  return {
    store: pool ? "postgres" : "memory",
    create({ keyPrefix, points, duration, blockDuration, syncEveryMs }) {
      // The same limit asked for again (a module reloaded in development) is the same limiter;
      // two different limits under one name would share counters, so that is refused.
      const signature = JSON.stringify({ points, duration, blockDuration, syncEveryMs });
      const existing = made.get(keyPrefix);
      if (existing) {
        if (existing.options !== signature) throw new Error(`rate limit "${keyPrefix}" is made twice with different settings`);
        return existing.limiter;
      }
      // Batched only when shared: in one process (PGlite) memory is already off the database.
      if (pool && syncEveryMs) {
        if (blockDuration) throw new Error(`rate limit "${keyPrefix}": a batched limit has no blockDuration`);
        const limiter = new BatchedLimiter({ keyPrefix, points, duration, syncEveryMs }, pool, hash, (err) => warnOnce(err, keyPrefix));
        batched.push(limiter);
        made.set(keyPrefix, { options: signature, limiter });
        return limiter;
      }

      const memory = new RateLimiterMemory({ keyPrefix, points, duration, blockDuration });
      const shared: RateLimiterAbstract | undefined = pool
        ? new RateLimiterPostgres({
            storeClient: pool,
            storeType: "pool",
            tableName: RATE_LIMIT_TABLE,
            tableCreated: true,
            clearExpiredByTimeout: false,
            keyPrefix,
            points,
            duration,
            blockDuration,
          })
        : undefined;

      // When PostgreSQL is unreachable the limit still holds, per instance, in memory (logged):
      // refusing every request because the counter store is down would turn an outage into a lock-out.
      const run = async <T>(key: string, op: (store: RateLimiterAbstract, hashedKey: string) => Promise<T>): Promise<T> => {
        const hashed = hash(key);
        if (!shared) return op(memory, hashed);
        try {
          return await op(shared, hashed);
        } catch (error) {
          if (isLimited(error)) throw error;
          warnOnce(error, keyPrefix);
          return op(memory, hashed);
        }
      };

      const limiter: Limiter = {
        keyPrefix,
        points,
        consume: (key, n = 1) => run(key, (store, k) => store.consume(k, n)),
        penalty: (key, n = 1) => run(key, (store, k) => store.penalty(k, n)),
        reward: (key, n = 1) => run(key, (store, k) => store.reward(k, n)),
        get: (key) => run(key, (store, k) => store.get(k)),
        delete: (key) => run(key, (store, k) => store.delete(k)),
      };
      made.set(keyPrefix, { options: signature, limiter });
      return limiter;
    },
    async flush() {
      await Promise.all(batched.map((b) => b.flush()));
    },
    async close() {
      if (sweep) clearInterval(sweep);
      for (const b of batched) b.stop();
      await Promise.all(batched.map((b) => b.flush()));
      await pool?.end();
    },
  };
}

type Window = {
  /** The deployment's total as the store last answered it (this instance's pushed points included). */
  stored: number;
  /** Counted here and not yet pushed. */
  pending: number;
  /** When the window (or a block) ends, as the store said, or as this instance guessed before asking. */
  resetAt: number;
};

/** One statement for every key a batched limiter pushes: rate-limiter-flexible's upsert (same table, same window rule) for many keys at once. */
const PUSH_SQL = `
  INSERT INTO "${RATE_LIMIT_TABLE}" AS r ("key", "points", "expire")
  SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[])
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN r."expire" <= $4 THEN EXCLUDED."points" ELSE r."points" + EXCLUDED."points" END,
    "expire" = CASE WHEN r."expire" <= $4 THEN EXCLUDED."expire" ELSE r."expire" END
  RETURNING "key", "points", "expire"`;

/**
 * A limit counted in memory and shared in batches: `consume` never waits for the database. Every
 * `syncEveryMs` the points counted since the last push go to the store in ONE statement for all
 * keys (one row per key in the table the exact limiters use, with rate-limiter-flexible's window
 * rule: a row whose window ended starts again), and the rows that come back, the total of every
 * instance, replace the local view. Pushing key by key would be no cheaper than writing on every
 * event when, as in the chat, most keys (one per person) see one event per interval.
 * A key is refused once stored + pending is over `points`, as rate-limiter-flexible does: refused
 * attempts count too, so a client that keeps hammering stays refused on every instance.
 * Error bound: an instance does not see the others' points until its next push, so a key spread
 * over N instances can overrun by what the other N - 1 accepted within one interval.
 * If the store fails, the points stay counted here (this instance's memory, as the exact limiters
 * fall back to) and the warning is logged once a minute. No blockDuration: a refusal lasts until
 * the window ends.
 */
class BatchedLimiter implements Limiter {
  readonly keyPrefix: string;
  readonly points: number;
  private readonly durationMs: number;
  private readonly windows = new Map<string, Window>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | null = null;

  constructor(
    options: { keyPrefix: string; points: number; duration: number; syncEveryMs: number },
    private readonly pool: pg.Pool,
    private readonly hash: (key: string) => string,
    private readonly warn: (err: unknown) => void,
  ) {
    this.keyPrefix = options.keyPrefix;
    this.points = options.points;
    this.durationMs = options.duration * 1000;
    // A push still running (a slow or unreachable database) is not queued behind: the next tick takes what is pending then.
    this.timer = setInterval(() => {
      if (!this.flushing) void this.flush();
    }, options.syncEveryMs);
    this.timer.unref();
  }

  /** The row's key, as rate-limiter-flexible names it ("prefix:key"). */
  private rowKey = (hashed: string) => `${this.keyPrefix}:${hashed}`;

  private window(key: string, at: number): Window {
    const hashed = this.hash(key);
    let w = this.windows.get(hashed);
    if (!w || w.resetAt <= at) {
      // A new window as far as this instance knows (points still pending belonged to the one that
      // ended); the store's answer at the next push corrects its end and adds the others' points.
      w = { stored: 0, pending: 0, resetAt: at + this.durationMs };
      this.windows.set(hashed, w);
    }
    return w;
  }

  private answer(w: Window, at: number): RateLimiterRes {
    const consumed = w.stored + w.pending;
    return new RateLimiterRes(Math.max(0, this.points - consumed), Math.max(0, w.resetAt - at), consumed, false);
  }

  private change(key: string, n: number): RateLimiterRes {
    const at = Date.now();
    const w = this.window(key, at);
    w.pending += n;
    return this.answer(w, at);
  }

  consume(key: string, n = 1): Promise<RateLimiterRes> {
    const res = this.change(key, n);
    return res.consumedPoints > this.points ? Promise.reject(res) : Promise.resolve(res);
  }

  penalty(key: string, n = 1): Promise<RateLimiterRes> {
    return Promise.resolve(this.change(key, n));
  }

  reward(key: string, n = 1): Promise<RateLimiterRes> {
    return Promise.resolve(this.change(key, -n));
  }

  /** This instance's view: the deployment's total at the last push plus what was counted here since. */
  get(key: string): Promise<RateLimiterRes | null> {
    const at = Date.now();
    const w = this.windows.get(this.hash(key));
    return Promise.resolve(w && w.resetAt > at ? this.answer(w, at) : null);
  }

  async delete(key: string): Promise<boolean> {
    const hashed = this.hash(key);
    this.windows.delete(hashed);
    try {
      const { rowCount } = await this.pool.query(`DELETE FROM "${RATE_LIMIT_TABLE}" WHERE "key" = $1`, [this.rowKey(hashed)]);
      return (rowCount ?? 0) > 0;
    } catch (err) {
      this.warn(err);
      return false;
    }
  }

  /** Pushes every key's pending points in one statement and takes back the totals. */
  flush(): Promise<void> {
    // One push at a time: a second caller waits for the one running, then pushes what is left.
    if (this.flushing) return this.flushing.then(() => this.flush());
    const at = Date.now();
    const batch: { hashed: string; w: Window; n: number }[] = [];
    for (const [hashed, w] of this.windows) {
      if (w.pending === 0) {
        if (w.resetAt <= at) this.windows.delete(hashed);
        continue;
      }
      batch.push({ hashed, w, n: w.pending });
      w.pending = 0;
    }
    if (batch.length === 0) return Promise.resolve();
    // The same key order on every instance, so two pushes that share keys never deadlock.
    batch.sort((x, y) => (x.hashed < y.hashed ? -1 : x.hashed > y.hashed ? 1 : 0));
    this.flushing = this.push(batch, at).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async push(batch: { hashed: string; w: Window; n: number }[], at: number) {
    try {
      const { rows } = await this.pool.query<{ key: string; points: number; expire: string | null }>(PUSH_SQL, [
        batch.map((b) => this.rowKey(b.hashed)),
        batch.map((b) => b.n),
        batch.map(() => at + this.durationMs),
        at,
      ]);
      const totals = new Map(rows.map((r) => [r.key, r]));
      for (const { hashed, w } of batch) {
        const row = totals.get(this.rowKey(hashed));
        // Still this window (a new one may have begun here meanwhile): take the deployment's total.
        if (!row || this.windows.get(hashed) !== w) continue;
        w.stored = row.points;
        if (row.expire !== null) w.resetAt = Number(row.expire);
      }
    } catch (err) {
      // The store is down: keep the points counted here, so the limit still holds in this instance.
      for (const { w, n } of batch) w.stored += n;
      this.warn(err);
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}
