import autocannon from "autocannon";
import { startTestServer } from "../test/support/server";
const s = await startTestServer();
const url = s.url.replace("localhost", "127.0.0.1") + "/";
function pct(a: number[], p: number) { const b = [...a].sort((x, y) => x - y); return b[Math.min(b.length - 1, Math.ceil((p / 100) * b.length) - 1)]; }
async function one(opts: any, lat: number[]) {
  const inst = autocannon({ url, headers: { "accept-encoding": "gzip" }, ...opts });
  inst.on("response", (_c: any, _s: number, _b: number, t: number) => lat.push(t));
  return await inst;
}
try {
  for (let i = 0; i < 50; i++) await (await fetch(url)).text();
  for (const [name, opts] of [["A 1conn", { connections: 1, overallRate: 100, duration: 5 }], ["B 10conn", { connections: 10, overallRate: 100, duration: 5 }], ["S sat", { connections: 10, duration: 5 }]] as const) {
    const lat: number[] = []; const r: any = await one(opts, lat);
    console.log(name, "n", lat.length, "rps", (lat.length / 5).toFixed(0), "p50", pct(lat, 50).toFixed(1), "p95", pct(lat, 95).toFixed(1), "p99", pct(lat, 99).toFixed(1), "ac p50", r.latency.p50, r.latency.p97_5);
  }
  const lat: number[] = [];
  const runs: Promise<any>[] = [];
  for (let i = 0; i < 100; i++) { runs.push(one({ connections: 1, overallRate: 1, duration: 5 }, lat)); await new Promise(r => setTimeout(r, 10)); }
  await Promise.all(runs);
  console.log("C staggered n", lat.length, "p50", pct(lat, 50).toFixed(1), "p95", pct(lat, 95).toFixed(1), "p99", pct(lat, 99).toFixed(1));
} finally { await s.stop(); }
