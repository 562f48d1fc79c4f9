// A journey through the real server with request logging on: the log must carry none of the
// tokens, email addresses, phone numbers or references in the paths it went through.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";
import { startTestServer, type TestServer } from "../support/server";

describe("request logs", () => {
  let server: TestServer;
  let log = "";
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: "info" });
    server.process.stdout!.on("data", (chunk) => (log += chunk));
    server.process.stderr!.on("data", (chunk) => (log += chunk));
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("hold no token, email address, phone number or reference from the paths of a full journey", async () => {
    const email = `log-${randomBytes(4).toString("hex")}@example.com`;
    const client = new BrowserLikeClient(server.url);
    await client.get("/contact");
    await client.post("/contact", { question: "Can my landlord share my number?" });
    await client.get("/contact/details");
    await client.post("/contact/details", { name: "Sam Logtest", email, phone: "07700 900123" });
    await client.get("/contact/check");
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
    await client.post("/contact/check", { idempotencyKey: key });
    const reference = /data-testid="reference">(ENQ\d{7})</.exec(await (await client.get("/contact/confirmation")).text())![1]!;
    await client.get(`/track?reference=${reference}`);

    const resumeToken = randomBytes(24).toString("base64url");
    const consentToken = randomBytes(24).toString("base64url");
    await client.get(`/concerns/resume/${resumeToken}`);
    await client.get(`/cy/adjustments/consent/${consentToken}`);
    await client.get(`/adjustments/consent/${consentToken}.data`);

    const officer = new BrowserLikeClient(server.url);
    await officer.get("/staff/sign-in");
    await officer.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    await officer.get(`/staff/cases/${reference}`);
    await officer.get(`/staff/cases/${reference}.data`);
    await officer.get(`/staff/offenders/sender/${encodeURIComponent(email)}`);
    await officer.get(`/staff/offenders/sender/${email}`);
    await officer.get("/staff/offenders/number/07700900123");
    await officer.get("/number/07700900123");
    await officer.get(`/staff/cases?who=${encodeURIComponent(email)}`);

    // Wait until the last request is in the log, then look for every identifier.
    for (let i = 0; i < 100 && !log.includes("/staff/cases\"") && !log.includes('"path":"/staff/cases"'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(log).toContain('"path":"/staff/cases/:reference"');
    expect(log).toContain('"path":"/concerns/resume/:token"');
    for (const secret of [reference, email, encodeURIComponent(email), "07700900123", "07700 900123", resumeToken, consentToken]) {
      expect(log, secret).not.toContain(secret);
    }
  }, 120_000);
});
