// Starts the production build (`node server.js`) on a free port with its own empty database,
// exactly as `npm start` does but isolated from ./data: embedded PGlite, or a fresh PostgreSQL
// database (made from TEST_DATABASE_URL, dropped at stop) when the engine is "postgres".
// TEST_ENGINE=postgres makes that the default (the integration-postgres project sets it), and
// TEST_INSTANCES=2 starts that many instances behind the cluster proxy (scripts/cluster.ts)
// instead of one: the end-to-end suite does so in CI.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
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

/** A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server; drop() removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set: start PostgreSQL with .ci/start-postgres.sh");
  const name = `doorstep_server_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
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
  const database = engine === "postgres" ? await createPostgresDatabase() : undefined;
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
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
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
  const database = await createPostgresDatabase();
  let cluster: Cluster;
  try {
    cluster = await startCluster({ databaseUrl: database.url, instances, env: { LOG_LEVEL: "warn", SEED_DEMO_DATA: "true", ...extraEnv } });
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
