// Opens the database: embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
import { mkdir } from "node:fs/promises";
import { PrismaClient } from "../generated/prisma/client";
import { countingAdapter } from "./db-query-count";
import { noteDbQuery } from "./http/request-context";

/**
 * One SQL statement straight through the driver Prisma itself uses (the same pg Pool, or the same
 * PGlite instance), for the few statements on a hot path: Prisma spends ~2–3 ms of CPU on each
 * query (its query compiler and interpreter) against ~0.5 ms through `pg`, which was a third of a
 * nuisance report's server time (docs/decisions/0015-page-cost.md). Rows come back as the driver
 * parses them (timestamptz as Date, jsonb as objects). Counted like Prisma's statements.
 */
export type Sql = { query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]> };

/** The same through a Prisma client, for code handed only one (tests, scripts). */
export const sqlThroughPrisma = (prisma: PrismaClient): Sql => ({
  query: <T>(text: string, params: readonly unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...params),
});

export type Database = {
  prisma: PrismaClient;
  sql: Sql;
  engine: "pglite" | "postgres";
  /** The embedded database itself, for the job queue (server/jobs), which talks SQL to it directly. */
  pglite?: import("@electric-sql/pglite").PGlite;
  close(): Promise<void>;
};

export async function openDatabase(options: { databaseUrl?: string; pgliteDir: string }): Promise<Database> {
  if (options.databaseUrl) {
    const pg = (await import("pg")).default;
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // One pool for Prisma and for `sql` (Prisma's adapter sets its own type parsers per query,
    // so the pool's defaults are left as pg has them).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPg(pool)) });
    const sql: Sql = {
      async query<T>(text: string, params: readonly unknown[] = []) {
        noteDbQuery();
        return (await pool.query(text, params as unknown[])).rows as T[];
      },
    };
    return {
      prisma,
      sql,
      engine: "postgres",
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  await mkdir(options.pgliteDir, { recursive: true });
  const client = new PGlite(options.pgliteDir);
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPGlite(client)) });
  const sql: Sql = {
    async query<T>(text: string, params: readonly unknown[] = []) {
      noteDbQuery();
      return (await client.query<T>(text, params as unknown[])).rows;
    },
  };
  return {
    prisma,
    sql,
    engine: "pglite",
    pglite: client,
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

export type Prisma = PrismaClient;
export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
