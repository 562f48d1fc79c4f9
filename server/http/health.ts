import type { Services } from "../services";

const startedAt = Date.now();

export type Health = {
  status: "ok" | "degraded";
  database: { state: "up" | "down"; engine: "pglite" | "postgres"; latencyMs: number | null };
  uptimeSeconds: number;
  version: string;
};

export async function healthCheck(services: Pick<Services, "db">, timeoutMs = 2000): Promise<Health> {
  const started = performance.now();
  let up = false;
  try {
    await Promise.race([
      services.db.prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    up = true;
  } catch {
    up = false;
  }
  return {
    status: up ? "ok" : "degraded",
    database: { state: up ? "up" : "down", engine: services.db.engine, latencyMs: up ? Math.round((performance.now() - started) * 10) / 10 : null },
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    version: process.env.npm_package_version ?? "0.1.0",
  };
}
