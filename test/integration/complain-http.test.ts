// A complaint about our service (RCC) made by the public, against the real server without
// JavaScript: on its own form (English) and from a case's tracking page (Welsh), with errors in
// the person's language, an acknowledgement with the reference, and the link to the case only
// when it is the person's own.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const unique = () => Math.random().toString(36).slice(2, 10);

async function findMail(predicate: (subject: string, text: string, to: string) => boolean) {
  for (let i = 0; i < 75; i++) {
    try {
      for (const file of readdirSync(mailDir)) {
        const mail = await simpleParser(readFileSync(path.join(mailDir, file)));
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(",") : (mail.to?.text ?? "");
        if (predicate(mail.subject ?? "", mail.text ?? "", to)) return mail;
      }
    } catch {
      // no mail folder yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("email not written");
}

const londonToday = () => {
  const d = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date());
  const part = (t: string) => d.find((x) => x.type === t)!.value;
  return { "eventOn-day": part("day"), "eventOn-month": part("month"), "eventOn-year": part("year") };
};

async function askQuestion(p: string, email: string) {
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/contact`);
  await client.post(`${p}/contact`, { question: `Can my landlord share my number? ${unique()}` });
  await client.get(`${p}/contact/details`);
  await client.post(`${p}/contact/details`, { name: "Sam Tester", email });
  await client.get(`${p}/contact/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  await client.post(`${p}/contact/check`, { idempotencyKey: key });
  return /data-testid="reference">(ENQ\d{7})</.exec(await (await client.get(`${p}/contact/confirmation`)).text())![1]!;
}

const signedIn = () => signInAs(baseUrl, "manager");

describe("complaints about our service from the public", () => {
  it("English, its own form: errors, then a complaint with a reference and an acknowledgement; someone else's case is not linked", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/complain");
    const empty = await client.post("/complain", { idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!, reference: "NOT-A-REF", whatHappened: "", name: "", email: "x" });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    for (const text of ["Tell us what happened", "Enter the date it happened", "Enter your name", "Enter a case reference in the right format"]) expect(errors).toContain(text);
    // More than 3 months ago: a reason is needed.
    const late = await client.post("/complain", { idempotencyKey: crypto.randomUUID(), whatHappened: "Nobody replied", "eventOn-day": "1", "eventOn-month": "1", "eventOn-year": "2020", name: "Sam", email: "sam@example.com" });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Tell us why you are complaining now");
    // A date after today says which date (issue 13: "The date must be today or in the past").
    const future = await client.post("/complain", { idempotencyKey: crypto.randomUUID(), whatHappened: "Nobody replied", "eventOn-day": "1", "eventOn-month": "1", "eventOn-year": "2099", name: "Sam", email: "sam@example.com" });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("The date it happened must be today or in the past");

    const owner = `owner-${unique()}@example.com`;
    const someoneElses = await askQuestion("", owner);
    const email = `complainer-${unique()}@example.com`;
    const key = crypto.randomUUID();
    const form = { idempotencyKey: key, reference: someoneElses, whatHappened: "Your adviser was rude to me", ...londonToday(), putRight: "An apology", name: "Alex Complainer", email };
    const csrf = client.csrfToken();
    const done = await client.post("/complain", form);
    expect(done.status).toBe(200);
    const html = await done.text();
    const reference = /data-testid="reference">(RCC\d{7})</.exec(html)![1]!;
    expect(html).not.toContain(`It is about your case ${someoneElses}`);
    // A double click makes one complaint.
    expect(/data-testid="reference">(RCC\d{7})</.exec(await (await client.post("/complain", form, { csrf })).text())![1]).toBe(reference);
    const ack = await findMail((subject, _text, to) => to.includes(email) && subject.includes(reference));
    expect(ack.subject).toBe(`We have received your complaint [Ref. ${reference}]`);
    // Staff see it as an RCC case, not linked to the other person's case.
    const staff = await signedIn();
    const rcc = await (await staff.get(`/staff/cases/${reference}`)).text();
    expect(rcc).toContain("Your adviser was rude to me");
    expect(rcc).not.toContain(`/staff/cases/${someoneElses}"`);
  });

  it("Welsh, from the tracking page: about that case, linked, acknowledged in Welsh", async () => {
    const email = `cwyn-${unique()}@example.com`;
    const caseReference = await askQuestion("/cy", email);
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/cy/track");
    expect((await client.post("/cy/track", { reference: caseReference, email })).status).toBe(200);
    const link = await findMail((_s, text, to) => to.includes(email) && text.includes("/track/case/"));
    const trackPath = new URL(/(https?:\/\/\S+\/track\/case\/[A-Za-z0-9_-]+)/.exec(link.text!)![1]!).pathname;
    const trackPage = await (await client.get(trackPath)).text();
    const complainPath = /data-testid="complain-link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*data-testid="complain-link"/.exec(trackPage)!;
    const href = (complainPath[1] ?? complainPath[2]!).replace(/&amp;/g, "&");
    expect(href).toMatch(/^\/cy\/complain\?track=/);
    const formPage = await (await client.get(href)).text();
    expect(formPage).toContain(`Mae’r gŵyn hon am eich achos ${caseReference}`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(formPage)![1]!;
    const token = new URL(href, baseUrl).searchParams.get("track")!;
    const bad = await client.post(href, { idempotencyKey: key, track: token, whatHappened: "", name: "Siân" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Dywedwch wrthym beth ddigwyddodd");
    const done = await client.post(href, { idempotencyKey: key, track: token, whatHappened: "Ni chefais ateb", ...londonToday(), name: "Siân" });
    expect(done.status).toBe(200);
    const html = await done.text();
    const reference = /data-testid="reference">(RCC\d{7})</.exec(html)![1]!;
    expect(html).toContain(`Mae am eich achos ${caseReference}`);
    const ack = await findMail((subject, _t, to) => to.includes(email) && subject.includes(reference));
    expect(ack.subject).toBe(`Rydym wedi cael eich cwyn [Ref. ${reference}]`);
    const staff = await signedIn();
    expect(await (await staff.get(`/staff/cases/${caseReference}`)).text()).toContain(reference);
  });
});
