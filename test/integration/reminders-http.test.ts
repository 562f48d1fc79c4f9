// "Email me on that day" through the real production server, as a browser without JavaScript:
// the concerns assistant says wait, offers the reminder, takes an address (in Welsh, with Welsh
// errors), emails a confirmation with a stop link at once, and the stop link's one button stops it.
// Sending on the day is proven with an injected clock in reminders.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");

function daysAgo(n: number) {
  const d = new Date(Date.now() - n * 86_400_000);
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(d).split("-");
  return { "raisedOn-day": String(Number(day)), "raisedOn-month": String(Number(month)), "raisedOn-year": year! };
}

async function mailTo(to: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of readdirSync(mailDir).filter((f) => f.endsWith(".eml"))) {
      const raw = readFileSync(path.join(mailDir, file));
      if (!raw.includes(to)) continue;
      return simpleParser(raw);
    }
    if (Date.now() > deadline) throw new Error("no email");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("concern reminders over HTTP", () => {
  it("offers a reminder on a 'wait' answer, confirms it by email in Welsh, and stops it with one button", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const steps: [string, Record<string, string>][] = [
      ["topic", { topic: "personal" }],
      ["what-happened", { whatHappened: "sar" }],
      ["organisation", { organisation: "Acme Cyf" }],
      ["location", { location: "uk" }],
      ["sector", { sector: "health" }],
      ["raised-on", daysAgo(3)],
    ];
    await client.get("/cy/concerns");
    for (const [step, fields] of steps) {
      await client.get(`/cy/concerns/q/${step}`);
      expect((await client.post(`/cy/concerns/q/${step}`, fields)).status).toBe(302);
    }
    expect((await client.get("/cy/concerns/result")).status).toBe(200);
    expect(client.lastHtml).toContain('href="/cy/concerns/remind"');

    await client.get("/cy/concerns/remind");
    expect(client.lastHtml).toContain("Cael nodyn atgoffa drwy e-bost");
    const bad = await client.post("/cy/concerns/remind", { email: "nid-e-bost" });
    expect(bad.status).toBe(400);
    expect(client.lastHtml).toContain("Rhowch gyfeiriad e-bost yn y fformat cywir");

    const email = `atgoffa-${Date.now()}@example.com`;
    const set = await client.post("/cy/concerns/remind", { email });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/cy/concerns/remind?sent=1");
    await client.get("/cy/concerns/remind?sent=1");
    expect(client.lastHtml).toContain('data-testid="reminder-set"');

    const confirmation = await mailTo(email);
    expect(confirmation.subject).toBe("Byddwn yn eich atgoffa am eich pryder");
    const stop = /https?:\/\/[^\s]+(\/cy\/reminders\/stop\/[A-Za-z0-9_-]{43})/.exec(confirmation.text ?? "")![1]!;

    // Opening the link changes nothing; the button stops it; the link then no longer works.
    expect((await client.get(stop)).status).toBe(200);
    expect((await client.get(stop)).status).toBe(200);
    expect(client.lastHtml).toContain("Atal y nodyn atgoffa");
    const stopped = await client.post(stop, {});
    expect(stopped.status).toBe(200);
    expect(client.lastHtml).toContain("Mae eich nodyn atgoffa wedi’i atal");
    expect((await client.get(stop)).status).toBe(410);
  }, 60_000);
});
