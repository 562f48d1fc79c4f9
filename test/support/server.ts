// Starts the production build (`node server.js`) on a free port with its own empty database,
// exactly as `npm start` does but isolated from ./data: embedded PGlite, or a fresh PostgreSQL
// database (made from TEST_DATABASE_URL, dropped at stop) when the engine is "postgres".
// TEST_ENGINE=postgres makes that the default (the integration-postgres project sets it), and
// TEST_INSTANCES=2 starts that many instances behind the cluster proxy (scripts/cluster.ts)
// instead of one: the end-to-end suite does so in CI.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startCluster, type Cluster } from "../../scripts/cluster";

export type Engine = "pglite" | "postgres";
export type TestServer = {
  url: string;
  dataDir: string;
  mailDir: string;
  engine: Engine;
  /** The environment it runs with, to start it again the same way (chat restart tests). */
  env: Record<string, string>;
  process: ChildProcess;
  /** Set when several instances run behind the proxy (`url` is the proxy's). */
  cluster?: Cluster;
  stop(): Promise<void>;
};

/** How many instances a test server has when a test does not say: TEST_INSTANCES, else 1. */
export const defaultInstances = () => Math.max(1, Number(process.env.TEST_INSTANCES) || 1);

/** The engine servers use when a test does not say: TEST_ENGINE, else PGlite (PostgreSQL when several instances). */
export const defaultEngine = (): Engine => (process.env.TEST_ENGINE === "postgres" || defaultInstances() > 1 ? "postgres" : "pglite");

const environments = new Map<string, Record<string, string>>();
/** The environment of a server started here, by its URL. */
export const serverEnv = (url: string) => environments.get(url);

/**
 * What the committed migrations and the Prisma/PGlite versions make: the key of a migrated copy.
 * `prisma migrate deploy` costs ~13 s of CPU per run (its WebAssembly schema engine), and a test
 * run starts a dozen servers, so it runs once per key and every server starts from a copy.
 */
function migrationsKey(): string {
  const dir = path.resolve("prisma/migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    hash.update(name);
    if (!name.endsWith(".toml")) hash.update(readFileSync(path.join(dir, name, "migration.sql")));
  }
  for (const pkg of ["prisma", "@electric-sql/pglite"]) hash.update(readFileSync(path.resolve("node_modules", pkg, "package.json")));
  return hash.digest("hex").slice(0, 16);
}

function migrateDeploy(env: Record<string, string | undefined>) {
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
}

/** A PGlite data directory with every migration applied, made once per key in the temp folder. */
function migratedPGliteDir(): string {
  const dir = path.join(tmpdir(), `doorstep-test-server-pglite-${migrationsKey()}`);
  if (existsSync(dir)) return dir;
  // Made under another name and renamed: a worker making it at the same moment never copies half of one.
  const partial = mkdtempSync(`${dir}.partial-`);
  try {
    migrateDeploy({ DATABASE_URL: "", PGLITE_DIR: partial });
    try {
      renameSync(partial, dir);
    } catch (error) {
      if (!existsSync(dir)) throw error; // another worker won the race: use theirs
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** Makes the migrated template database on the TEST_DATABASE_URL server once per key, under a lock. */
async function migratedTemplate(base: string): Promise<string> {
  const template = `doorstep_template_${migrationsKey()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    // One maker across workers and processes; the others wait and then find it made.
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!rowCount) {
      const partial = `${template}_partial`;
      await admin.query(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${partial}`);
      const url = new URL(base);
      url.pathname = `/${partial}`;
      migrateDeploy({ DATABASE_URL: url.toString() });
      await admin.query(`ALTER DATABASE ${partial} RENAME TO ${template}`);
    }
    await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [template]);
  } finally {
    await admin.end();
  }
  return template;
}

/**
 * A fresh PostgreSQL database on the TEST_DATABASE_URL server; drop() removes it. Empty, or with
 * `migrated` a copy of the migrated template (what `prisma migrate deploy` would make, without its cost).
 */
export async function createPostgresDatabase(options: { migrated?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set: start PostgreSQL with .ci/start-postgres.sh");
  const template = options.migrated ? await migratedTemplate(base) : undefined;
  const name = `doorstep_server_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestServer(extraEnv: Record<string, string> = {}, options: { engine?: Engine; instances?: number } = {}): Promise<TestServer> {
  const instances = options.instances ?? defaultInstances();
  if (instances > 1) return startTestCluster(instances, extraEnv);
  const engine = options.engine ?? defaultEngine();
  const dataDir = mkdtempSync(path.join(tmpdir(), "doorstep-server-"));
  const port = await freePort();
  const database = engine === "postgres" ? await createPostgresDatabase({ migrated: true }) : undefined;
  const env: Record<string, string> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    DATABASE_URL: database?.url ?? "",
    ...(database ? { SESSION_SECRET: randomBytes(32).toString("hex") } : {}),
    LOG_LEVEL: "warn",
    // NODE_ENV=production seeds the demo staff only when asked explicitly (server/config.ts).
    SEED_DEMO_DATA: "true",
    ...extraEnv,
  } as Record<string, string>;
  // The database arrives migrated: PostgreSQL as a copy of the template, PGlite as a copy of a migrated data directory.
  // A database the caller made and passed in (chat-cluster.test.ts, bench/chat.ts: createBenchDatabase) is empty: migrated here.
  if (extraEnv.DATABASE_URL) migrateDeploy(env);
  else if (!database) cpSync(migratedPGliteDir(), env.PGLITE_DIR!, { recursive: true });
  const child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  // Generous: on a loaded 2-core machine (eight people testing at once) a cold start took over a minute.
  const deadline = Date.now() + 180_000;
  while (true) {
    if (child.exitCode !== null) {
      await database?.drop();
      throw new Error(`server exited early:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Never leave a half-started server behind holding the port and the database.
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  environments.set(url, env);
  return {
    url,
    dataDir,
    mailDir: path.join(dataDir, "mail"),
    engine,
    env,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
      environments.delete(url);
    },
  };
}

/** Several instances on a fresh PostgreSQL database behind the cluster proxy, as one TestServer. */
async function startTestCluster(instances: number, extraEnv: Record<string, string>): Promise<TestServer> {
  const database = await createPostgresDatabase({ migrated: true });
  let cluster: Cluster;
  try {
    cluster = await startCluster({ databaseUrl: database.url, migrate: false, instances, env: { LOG_LEVEL: "warn", SEED_DEMO_DATA: "true", ...extraEnv } });
  } catch (error) {
    await database.drop();
    throw error;
  }
  environments.set(cluster.url, cluster.env);
  return {
    url: cluster.url,
    dataDir: cluster.dataDir,
    mailDir: cluster.mailDir,
    engine: "postgres",
    env: cluster.env,
    process: cluster.instances[0]!.process,
    cluster,
    async stop() {
      await cluster.stop();
      await database.drop();
      environments.delete(cluster.url);
    },
  };
}
