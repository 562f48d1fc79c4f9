import type { TestProject } from "vitest/node";
import { freePort, startTestServer, type Engine, type TestServer } from "./server";

// One production server per integration project, shared by its test files: embedded PGlite for
// "integration" (this file), a fresh PostgreSQL database for "integration-postgres"
// (global-setup-postgres.ts, in CI where TEST_DATABASE_URL is set).
export function serverFor(engine: Engine) {
  let server: TestServer | undefined;
  return {
    async setup(project: TestProject) {
      // SERVER_TIMING: the page-cost test reads each page's database statement count.
      // TRUST_PROXY: a test that means to be refused (wrong passwords, guessing) says it comes from
      // an address of its own (X-Forwarded-For), so the shared server's loopback address is not
      // blocked for every test file after it. Requests without the header come from loopback as before.
      // INBOUND_SMTP_PORT: the server's own mail receiver (loopback), so a test can send it mail
      // as a relay would (held messages staff confirm, track-records-http).
      const smtpPort = await freePort();
      server = await startTestServer({ SERVER_TIMING: "true", TRUST_PROXY: "true", INBOUND_SMTP_PORT: String(smtpPort) }, { engine, instances: 1 });
      project.provide("baseUrl", server.url);
      project.provide("mailDir", server.mailDir);
      project.provide("engine", engine);
      project.provide("smtpPort", smtpPort);
    },
    async teardown() {
      await server?.stop();
    },
  };
}

const { setup, teardown } = serverFor("pglite");
export { setup, teardown };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    engine: Engine;
    smtpPort: number;
  }
}
