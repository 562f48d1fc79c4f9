import type { FullConfig } from "@playwright/test";
import { startTestServer } from "../support/server";

// One production server for the whole run; its address reaches the tests through the environment.
// With TEST_DATABASE_URL (CI) it is E2E_INSTANCES instances (default 2) on a fresh PostgreSQL
// database behind the cluster proxy (scripts/cluster.ts): every page, form and chat goes through
// the proxy and lands on either instance. Without it, one embedded (PGlite) server, as `npm start`.
export default async function globalSetup(_config: FullConfig) {
  const instances = Number(process.env.E2E_INSTANCES ?? (process.env.TEST_DATABASE_URL ? 2 : 1));
  // Read by startTestServer in the workers too (a spec that starts its own server gets the same shape).
  process.env.TEST_INSTANCES = String(instances);
  const server = await startTestServer();
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_MAIL_DIR = server.mailDir;
  console.log(instances > 1 ? `e2e: ${instances} instances on PostgreSQL behind ${server.url}` : `e2e: one server on ${server.engine} at ${server.url}`);
  return async () => {
    await server.stop();
  };
}
