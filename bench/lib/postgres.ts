// A throw-away PostgreSQL database for one benchmark run.
import { spawnSync } from "node:child_process";
import pg from "pg";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export type BenchDatabase = { url: string; name: string; serverVersion: string; drop(): Promise<void> };

/** Why PostgreSQL cannot be used, or undefined when it can. */
export async function unavailableReason(adminUrl: string): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(adminUrl);
  } catch {
    return "BENCH_DATABASE_URL is not a valid URL";
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) return "BENCH_DATABASE_URL must be a postgresql:// URL";
  if (!LOOPBACK.has(url.hostname)) return `BENCH_DATABASE_URL points at ${url.hostname}; the benchmark only talks to localhost`;

  const ready = spawnSync("pg_isready", ["-d", adminUrl, "-t", "3"], { encoding: "utf8", timeout: 5_000 });
  if (!ready.error) return ready.status === 0 ? undefined : `pg_isready: ${(ready.stdout || ready.stderr).trim() || `exit ${ready.status}`}`;

  // No pg_isready on this machine: try a connection instead.
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return `cannot connect: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database next to the one in `adminUrl`; `drop()` removes it. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `doorstep_bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  let serverVersion = "";
  try {
    serverVersion = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "";
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.href,
    name,
    serverVersion,
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        // FORCE (PostgreSQL 13+) ends any connection a stopped server left behind.
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
