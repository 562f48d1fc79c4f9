import type { FullConfig } from "@playwright/test";
import { startTestServer } from "../support/server";

// One production server for the whole run; its address reaches the tests through the environment.
// With E2E_INSTANCES=2 (and TEST_DATABASE_URL) it is that many instances on a fresh PostgreSQL
// database behind the cluster proxy (scripts/cluster.ts): every page, form and chat goes through
// the proxy and lands on either instance. Otherwise one embedded (PGlite) server, as `npm start`.
// CI sets E2E_INSTANCES=2 once chat works across instances (decision 0008); see .ci/run.
export default async function globalSetup(_config: FullConfig) {
  const instances = process.env.TEST_DATABASE_URL ? Number(process.env.E2E_INSTANCES ?? 1) : 1;
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
