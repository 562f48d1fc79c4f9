// `npx tsx bench/startup-probe.ts`: what the first seconds after start cost a visitor. Starts the
// production server (PGlite unless BENCH_ENGINE=postgres), then asks for PROBE_PATH (default "/")
// at a fixed PROBE_RATE (default 100/s) for PROBE_SECONDS (default 30), and prints each second's
// p50/p95/max time to the last byte, counted from when /healthz first answered. A stall in the
// server's start-up work (job queue, migrations, catch-up) shows as the seconds where p95 jumps.
import { performance } from "node:perf_hooks";
import { startTestServer } from "../test/support/server";

const RATE = Number(process.env.PROBE_RATE ?? 100);
const SECONDS = Number(process.env.PROBE_SECONDS ?? 30);
const PATH = process.env.PROBE_PATH ?? "/";

const server = await startTestServer({ LOG_LEVEL: "error" }, { engine: process.env.BENCH_ENGINE === "postgres" ? "postgres" : "pglite" });
const origin = new URL(server.url);
origin.hostname = "127.0.0.1";
const t0 = performance.now();
const samples: { at: number; ms: number; ok: boolean }[] = [];
const pending: Promise<void>[] = [];
for (let i = 0; i < RATE * SECONDS; i++) {
  const at = (i * 1000) / RATE;
  const wait = t0 + at - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pending.push(
    (async () => {
      const start = performance.now();
      let ok = false;
      try {
        const res = await fetch(`${origin.origin}${PATH}`, { headers: { accept: "text/html" } });
        await res.arrayBuffer();
        ok = res.ok;
      } catch {
        ok = false;
      }
      samples.push({ at: start - t0, ms: performance.now() - start, ok });
    })(),
  );
}
await Promise.all(pending);
if (process.env.PROFILE_OUT) {
  // The CPU profile of the whole run, when the profiler is preloaded (/work/lead-tools/preload.cjs style).
  server.process.kill("SIGUSR2");
  await new Promise((r) => setTimeout(r, 500));
  await fetch(`${origin.origin}/healthz`);
}
await server.stop();
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const all = samples.map((s) => s.ms).sort((a, b) => a - b);
console.log(`${PATH} at ${RATE}/s for ${SECONDS} s after start: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, max ${all.at(-1)?.toFixed(1)} ms, ${samples.filter((s) => !s.ok).length} errors`);
for (let second = 0; second < SECONDS; second++) {
  const inSecond = samples.filter((s) => s.at >= second * 1000 && s.at < (second + 1) * 1000).map((s) => s.ms).sort((a, b) => a - b);
  console.log(`  ${String(second).padStart(3)} s: p50 ${pct(inSecond, 50).toFixed(1).padStart(7)}  p95 ${pct(inSecond, 95).toFixed(1).padStart(7)}  max ${(inSecond.at(-1) ?? 0).toFixed(1).padStart(7)}`);
}
process.exit(0);
