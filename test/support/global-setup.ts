import type { TestProject } from "vitest/node";
import { startTestServer, type TestServer } from "./server";

let server: TestServer | undefined;

export async function setup(project: TestProject) {
  // SERVER_TIMING: the page-cost test reads each page's database statement count.
  server = await startTestServer({ SERVER_TIMING: "true" });
  project.provide("baseUrl", server.url);
  project.provide("mailDir", server.mailDir);
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
  }
}
