import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { freePort, startTestServer, type TestServer } from "../support/server";
import { startChatHost } from "./chat-host";

// The servers for the whole run, started once and in parallel; their addresses reach the tests
// through the environment (test/e2e/fixtures.ts). Starting a server (migrations, demo data) costs
// more than most tests, so specs share these instead of starting their own.
// - The main server: every spec. With TEST_DATABASE_URL (CI) it is two instances on a fresh
//   PostgreSQL database behind the cluster proxy (scripts/cluster.ts; E2E_INSTANCES, default 2), so
//   every page, form and chat lands on either instance: the deployment shape of issue 11. Without
//   it (or with E2E_INSTANCES=1), one embedded (PGlite) server, as `npm start`. Chat is always open
//   on it, it accepts the widget embedded on the host page below, and it receives mail by SMTP.
// - A server whose chat is closed (the closed-hours notice), one embedded instance; the advisers
//   test's js-off half runs there too (chat.spec.ts).
// - The host page: another origin embedding the widget.
export default async function globalSetup(_config: FullConfig) {
  const instances = process.env.TEST_DATABASE_URL ? Number(process.env.E2E_INSTANCES ?? 2) : 1;
  // Read by startTestServer in the workers too (a spec that starts its own server gets the same shape).
  process.env.TEST_INSTANCES = String(instances);
  const [hostPort, smtpPort] = [await freePort(), await freePort()];
  const hostUrl = `http://127.0.0.1:${hostPort}`;
  let main: TestServer | undefined;
  const host = await startChatHost(hostPort, () => main!.url);
  const [mainResult, closedResult] = await Promise.allSettled([
    startTestServer({
      CHAT_OFFICE_HOURS: "always",
      CHAT_ALLOWED_ORIGINS: hostUrl,
      // A higher event allowance than production so one test can send a long conversation quickly.
      CHAT_EVENTS_PER_CONNECTION: "200",
      INBOUND_SMTP_PORT: String(smtpPort),
      MAIL_REPLY_TO: "Casework <casework@casework.test>",
    }),
    startTestServer({ CHAT_OFFICE_HOURS: "closed" }, { engine: "pglite", instances: 1 }),
  ]);
  if (mainResult.status === "rejected" || closedResult.status === "rejected") {
    if (mainResult.status === "fulfilled") await mainResult.value.stop();
    if (closedResult.status === "fulfilled") await closedResult.value.stop();
    host.close();
    throw mainResult.status === "rejected" ? mainResult.reason : (closedResult as PromiseRejectedResult).reason;
  }
  main = mainResult.value;
  const axeDir = mkdtempSync(path.join(tmpdir(), "doorstep-axe-"));
  const closed = closedResult.value;
  Object.assign(process.env, {
    E2E_BASE_URL: main.url,
    E2E_MAIL_DIR: main.mailDir,
    E2E_SMTP_PORT: String(smtpPort),
    E2E_DATABASE_URL: main.engine === "postgres" ? main.env.DATABASE_URL : "",
    E2E_CLOSED_URL: closed.url,
    E2E_CHAT_HOST_URL: hostUrl,
    // Page shapes axe has passed in this run, shared by the workers (fixtures.ts).
    E2E_AXE_DIR: axeDir,
  });
  console.log(instances > 1 ? `e2e: ${instances} instances on PostgreSQL behind ${main.url}` : `e2e: one server on ${main.engine} at ${main.url}`);
  return async () => {
    await Promise.all([main!.stop(), closed.stop(), new Promise((r) => host.close(r))]);
    rmSync(axeDir, { recursive: true, force: true });
  };
}
