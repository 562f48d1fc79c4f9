// Opens the database: embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
import { mkdir } from "node:fs/promises";
import { PrismaClient } from "../generated/prisma/client";
import { countingAdapter } from "./db-query-count";

export type Database = {
  prisma: PrismaClient;
  engine: "pglite" | "postgres";
  /** The embedded database itself, for the job queue (server/jobs), which talks SQL to it directly. */
  pglite?: import("@electric-sql/pglite").PGlite;
  close(): Promise<void>;
};

export async function openDatabase(options: { databaseUrl?: string; pgliteDir: string }): Promise<Database> {
  if (options.databaseUrl) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPg({ connectionString: options.databaseUrl, max: 10 })) });
    return { prisma, engine: "postgres", close: () => prisma.$disconnect() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  await mkdir(options.pgliteDir, { recursive: true });
  const client = new PGlite(options.pgliteDir);
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPGlite(client)) });
  return {
    prisma,
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
