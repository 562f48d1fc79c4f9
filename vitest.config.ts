import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

// The integration tests that go through the production server (the shared one or their own).
// With TEST_DATABASE_URL (CI) they run a second time against a server on PostgreSQL; the tests
// that open databases directly already run on both engines (test/support/database.ts).
const serverTests = () =>
  readdirSync("test/integration")
    .filter((name) => name.endsWith(".test.ts"))
    .filter((name) => {
      const source = readFileSync(path.join("test/integration", name), "utf8");
      // Tests that pick their own DATABASE_URL (the two-instance chat test) already run on PostgreSQL.
      return /inject\("baseUrl"\)|startTestServer\(/.test(source) && !/DATABASE_URL:/.test(source);
    })
    .map((name) => `test/integration/${name}`);

// Unit and integration tests. The React Router plugin is left out: tests import modules directly.
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // isolate: false: the unit files share their worker's modules instead of each starting a
        // fresh one (none mocks modules or changes the environment; every file passes either way).
        // Measured: the unit project alone 94 s of CPU isolated, 61 s shared.
        test: { name: "unit", include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "widget/**/*.test.ts", "shared/**/*.test.ts"], isolate: false },
      },
      {
        extends: true,
        // Integration tests talk to the real production server (started once) and real databases.
        test: { name: "integration", include: ["test/integration/**/*.test.ts"], globalSetup: ["test/support/global-setup.ts"] },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "integration-postgres",
                include: serverTests(),
                globalSetup: ["test/support/global-setup-postgres.ts"],
                // Servers the tests start themselves (chat, relay) use PostgreSQL too.
                env: { TEST_ENGINE: "postgres" },
              },
            },
          ]
        : []),
      {
        extends: true,
        // Attacks on a running server of its own (npm run test:hostile): test/hostile/.
        // One file at a time: the generated run counts rows and measures the server's memory, which
        // another file's requests at the same moment would disturb.
        test: { name: "hostile", include: ["test/hostile/**/*.test.ts"], globalSetup: ["test/hostile/global-setup.ts"], testTimeout: 60_000, fileParallelism: false },
      },
      {
        extends: true,
        // Fault injection (npm run test:faults): instances killed, PostgreSQL stopped. Heavy, so not in npm test.
        // One file at a time: each loads the machine on purpose and times recovery, so two at once
        // would measure each other.
        test: { name: "faults", include: ["test/faults/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false },
      },
    ],
  },
});
