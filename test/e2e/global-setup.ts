import type { FullConfig } from "@playwright/test";
import { startTestServer } from "../support/server";

// One production server for the whole run; its address reaches the tests through the environment.
export default async function globalSetup(_config: FullConfig) {
  const server = await startTestServer();
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_MAIL_DIR = server.mailDir;
  return async () => {
    await server.stop();
  };
}
