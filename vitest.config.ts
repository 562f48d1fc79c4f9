import path from "node:path";
import { defineConfig } from "vitest/config";

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
        test: { name: "unit", include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "widget/**/*.test.ts", "shared/**/*.test.ts"] },
      },
      {
        extends: true,
        // Integration tests talk to the real production server (started once) and real databases.
        test: { name: "integration", include: ["test/integration/**/*.test.ts"], globalSetup: ["test/support/global-setup.ts"] },
      },
    ],
  },
});
