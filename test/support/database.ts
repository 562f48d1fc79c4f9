// Real databases for integration tests: an in-memory PGlite always, and a throwaway
// PostgreSQL database too when TEST_DATABASE_URL is set. Both get the committed migrations.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

/**
 * An in-memory PGlite with the migrations applied. The first one (per set of migrations and PGlite
 * version, on this machine) is migrated and saved as a data-directory tarball in the temp folder;
 * every later one loads that tarball instead: booting an empty PGlite (its initdb, in WASM) costs
 * about 3 s of CPU, loading the migrated copy about 1.3 s, and a run makes dozens of them.
 */
async function migratedPGlite(): Promise<PGlite> {
  const sqls = migrations();
  const pgliteVersion = JSON.parse(readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
  const key = createHash("sha256").update(`${pgliteVersion}\0${sqls.join("\0")}`).digest("hex").slice(0, 16);
  const file = path.join(tmpdir(), `doorstep-test-pglite-${key}.tar`);
  if (!existsSync(file)) {
    const fresh = new PGlite();
    for (const sql of sqls) await fresh.exec(sql);
    const dump = await fresh.dumpDataDir("none");
    await fresh.close();
    // Written under another name and renamed: a worker making it at the same moment never reads half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    rmSync(partial, { force: true });
  }
  const client = new PGlite({ loadDataDir: new Blob([readFileSync(file)]) });
  await client.waitReady;
  return client;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "pglite") {
    const client = await migratedPGlite();
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
