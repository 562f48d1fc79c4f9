// One production server for the hostile tests, with the protections on that demo mode turns off
// (the fill-time check, the daily quotas per address) and TRUST_PROXY, so each test can come from
// its own address (X-Forwarded-For) and one test's limits never block another's.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer | undefined;

export async function setup(project: TestProject) {
  const secret = randomBytes(32).toString("hex");
  server = await startTestServer(
    { SESSION_SECRET: secret, TRUST_PROXY: "true", PUBLIC_FORM_MIN_FILL_MS: "1500", PUBLIC_ADDRESS_QUOTAS: "true", MAX_FORM_BYTES: "1000000" },
    { engine: "pglite", instances: 1 },
  );
  project.provide("hostileUrl", server.url);
  project.provide("hostileMailDir", server.mailDir);
  project.provide("hostileSecret", secret);
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    hostileUrl: string;
    hostileMailDir: string;
    hostileSecret: string;
  }
}
