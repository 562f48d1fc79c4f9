// Looking into the hostile server from outside: its memory (through the V8 inspector it was
// started with, so a full GC can be asked for before measuring, with no test code in the server)
// and, on PostgreSQL, how many rows each table holds (to prove nothing was half-saved).
import { createWriteStream } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import WebSocket from "ws";

const inspectorPort = inject("hostileInspectorPort");
const databaseUrl = inject("hostileDatabaseUrl");

export type Memory = {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
};

async function cdp<T>(calls: { method: string; params?: Record<string, unknown> }[]): Promise<T[]> {
  const list = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(list[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  try {
    const results: T[] = [];
    for (const [i, call] of calls.entries()) {
      const answer = new Promise<T>((resolve, reject) => {
        const onMessage = (raw: WebSocket.RawData) => {
          const msg = JSON.parse(String(raw)) as {
            id?: number;
            result?: T;
            error?: unknown;
          };
          if (msg.id !== i + 1) return;
          ws.off("message", onMessage);
          if (msg.error) reject(new Error(JSON.stringify(msg.error)));
          else resolve(msg.result as T);
        };
        ws.on("message", onMessage);
      });
      ws.send(JSON.stringify({ id: i + 1, ...call }));
      results.push(await answer);
    }
    return results;
  } finally {
    ws.close();
  }
}

/** The server's memory after full garbage collections (twice: weak references and finalisers settle). */
export async function serverMemory(): Promise<Memory> {
  const results = await cdp<{ result: { value: string } }>([
    { method: "HeapProfiler.collectGarbage" },
    { method: "HeapProfiler.collectGarbage" },
    {
      method: "Runtime.evaluate",
      params: {
        expression: "JSON.stringify(process.memoryUsage())",
        returnByValue: true,
      },
    },
  ]);
  return JSON.parse(results[2]!.result.value) as Memory;
}

/**
 * Writes a V8 heap snapshot of the server to `file` (after a full GC), for finding what the heap
 * holds (test/hostile/heap-diff.ts compares two). Only when HOSTILE_HEAP_SNAPSHOTS names a folder.
 */
export async function heapSnapshot(file: string): Promise<void> {
  const list = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(list[0]!.webSocketDebuggerUrl, { maxPayload: 1024 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const out = createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.on("message", (raw: WebSocket.RawData) => {
        const msg = JSON.parse(String(raw)) as { id?: number; method?: string; params?: { chunk: string }; error?: unknown };
        if (msg.method === "HeapProfiler.addHeapSnapshotChunk") out.write(msg.params!.chunk);
        else if (msg.id === 2) (msg.error ? reject(new Error(JSON.stringify(msg.error))) : resolve());
      });
      ws.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }));
      ws.send(JSON.stringify({ id: 2, method: "HeapProfiler.takeHeapSnapshot", params: { reportProgress: false } }));
    });
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
    ws.close();
  }
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Tables that change by themselves (sessions, limits, presence, the socket adapter) are not counted. */
const VOLATILE = new Set(["Session", "rate_limits", "_prisma_migrations", "socket_io_attachments", "ChatAdviserPresence", "ChatAdviserState", "CaseCount", "NuisanceSummaryState"]);

/** Rows per table on PostgreSQL; null on PGlite, which lives inside the server process. */
export async function rowCounts(): Promise<Record<string, number> | null> {
  if (!databaseUrl) return null;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const names = tables.rows.map((r) => r.table_name).filter((n) => !VOLATILE.has(n));
    const sql = names.map((n) => `SELECT '${n}' AS t, count(*)::int AS n FROM "${n}"`).join(" UNION ALL ");
    const counts = await client.query<{ t: string; n: number }>(sql);
    return Object.fromEntries(counts.rows.map((r) => [r.t, r.n]));
  } finally {
    await client.end();
  }
}

/** Tables whose count changed, with the change. */
export function changed(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}
