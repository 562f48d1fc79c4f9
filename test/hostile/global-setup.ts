// One production server for the hostile tests, with the protections on that demo mode turns off
// (the fill-time check, the daily quotas per address) and TRUST_PROXY, so each test can come from
// its own address (X-Forwarded-For) and one test's limits never block another's.
// - The day's submissions per address is 5 (PUBLIC_SUBMISSIONS_PER_DAY; 100 in production) and
//   the public posts per address 300 in 10 minutes (PUBLIC_POSTS_PER_10_MIN; 1,000), so both are
//   proven over HTTP quickly; every other limit is at its production value. Chat is always open.
// - The chat's per-socket and per-address event budgets are raised, so the generated socket
//   events reach their handlers instead of all meeting that (separately tested) rate limit.
// - The server runs with the V8 inspector on a loopback port, so the suite can ask for a full GC
//   and read its memory from outside (test/hostile/probe.ts): no test hook in the server itself.
// - On PostgreSQL (the default when TEST_DATABASE_URL is set; HOSTILE_ENGINE=pglite|postgres to
//   choose) the suite also counts rows per table, to prove nothing was half-saved.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { freePort, startTestServer, type Engine, type TestServer } from "../support/server";
import { HOSTILE_POSTS_PER_10_MIN, HOSTILE_SUBMISSIONS_PER_DAY } from "./settings";

let server: TestServer | undefined;

export async function setup(project: TestProject) {
  const secret = randomBytes(32).toString("hex");
  const engine: Engine = (process.env.HOSTILE_ENGINE as Engine | undefined) ?? (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  const inspectorPort = await freePort();
  server = await startTestServer(
    {
      SESSION_SECRET: secret,
      TRUST_PROXY: "true",
      PUBLIC_FORM_MIN_FILL_MS: "1500",
      PUBLIC_ADDRESS_QUOTAS: "true",
      PUBLIC_SUBMISSIONS_PER_DAY: String(HOSTILE_SUBMISSIONS_PER_DAY),
      PUBLIC_POSTS_PER_10_MIN: String(HOSTILE_POSTS_PER_10_MIN),
      CHAT_OFFICE_HOURS: "always",
      MAX_FORM_BYTES: "1000000",
      CHAT_EVENTS_PER_CONNECTION: "5000",
      CHAT_EVENTS_PER_IP: "100000",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect=127.0.0.1:${inspectorPort}`.trim(),
    },
    { engine, instances: 1 },
  );
  project.provide("hostileUrl", server.url);
  project.provide("hostileMailDir", server.mailDir);
  project.provide("hostileDataDir", server.dataDir);
  project.provide("hostileSecret", secret);
  project.provide("hostileInspectorPort", inspectorPort);
  project.provide("hostileDatabaseUrl", engine === "postgres" ? server.env.DATABASE_URL! : "");
  project.provide("hostileEngine", engine);
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    hostileUrl: string;
    hostileMailDir: string;
    hostileDataDir: string;
    hostileSecret: string;
    hostileInspectorPort: number;
    hostileDatabaseUrl: string;
    hostileEngine: string;
  }
}
