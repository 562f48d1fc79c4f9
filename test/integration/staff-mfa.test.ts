// Two-step sign-in against the real production server: enrol with the QR page's key, sign in
// with a code, a recovery code works once, a code is never accepted twice; outside demo mode
// an account without two-step sign-in cannot reach any staff page until it has enrolled.
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { BrowserLikeClient } from "../support/browser-like-client";
import { startTestServer, type TestServer } from "../support/server";
import { restartServer } from "./chat-helpers";

let server: TestServer;
let restarted: ChildProcess | undefined;

beforeAll(async () => {
  server = await startTestServer();
}, 400_000);

afterAll(async () => {
  if (restarted && restarted.exitCode === null) {
    const exited = new Promise((r) => restarted!.once("exit", r));
    restarted.kill("SIGTERM");
    await exited;
    rmSync(server.dataDir, { recursive: true, force: true });
  } else await server?.stop();
});

const keyFrom = (html: string) => /data-testid="totp-key">([A-Z2-7 ]+)</.exec(html)![1]!.replace(/ /g, "");
const codesFrom = (html: string) => [...html.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);

/** The next code the app would show, never one already used: waits for the next 30-second step if needed. */
async function freshCode(secret: string, used: Set<string>): Promise<string> {
  for (;;) {
    const code = await generate({ secret });
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function password(client: BrowserLikeClient, email: string, pass: string, prefix = "") {
  await client.get(`${prefix}/staff/sign-in`);
  return client.post(`${prefix}/staff/sign-in`, { email, password: pass });
}

// Each test signs in several times; scrypt at N=2^17 takes seconds on a busy machine.
describe("two-step sign-in", { timeout: 180_000 }, () => {
  const used = new Set<string>();
  let secret = "";
  let recovery: string[] = [];

  it("demo mode: offered, not required; enrolling shows a QR code, the key as text and recovery codes once", async () => {
    const client = new BrowserLikeClient(server.url);
    const res = await password(client, "admin@doorstep.example", "demo-admin-2026");
    expect(res.headers.get("location")).toBe("/staff");
    const setup = await client.get("/staff/two-step");
    expect(setup.status).toBe(200);
    const html = await setup.text();
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")[^>]*src=/); // no JS needed (the staff shell's scripts aside)
    secret = keyFrom(html);
    // A reload shows the same key (it is kept in the session until confirmed).
    await client.get("/staff/two-step");
    expect(keyFrom(client.lastHtml)).toBe(secret);

    const wrong = await client.post("/staff/two-step", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(client.lastHtml).toContain("The code is not right");
    const done = await client.post("/staff/two-step", { code: await freshCode(secret, used) });
    expect(done.status).toBe(200);
    expect(done.headers.get("cache-control")).toContain("no-store");
    recovery = codesFrom(client.lastHtml);
    expect(recovery).toHaveLength(10);
    // Shown once: the page now only says it is on.
    const again = await (await client.get("/staff/two-step")).text();
    expect(again).toContain('data-testid="two-step-enabled"');
    expect(codesFrom(again)).toHaveLength(0);
  });

  it("after enrolling, the password alone no longer signs in: a code does, once", async () => {
    const client = new BrowserLikeClient(server.url);
    const res = await password(client, "admin@doorstep.example", "demo-admin-2026", "/cy");
    expect(res.headers.get("location")).toBe("/cy/staff/sign-in/code");
    expect((await client.get("/cy/staff")).status).toBe(302);
    const page = await client.get("/cy/staff/sign-in/code");
    expect(await page.text()).toContain("Rhowch eich cod diogelwch");
    const bad = await client.post("/cy/staff/sign-in/code", { code: "123456" });
    expect(bad.status).toBe(400);
    expect(client.lastHtml).toContain("Nid yw&#x27;r cod diogelwch yn gywir");
    const code = await freshCode(secret, used);
    const ok = await client.post("/cy/staff/sign-in/code", { code });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/cy/staff");
    expect((await client.get("/cy/staff")).status).toBe(200);

    // The same code again, in another sign-in: refused (replay).
    const other = new BrowserLikeClient(server.url);
    await password(other, "admin@doorstep.example", "demo-admin-2026");
    await other.get("/staff/sign-in/code");
    expect((await other.post("/staff/sign-in/code", { code })).status).toBe(400);
  });

  it("a recovery code signs in once, then never again", async () => {
    const first = new BrowserLikeClient(server.url);
    await password(first, "admin@doorstep.example", "demo-admin-2026");
    await first.get("/staff/sign-in/code");
    const ok = await first.post("/staff/sign-in/code", { code: recovery[0]!.toUpperCase() });
    expect(ok.status).toBe(302);
    expect((await first.get("/staff")).status).toBe(200);

    const second = new BrowserLikeClient(server.url);
    await password(second, "admin@doorstep.example", "demo-admin-2026");
    await second.get("/staff/sign-in/code");
    expect((await second.post("/staff/sign-in/code", { code: recovery[0]! })).status).toBe(400);
    // Five wrong codes: the password must be given again.
    for (let i = 0; i < 3; i++) await second.post("/staff/sign-in/code", { code: `aaaaa-bbbb${i + 2}` });
    // The fifth ends the half-done sign-in; the page then sends the person back to sign in.
    const fifth = await second.post("/staff/sign-in/code", { code: "aaaaa-bbbbb" });
    expect([302, 429]).toContain(fifth.status);
    if (fifth.status === 302) expect(fifth.headers.get("location")).toBe("/staff/sign-in");
    expect((await second.get("/staff/sign-in/code")).status).toBe(302);
  });

  it("outside demo mode every account must enrol before reaching any staff page", async () => {
    server.process.kill("SIGTERM");
    await new Promise((r) => server.process.once("exit", r));
    restarted = await restartServer(server.url, server.dataDir, { SEED_DEMO_DATA: "false" });
    const client = new BrowserLikeClient(server.url);
    const res = await password(client, "officer@doorstep.example", "demo-officer-2026");
    expect(res.headers.get("location")).toBe("/staff/two-step");
    expect((await client.get("/staff")).status).toBe(302);
    expect((await client.get("/staff/cases")).status).toBe(302);
    const setup = await (await client.get("/staff/two-step")).text();
    expect(setup).toContain("You need to set up two-step sign-in");
    const officerSecret = keyFrom(setup);
    const done = await client.post("/staff/two-step", { code: await freshCode(officerSecret, new Set()) });
    expect(`${done.status} ${done.headers.get("location")}`).toBe("200 null");
    expect(codesFrom(client.lastHtml)).toHaveLength(10);
    expect((await client.get("/staff")).status).toBe(200);
  });
});
