// The production server runs the relay when WEBHOOK_URL is set: a question sent through the
// public form reaches a local receiver as a signed case.created event, then case work follows.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from "../../server/outbox/signature";
import { BrowserLikeClient } from "../support/browser-like-client";
import { startTestServer, type TestServer } from "../support/server";

const SECRET = "server-relay-secret-0123456789abcdef";
const received: { id: string; type: string; data: Record<string, unknown> }[] = [];
const rejected: string[] = [];
const seen = new Set<string>();
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const check = verifySignature({ secret: SECRET, header: req.headers[SIGNATURE_HEADER] as string, body, seen });
    if (!check.ok) {
      rejected.push(check.reason);
      res.statusCode = 401;
      return res.end();
    }
    const event = JSON.parse(body);
    if (req.headers[EVENT_ID_HEADER] === event.id) received.push(event);
    res.statusCode = 204;
    res.end();
  });
});

let server: TestServer;
beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  server = await startTestServer({ WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, WEBHOOK_SECRET: SECRET });
  // A second production server: on a busy 2-core machine its start alone can pass two minutes.
}, 300_000);
afterAll(async () => {
  await server?.stop();
  receiver.close();
});

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 100));
  return check();
}

describe("the server's relay", () => {
  it("delivers the demo data's and a new question's events, signed, then each case change", async () => {
    const client = new BrowserLikeClient(server.url);
    await client.get("/contact");
    await client.post("/contact", { question: "Relay question" });
    await client.get("/contact/details");
    await client.post("/contact/details", { name: "Relay Person", email: "relay@example.com" });
    await client.get("/contact/check");
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
    await client.post("/contact/check", { idempotencyKey: key });
    const reference = /data-testid="reference">(ENQ\d{7})</.exec(await (await client.get("/contact/confirmation")).text())![1]!;
    expect(await until(() => received.some((e) => e.type === "case.created" && e.data.reference === reference))).toBe(true);

    const staff = new BrowserLikeClient(server.url);
    await staff.get("/staff/sign-in");
    await staff.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    await staff.get(`/staff/cases/${reference}`);
    await staff.post(`/staff/cases/${reference}`, { intent: "take" });
    await staff.get(`/staff/cases/${reference}`);
    await staff.post(`/staff/cases/${reference}`, { intent: "prepare" });
    expect(await until(() => received.some((e) => e.type === "case.under_way" && e.data.reference === reference))).toBe(true);
    const mine = received.filter((e) => e.data.reference === reference).map((e) => e.type);
    expect(mine).toEqual(["case.created", "case.allocated", "case.under_way"]);
    expect(rejected).toEqual([]);
  });
});
