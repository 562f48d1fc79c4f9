// The adjustments journey and staff pages against the real production server, as a browser
// without JavaScript would use them: bad input, language switches, access refusals.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const unique = () => Math.random().toString(36).slice(2, 10);
const withoutScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");
/** Whether the checkbox or radio with this value is ticked in the HTML. */
const ticked = (html: string, value: string) => /\bchecked\b/.test(new RegExp(`<input[^>]*value="${value}"[^>]*>`).exec(html)?.[0] ?? "");

/** Posts a form with repeated fields (several checkboxes), keeping the client's cookies. */
async function postMany(client: BrowserLikeClient, url: string, pairs: [string, string][]): Promise<Response> {
  const body = new URLSearchParams([["csrf", client.csrfToken()], ...pairs]);
  const res = await fetch(baseUrl + url, {
    method: "POST",
    redirect: "manual",
    body,
    headers: { cookie: client.cookieHeader(), "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
  });
  (client as unknown as { remember(r: Response): void }).remember(res);
  if ((res.headers.get("content-type") ?? "").includes("text/html")) client.lastHtml = await res.clone().text();
  return res;
}

async function findMail(predicate: (text: string, to: string) => boolean) {
  for (let i = 0; i < 50; i++) {
    try {
      for (const file of readdirSync(mailDir)) {
        const mail = await simpleParser(readFileSync(path.join(mailDir, file)));
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(",") : (mail.to?.text ?? "");
        if (predicate(mail.text ?? "", to)) return mail;
      }
    } catch {
      // no mail folder yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("email not written");
}

const signedIn = (who: "officer" | "manager" | "adviser" | "head" | "admin") => signInAs(baseUrl, who);

/** A whole request, without JavaScript; returns its reference. */
async function requestAdjustment(lang: "en" | "cy", answers: { email: string; difficulty?: string; caseReference?: string }) {
  const p = lang === "cy" ? "/cy" : "";
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/adjustments/needs`);
  expect((await postMany(client, `${p}/adjustments/needs`, [["needs", "large_print"], ["needs", "phone_not_writing"], ["other", ""]])).headers.get("location")).toBe(`${p}/adjustments/more`);
  await client.get(`${p}/adjustments/more`);
  expect((await client.post(`${p}/adjustments/more`, { size: "24" })).headers.get("location")).toBe(`${p}/adjustments/duration`);
  await client.get(`${p}/adjustments/duration`);
  await client.post(`${p}/adjustments/duration`, { duration: "ongoing" });
  await client.get(`${p}/adjustments/case`);
  expect((await client.post(`${p}/adjustments/case`, { caseReference: answers.caseReference ?? "" })).status).toBe(302);
  await client.get(`${p}/adjustments/about-you`);
  await client.post(`${p}/adjustments/about-you`, answers.difficulty ? { difficulty: answers.difficulty, consent: "yes" } : { difficulty: "" });
  await client.get(`${p}/adjustments/contact`);
  await client.post(`${p}/adjustments/contact`, { name: "Sam Example", email: answers.email, phone: "" });
  await client.get(`${p}/adjustments/reply`);
  expect((await client.post(`${p}/adjustments/reply`, { replyBy: "email", address: "" })).headers.get("location")).toBe(`${p}/adjustments/check`);
  await client.get(`${p}/adjustments/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  const sent = await client.post(`${p}/adjustments/check`, { idempotencyKey: key });
  expect(sent.headers.get("location")).toBe(`${p}/adjustments/confirmation`);
  const html = await (await client.get(`${p}/adjustments/confirmation`)).text();
  return { reference: /data-testid="reference">(ADJ\d{7})</.exec(html)![1]!, html, client };
}

describe("the adjustments journey without JavaScript", () => {
  it.each([
    ["en", "Select what would help you, or tell us in the box for anything else", "There is a problem"],
    ["cy", "Dewiswch beth fyddai’n eich helpu, neu dywedwch wrthym yn y blwch ar gyfer unrhyw beth arall", "Mae problem wedi codi"],
  ] as const)("refuses nothing chosen and no other text (%s)", async (lang, message, summary) => {
    const p = lang === "cy" ? "/cy" : "";
    const client = new BrowserLikeClient(baseUrl);
    await client.get(`${p}/adjustments/needs`);
    const res = await client.post(`${p}/adjustments/needs`, { other: "   " });
    expect(res.status).toBe(400);
    const html = withoutScripts(await res.text());
    expect(html).toContain(summary);
    expect(html.split(message).length - 1).toBe(2);
    // The summary links to the first box, and the one error describes both groups of boxes.
    expect(html).toContain(`<a href="#needs">${message}</a>`);
    expect(html).toMatch(/<input[^>]* id="needs"/);
    expect(html.match(/<fieldset[^>]* aria-describedby="needs-hint needs-error"/g)).toHaveLength(2);
    expect(html).toMatch(lang === "cy" ? /<title>Gwall: / : /<title>Error: /);
  });

  it.each([
    ["en", "Enter your full name", "Enter an email address in the correct format, like name@example.com"],
    ["cy", "Rhowch eich enw llawn", "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com"],
  ] as const)("contact details: errors in the person's language (%s), each linked to its box and kept as typed", async (lang, name, email) => {
    const p = lang === "cy" ? "/cy" : "";
    const client = new BrowserLikeClient(baseUrl);
    await client.get(`${p}/adjustments/needs`);
    await client.post(`${p}/adjustments/needs`, { needs: "large_print" });
    await client.get(`${p}/adjustments/more`);
    await client.post(`${p}/adjustments/more`, { size: "24" });
    await client.get(`${p}/adjustments/duration`);
    await client.post(`${p}/adjustments/duration`, { duration: "one_off" });
    await client.get(`${p}/adjustments/case`);
    await client.post(`${p}/adjustments/case`, { caseReference: "" });
    await client.get(`${p}/adjustments/about-you`);
    expect((await client.post(`${p}/adjustments/about-you`, { difficulty: "" })).headers.get("location")).toBe(`${p}/adjustments/contact`);
    await client.get(`${p}/adjustments/contact`);
    const res = await client.post(`${p}/adjustments/contact`, { name: "", email: "not-an-address", phone: "" });
    expect(res.status).toBe(400);
    const html = withoutScripts(await res.text());
    expect(html).toContain(`<a href="#name">${name}</a>`);
    expect(html).toContain(`<a href="#email">${email}</a>`);
    expect(/<input[^>]* id="email"[^>]*>/.exec(html)?.[0]).toContain('aria-describedby="email-hint email-error"');
    expect(html).toContain('value="not-an-address"');
  });

  it("keeps very long text and script as typed, shown as text, with a message in the person's language", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/cy/adjustments/needs");
    const long = `<script>alert("x")</script>${"a".repeat(600)}`;
    const res = await postMany(client, "/cy/adjustments/needs", [["needs", "bold"], ["other", long]]);
    expect(res.status).toBe(400);
    const html = withoutScripts(await res.text());
    expect(html).toContain("Rhaid i unrhyw beth arall a fyddai’n helpu fod yn 500 o nodau neu lai");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // The ticked box stays ticked.
    expect(ticked(html, "bold")).toBe(true);
    expect(ticked(html, "braille")).toBe(false);
    expect(html).not.toContain('<script>alert("x")');
  });

  it("refuses an unknown or malformed case reference and keeps it", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/adjustments/needs");
    await client.post("/adjustments/needs", { needs: "welsh" });
    await client.get("/adjustments/duration");
    await client.post("/adjustments/duration", { duration: "one_off" });
    await client.get("/adjustments/case");
    let res = await client.post("/adjustments/case", { caseReference: "RFA0099999" });
    expect(res.status).toBe(400);
    let html = await res.text();
    expect(html).toContain("We cannot find a case with that reference");
    expect(html).toContain('value="RFA0099999"');
    res = await client.post("/cy/adjustments/case", { caseReference: "hello <b>" });
    html = await res.text();
    expect(html).toContain("Rhowch gyfeirnod achos yn y fformat cywir");
    expect(html).toContain('value="hello &lt;b&gt;"');
  });

  it("keeps the answers across a language switch and sends deep links back to the first unanswered page", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const deep = await client.get("/cy/adjustments/check");
    expect(deep.status).toBe(302);
    expect(deep.headers.get("location")).toBe("/cy/adjustments/needs");
    await client.get("/adjustments/needs");
    await postMany(client, "/adjustments/needs", [["needs", "braille"], ["needs", "call_times"]]);
    const welsh = await (await client.get("/cy/adjustments/needs")).text();
    expect(ticked(welsh, "braille")).toBe(true);
    expect(ticked(welsh, "call_times")).toBe(true);
    expect(ticked(welsh, "bold")).toBe(false);
    // The follow-up page asks only about the needs chosen.
    const more = await (await client.get("/cy/adjustments/more")).text();
    expect(more).toContain("Pa radd o Braille?");
    expect(more).toContain("Pryd gallwn ni eich ffonio?");
    expect(more).not.toContain("Pa faint o brint mawr");
    const missing = await client.post("/cy/adjustments/more", { grade: "2", times: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Rhowch pryd gallwn ni eich ffonio");
    // Skipping ahead past the follow-ups is not possible.
    expect((await client.get("/adjustments/duration")).headers.get("location")).toBe("/adjustments/more");
  });

  it("asks for consent before keeping what they find hard", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/adjustments/needs");
    await client.post("/adjustments/needs", { needs: "bold" });
    await client.get("/adjustments/duration");
    await client.post("/adjustments/duration", { duration: "one_off" });
    await client.get("/adjustments/case");
    await client.post("/adjustments/case", { caseReference: "" });
    await client.get("/adjustments/about-you");
    const res = await client.post("/adjustments/about-you", { difficulty: "Small print" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Tick the box to agree that we can keep what you have written");
    expect((await client.post("/adjustments/about-you", { difficulty: "" })).status).toBe(302);
  });

  it("sends a request, shows the actual due time and emails a large-print acknowledgement with a consent link that works once", async () => {
    const email = `adj-${unique()}@example.com`;
    const { reference, html } = await requestAdjustment("en", { email, difficulty: "Reading <i>small</i> print" });
    expect(html).toContain("We will reply within 48 hours, by ");
    const dueAt = new Date(/data-due="([^"]+)"/.exec(html)![1]!);
    const hours = (dueAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47);
    expect(hours).toBeLessThan(24 * 6);

    const mail = await findMail((_text, to) => to.includes(email));
    expect(mail.subject).toContain(reference);
    expect(mail.html).toContain("font-size:24pt");
    expect(mail.text).toContain("Large print, 24 point");
    expect(mail.text).not.toContain("small");
    const link = /(http:\/\/\S+\/adjustments\/consent\/[A-Za-z0-9_-]+)/.exec(mail.text!)![1]!;
    const linkPath = new URL(link).pathname;
    const client = new BrowserLikeClient(baseUrl);
    const page = await (await client.get(linkPath)).text();
    expect(page).toContain(reference);
    const done = await client.post(linkPath, {});
    expect(await done.text()).toContain("We have deleted what you told us");
    expect(await (await client.get(linkPath)).text()).toContain("This link no longer works");
  });
});

describe("adjustment staff pages", () => {
  it("shows that there is sensitive text without its content, refuses direct requests, and lets a manager read it", async () => {
    const secret = `Secret-${unique()} <b>bold</b>`;
    const { reference } = await requestAdjustment("cy", { email: `adj-${unique()}@example.com`, difficulty: secret });
    // Admins administer; they do not read adjustment requests at all (server/auth/permissions.ts).
    const admin = await signedIn("admin");
    expect((await admin.get(`/staff/adjustments/${reference}`)).status).toBe(403);
    for (const who of ["officer", "adviser"] as const) {
      const staff = await signedIn(who);
      const page = await staff.get(`/staff/adjustments/${reference}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain(secret.slice(0, 14));
      expect(html).toContain("They told us what they find hard.");
      expect((await staff.get(`/staff/adjustments/${reference}/sensitive`)).status).toBe(403);
      expect((await staff.get(`/staff/adjustments/${reference}.data`)).status).toBe(200);
      expect(await (await staff.get(`/staff/adjustments/${reference}.data`)).text()).not.toContain(secret.slice(0, 14));
    }
    const manager = await signedIn("manager");
    const sensitive = await manager.get(`/cy/staff/adjustments/${reference}/sensitive`);
    expect(sensitive.status).toBe(200);
    expect(await sensitive.text()).toContain("Secret-");
    const detail = await (await manager.get(`/staff/adjustments/${reference}`)).text();
    expect(detail).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("refuses decisions from roles that may not decide, and unknown references", async () => {
    const { reference } = await requestAdjustment("en", { email: `adj-${unique()}@example.com` });
    const adviser = await signedIn("adviser");
    expect((await adviser.get(`/staff/adjustments/${reference}/decide`)).status).toBe(403);
    await adviser.get("/staff/adjustments");
    expect((await adviser.post(`/staff/adjustments/${reference}/decide`, { outcome: "agree_all" })).status).toBe(403);
    await adviser.get("/staff/adjustments");
    expect((await adviser.post(`/staff/adjustments/${reference}`, { intent: "take" })).status).toBe(403);
    const officer = await signedIn("officer");
    expect((await officer.get("/staff/adjustments/ADJ9999999")).status).toBe(404);
    expect((await officer.get("/staff/adjustments/nonsense")).status).toBe(404);
    expect((await fetch(`${baseUrl}/staff/adjustments`, { redirect: "manual" })).status).toBe(302);
  });

  it("names the wrong box of a date (decide, review, remove), links to it, marks only it and keeps what was typed, in both languages", async () => {
    const marked = (html: string, id: string) => new RegExp(`class="[^"]*govuk-input--error[^"]*" id="${id}"`).test(html);
    const { reference } = await requestAdjustment("en", { email: `adj-${unique()}@example.com` });
    const manager = await signedIn("manager");
    await manager.get(`/staff/adjustments/${reference}/decide`);
    // A missing month: the message names the review date and the month, the link goes to the month box.
    let res = await manager.post(`/staff/adjustments/${reference}/decide`, { outcome: "agree_all", "reviewOn-day": "3", "reviewOn-month": "", "reviewOn-year": "2027" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#reviewOn-month">The review date must include a month</a>');
    expect(marked(manager.lastHtml, "reviewOn-month")).toBe(true);
    expect(marked(manager.lastHtml, "reviewOn-day") || marked(manager.lastHtml, "reviewOn-year")).toBe(false);
    expect(manager.lastHtml).toMatch(/id="reviewOn-day"[^>]*value="3"/);
    expect(manager.lastHtml).toMatch(/id="reviewOn-year"[^>]*value="2027"/);
    expect(ticked(manager.lastHtml, "agree_all")).toBe(true);
    // 31 February in Welsh: the day is what is wrong.
    await manager.get(`/cy/staff/adjustments/${reference}/decide`);
    res = await manager.post(`/cy/staff/adjustments/${reference}/decide`, { outcome: "agree_all", "reviewOn-day": "31", "reviewOn-month": "2", "reviewOn-year": "2027" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#reviewOn-day">Rhaid i’r dyddiad adolygu fod yn ddyddiad gwirioneddol</a>');
    expect(marked(manager.lastHtml, "reviewOn-day")).toBe(true);
    expect(marked(manager.lastHtml, "reviewOn-month") || marked(manager.lastHtml, "reviewOn-year")).toBe(false);
    expect(manager.lastHtml).toMatch(/id="reviewOn-month"[^>]*value="2"/);
    // A readable date the domain refuses (not in the future) links to the day box, all boxes marked, typed values kept.
    await manager.get(`/staff/adjustments/${reference}/decide`);
    res = await manager.post(`/staff/adjustments/${reference}/decide`, { outcome: "agree_all", "reviewOn-day": "1", "reviewOn-month": "1", "reviewOn-year": "2020" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#reviewOn-day">The review date must be in the future</a>');
    expect(manager.lastHtml).toMatch(/id="reviewOn-year"[^>]*value="2020"/);
    // The removal date: a missing month in English, an impossible date in Welsh.
    await manager.get(`/staff/adjustments/${reference}/remove`);
    res = await manager.post(`/staff/adjustments/${reference}/remove`, { "requestedOn-day": "3", "requestedOn-month": "", "requestedOn-year": "2026" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#requestedOn-month">The date the customer asked must include a month</a>');
    expect(marked(manager.lastHtml, "requestedOn-month")).toBe(true);
    expect(marked(manager.lastHtml, "requestedOn-day")).toBe(false);
    expect(manager.lastHtml).toMatch(/id="requestedOn-day"[^>]*value="3"/);
    await manager.get(`/cy/staff/adjustments/${reference}/remove`);
    res = await manager.post(`/cy/staff/adjustments/${reference}/remove`, { "requestedOn-day": "3", "requestedOn-month": "13", "requestedOn-year": "2026" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#requestedOn-month">Rhaid i’r dyddiad y gofynnodd y cwsmer fod yn ddyddiad gwirioneddol</a>');
    expect(manager.lastHtml).toMatch(/id="requestedOn-month"[^>]*value="13"/);
    // Agreed, so a review can be recorded: the review page reads its date the same way.
    await manager.get(`/staff/adjustments/${reference}/decide`);
    expect((await manager.post(`/staff/adjustments/${reference}/decide`, { outcome: "agree_all" })).status).toBe(302);
    await manager.get(`/staff/adjustments/${reference}/review`);
    res = await manager.post(`/staff/adjustments/${reference}/review`, { "reviewOn-day": "", "reviewOn-month": "6", "reviewOn-year": "2027" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#reviewOn-day">The review date must include a day</a>');
    expect(marked(manager.lastHtml, "reviewOn-day")).toBe(true);
    expect(marked(manager.lastHtml, "reviewOn-month")).toBe(false);
    expect(manager.lastHtml).toMatch(/id="reviewOn-month"[^>]*value="6"/);
  });

  it("declines with reasons and alternatives shown in the register's request page and in the decision email", async () => {
    const email = `adj-${unique()}@example.com`;
    const { reference } = await requestAdjustment("en", { email });
    const officer = await signedIn("officer");
    await officer.get(`/staff/adjustments/${reference}/decide`);
    const missing = await officer.post(`/staff/adjustments/${reference}/decide`, { outcome: "decline", reasons: "", alternatives: "" });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain("Enter why we cannot agree");
    expect(missingHtml).toContain("Enter what we can do instead");
    const ok = await officer.post(`/staff/adjustments/${reference}/decide`, { outcome: "decline", reasons: "No <b>24 point</b> printer.", alternatives: "Large print at 18 point." });
    expect(ok.status).toBe(302);
    const page = withoutScripts(await (await officer.get(`/staff/adjustments/${reference}`)).text());
    expect(page).toContain("No &lt;b&gt;24 point&lt;/b&gt; printer.");
    expect(page).toContain("Large print at 18 point.");
    const register = withoutScripts(await (await officer.get(`/staff/adjustments?status=declined&who=${encodeURIComponent(email)}`)).text());
    expect(register).toContain(reference);
    const mail = await findMail((text, to) => to.includes(email) && text.includes("We are sorry"));
    expect(mail.text).toContain("No <b>24 point</b> printer.");
    expect(mail.text).toContain("Large print at 18 point.");
    expect(mail.text).toContain("right to complain");
    expect(mail.html).toContain("No &lt;b&gt;24 point&lt;/b&gt; printer.");
  });
});
