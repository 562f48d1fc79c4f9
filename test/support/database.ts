// Real databases for integration tests: an in-memory PGlite always, and a throwaway
// PostgreSQL database too when TEST_DATABASE_URL is set. Both get the committed migrations.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client";

export type Engine = "pglite" | "postgres";
export type TestDatabase = {
  prisma: PrismaClient;
  engine: Engine;
  /** The raw database, for code that talks SQL beside Prisma (the job queue): PGlite's client or PostgreSQL's url. */
  pglite?: PGlite;
  url?: string;
  close(): Promise<void>;
};

export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

const migrationsDir = path.resolve("prisma/migrations");
const migrations = () =>
  readdirSync(migrationsDir)
    .filter((name) => !name.endsWith(".toml"))
    .sort()
    .map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "pglite") {
    const client = new PGlite();
    for (const sql of migrations()) await client.exec(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return {
      prisma,
      engine,
      pglite: client,
      async close() {
        await prisma.$disconnect();
        await client.close();
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `doorstep_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const setup = new pg.Client({ connectionString: url.toString() });
  await setup.connect();
  for (const sql of migrations()) await setup.query(sql);
  await setup.end();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 10 }) });
  return {
    prisma,
    engine,
    url: url.toString(),
    async close() {
      await prisma.$disconnect();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
