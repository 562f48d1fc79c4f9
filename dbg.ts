import { BrowserLikeClient } from "./test/support/browser-like-client";
const c = new BrowserLikeClient("http://localhost:3411");
await c.get("/staff/sign-in");
let r = await c.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
console.log("signin", r.status);
for (const p of ["/staff/offenders", "/staff/offenders?dimension=company&sort=total", "/staff/offenders?dimension=domain", "/cy/staff/offenders?dimension=sender&page=2", "/staff/offenders/number/%2B441614960001", "/staff/offenders/company/claim%20helpers%20direct", "/staff/offenders/number/%2B441614960001/csv", "/staff/offenders/csv?dimension=company"]) {
  const t0 = Date.now();
  r = await c.get(p);
  const body = await r.text();
  console.log(p, r.status, Date.now() - t0, "ms", body.length);
  if (p === "/staff/offenders") console.log(body.replace(/<script[\s\S]*?<\/script>/g, "").match(/<tbody[\s\S]*?<\/tr>/)?.[0].replace(/<[^>]+>/g, " | ").replace(/(\s*\|\s*)+/g, " | "));
  if (p.endsWith("csv")) console.log(body.slice(0, 400));
}
