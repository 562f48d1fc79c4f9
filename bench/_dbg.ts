import { startTestServer } from "../test/support/server";
const s = await startTestServer();
try {
  const r = await fetch(s.url.replace("localhost","127.0.0.1") + "/", { headers: { "accept-encoding": "identity" } });
  console.log(r.status, r.headers.get("content-type"), r.headers.get("content-encoding"));
  const t = await r.text(); console.log(t.length, t.slice(0, 1500));
} finally { await s.stop(); }
