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
  io.adapter(
    createAdapter(pool, {
      errorHandler: (err) => logger.warn({ err }, "chat adapter error"),
      // Instances say they are alive every 5 s; one silent for 15 s is dropped from requests
      // such as fetchSockets (which then do not wait for it).
      heartbeatInterval: 5_000,
      heartbeatTimeout: 15_000,
    }),
  );
  return () => pool.end();
}
