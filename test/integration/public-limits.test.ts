// Mail bombing through our forms (issue 12): anyone can type a stranger's address into a public
// form, so each recipient is sent at most PUBLIC_LIMITS.acknowledgementsPerRecipient of our
// acknowledgements a day, however the address is spelt; the cases are still created.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { PUBLIC_LIMITS } from "../../server/limits/public";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const unique = () => Math.random().toString(36).slice(2, 10);

async function askQuestion(email: string) {
  const client = new BrowserLikeClient(baseUrl);
  await client.get("/contact");
  await client.post("/contact", { question: `Can my landlord share my number? ${unique()}` });
  await client.get("/contact/details");
  await client.post("/contact/details", { name: "Sam Tester", email });
  await client.get("/contact/check");
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  const sent = await client.post("/contact/check", { idempotencyKey: key });
  expect(sent.status).toBe(302);
  const confirmation = await client.get("/contact/confirmation");
  return /data-testid="reference">(ENQ\d{7})</.exec(await confirmation.text())![1]!;
}

async function mailTo(mailbox: RegExp): Promise<string[]> {
  const found: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(mailDir);
  } catch {
    return found;
  }
  for (const file of files) {
    const raw = readFileSync(path.join(mailDir, file), "utf8");
    if (!mailbox.test(raw)) continue;
    const mail = await simpleParser(raw);
    const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(",") : (mail.to?.text ?? "");
    if (mailbox.test(to)) found.push(mail.subject ?? "");
  }
  return found;
}

describe("acknowledgements per recipient", () => {
  it("a stranger's address typed into many forms gets the day's limit of emails; every case is still created", async () => {
    const victim = `victim-${unique()}`;
    const limit = PUBLIC_LIMITS.acknowledgementsPerRecipient.points;
    const spellings = [`${victim}@example.org`, `${victim.toUpperCase()}@example.org`, `${victim}+a@example.org`, `${victim}+b@Example.org`];
    const references: string[] = [];
    for (let i = 0; i < limit + 2; i++) references.push(await askQuestion(spellings[i % spellings.length]!));
    expect(new Set(references).size).toBe(limit + 2);

    // A control sent after them: once its email is out, the victim's (queued before it) are too.
    const control = `control-${unique()}@example.org`;
    await askQuestion(control);
    const controlBox = new RegExp(control.replace(/[.+]/g, "\\$&"), "i");
    const victimBox = new RegExp(`${victim}(\\+[ab])?@example\\.org`, "i");
    for (let i = 0; i < 100 && ((await mailTo(controlBox)).length === 0 || (await mailTo(victimBox)).length < limit); i++) await new Promise((r) => setTimeout(r, 200));
    expect(await mailTo(controlBox)).toHaveLength(1);
    expect(await mailTo(victimBox)).toHaveLength(limit);
  }, 120_000);
});
