// Prisma CLI configuration. Prisma 6.19 with the wasm ("js") schema engine, so the
// CLI never downloads a native engine (see docs/decisions/0002-database.md).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Empty counts as unset: an empty DATABASE_URL makes the CLI fall back to downloading an engine.
const realDatabaseUrl = process.env.DATABASE_URL || undefined;
// The schema needs a postgresql:// url to validate even in embedded mode; PGlite ignores it.
process.env.DATABASE_URL ||= "postgresql://embedded@localhost/doorstep";

// The wasm schema engine and pg's pool leave idle timers that keep the CLI alive for ~10 s.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = originalSetTimeout(...args);
  if (typeof args[1] === "number" && args[1] >= 5_000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

let factory: Promise<SqlMigrationAwareDriverAdapterFactory> | undefined;

async function createAdapterFactory(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (realDatabaseUrl) {
    // adapter-pg 6.19.3 cannot deserialise the `name` columns migrate reads; 7.10.1 can.
    const { PrismaPg } = await import("@prisma/adapter-pg-migrate");
    return new PrismaPg({ connectionString: realDatabaseUrl, allowExitOnIdle: true }) as unknown as SqlMigrationAwareDriverAdapterFactory;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dataDir = path.resolve(process.env.PGLITE_DIR || "data/pglite");
  await mkdir(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  // Two PGlite instances on one folder corrupt it, and an open one keeps the CLI alive.
  let closing = false;
  process.on("beforeExit", () => {
    if (closing) return;
    closing = true;
    void client.close();
  });
  const inner = new PrismaPGlite(client);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => splitScripts(await inner.connect()),
    connectToShadowDb: async () => splitScripts(await inner.connectToShadowDb()),
  };
}

// The wasm engine sends a whole migration script as one prepared statement,
// which PostgreSQL's extended protocol refuses; run such scripts as a script.
function splitScripts<T extends { executeRaw: (q: any) => Promise<number>; executeScript: (s: string) => Promise<void> }>(adapter: T): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query: { sql: string; args: unknown[] }) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: () => (factory ??= createAdapterFactory()),
});
