// Broadcasts between instances: with PostgreSQL (DATABASE_URL) every instance's socket.io server
// shares rooms through the socket.io PostgreSQL adapter (LISTEN/NOTIFY; payloads over NOTIFY's
// 8000-byte limit go through the socket_io_attachments table, created by a migration). With the
// embedded PGlite there is one process and socket.io's default in-memory adapter.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Logger } from "pino";
import type { Server } from "socket.io";

export function useClusterAdapter(io: Server, databaseUrl: string, logger: Logger): () => Promise<void> {
  // Its own small pool: one connection LISTENs for good, the others NOTIFY.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 6 });
  pool.on("error", (err) => logger.warn({ err }, "chat adapter connection failed"));
  // The pool's handler covers idle connections only. The adapter keeps one connection checked
  // out for LISTEN and listens to its "end" but not its "error": when PostgreSQL stopped, that
  // error was unhandled and took the whole process down. Handled here, the connection ends and
  // the adapter reconnects by itself once PostgreSQL is back (test/faults/postgres-outage.test.ts).
  pool.on("connect", (client) => client.on("error", (err) => logger.warn({ err }, "chat adapter connection lost")));
  const notifier = batchNotifications(pool, logger);
  io.adapter(
    createAdapter(pool, {
      errorHandler: (err) => logger.warn({ err }, "chat adapter error"),
      // Instances say they are alive every 5 s; one silent for 15 s is dropped from requests
      // such as fetchSockets (which then do not wait for it).
      heartbeatInterval: 5_000,
      heartbeatTimeout: 15_000,
    }),
  );
  return async () => {
    await notifier.drain();
    await pool.end();
  };
}

const NOTIFY = "SELECT pg_notify($1, $2)";
/** Notifications sent in one statement at most (two parameters each). */
const MAX_BATCH = 200;
/** Notifications waiting at most; in an outage the oldest are dropped (as the adapter drops a failed one). */
const MAX_WAITING = 20_000;

/**
 * The adapter publishes every broadcast with its own `SELECT pg_notify($1, $2)` on the pool and
 * delivers to this instance's own sockets only once that query has answered, so every chat
 * message, even between two sockets of one instance, waited for a pool connection and a round
 * trip; under load (hundreds a second on six connections) that queue was most of a message's
 * latency (docs/decisions/0017-batched-rate-limits.md). Here the pool's `query` answers that
 * statement at once and the notifications go out in the background, in the order they were
 * published, many in one statement, one statement at a time. The adapter never reads the
 * result of pg_notify (it runs without connection-state recovery, so there is no offset), and
 * a failure is logged as the adapter's own error handler would.
 * PostgreSQL delivers a notification only once per transaction for the same channel and
 * payload, so a batch stops at a repeat and the repeat goes in the next statement.
 */
function batchNotifications(pool: pg.Pool, logger: Logger) {
  const waiting: [string, string][] = [];
  let running: Promise<void> | null = null;
  let lastWarning = 0;
  const query = pool.query.bind(pool);

  async function send() {
    while (waiting.length > 0) {
      const batch: [string, string][] = [];
      const seen = new Set<string>();
      while (batch.length < MAX_BATCH && waiting.length > 0) {
        const [channel, payload] = waiting[0]!;
        const key = `${channel}\u0000${payload}`;
        if (seen.has(key)) break;
        seen.add(key);
        batch.push(waiting.shift()!);
      }
      const text = `SELECT ${batch.map((_n, i) => `pg_notify($${2 * i + 1}, $${2 * i + 2})`).join(", ")}`;
      try {
        await query(text, batch.flat());
      } catch (err) {
        if (Date.now() - lastWarning > 60_000) {
          lastWarning = Date.now();
          logger.warn({ err, dropped: batch.length }, "chat adapter error: notifications not sent");
        }
      }
    }
  }

  const kick = () => {
    running ??= send().finally(() => {
      running = null;
      if (waiting.length > 0) kick();
    });
  };

  pool.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (text === NOTIFY && Array.isArray(values) && callback === undefined) {
      waiting.push([String(values[0]), String(values[1])]);
      if (waiting.length > MAX_WAITING) waiting.splice(0, waiting.length - MAX_WAITING);
      kick();
      return Promise.resolve({ rows: [], rowCount: 0 });
    }
    return (query as (...args: unknown[]) => unknown)(text, values, callback);
  }) as typeof pool.query;

  return {
    /** Waits (at most 2 s: the database may be the reason for stopping) for what is waiting to go out. */
    async drain() {
      const until = Date.now() + 2_000;
      while (running && Date.now() < until) await Promise.race([running, new Promise((r) => setTimeout(r, 100))]);
    },
  };
}
