// Fault-test plumbing: a throwaway PostgreSQL of the fault tests' own (never the shared test
// server on 54329, which other people's tests use), that can be stopped and started again.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const FAULT_PG_PORT = Number(process.env.FAULT_PGPORT ?? 54340);
export const FAULT_PG_DIR = process.env.FAULT_PGDATA_DIR ?? "/tmp/doorstep-pg-faults";

const bin = () => {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  return path.join("/usr/lib/postgresql", versions.at(-1)!, "bin");
};
// PostgreSQL refuses to run as root: as the postgres user, like .ci/start-postgres.sh.
const asPostgres = (command: string, args: string[]) => (process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args]) as [string, string[]];

export type FaultPostgres = { url: string; stop(): void; start(): void; destroy(): void };

/** Starts (fresh) the fault tests' own PostgreSQL and makes an empty database on it. */
export async function startFaultPostgres(): Promise<FaultPostgres> {
  if (FAULT_PG_PORT === 54329) throw new Error("the fault tests never use the shared PostgreSQL on 54329");
  const server = execFileSync(path.resolve(".ci/start-postgres.sh"), { env: { ...process.env, PGPORT: String(FAULT_PG_PORT), PGDATA_DIR: FAULT_PG_DIR }, encoding: "utf8" }).trim();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS doorstep_faults WITH (FORCE)");
  await admin.query("CREATE DATABASE doorstep_faults");
  await admin.end();
  const url = new URL(server);
  url.pathname = "/doorstep_faults";
  const ctl = (args: string[]) => {
    const [command, argv] = asPostgres(path.join(bin(), "pg_ctl"), ["-D", FAULT_PG_DIR, ...args]);
    const result = spawnSync(command, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pg_ctl ${args[0]} failed: ${result.stderr}`);
  };
  const options = `-c listen_addresses=127.0.0.1 -p ${FAULT_PG_PORT} -k /tmp -c fsync=off -c max_connections=200`;
  return {
    url: url.toString(),
    stop: () => ctl(["-m", "fast", "-w", "stop"]),
    start: () => ctl(["-l", path.join(FAULT_PG_DIR, "server.log"), "-w", "-o", options, "start"]),
    destroy: () => {
      try {
        ctl(["-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` is true, or throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
