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

  return {
    store: pool ? "postgres" : "memory",
    create({ keyPrefix, points, duration, blockDuration }) {
      // The same limit asked for again (a module reloaded in development) is the same limiter;
      // two different limits under one name would share counters, so that is refused.
      const signature = JSON.stringify({ points, duration, blockDuration });
      const existing = made.get(keyPrefix);
      if (existing) {
        if (existing.options !== signature) throw new Error(`rate limit "${keyPrefix}" is made twice with different settings`);
        return existing.limiter;
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
    async close() {
      if (sweep) clearInterval(sweep);
      await pool?.end();
    },
  };
}
