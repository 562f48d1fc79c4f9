// /track for adjustment requests (ADJ…) and nuisance reports (NUI…) against the real server,
// without JavaScript, in both languages: reference + email → a link by email → a page with the
// status and what we sent; on an adjustment request the person adds a message.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const smtpPort = inject("smtpPort");
const unique = () => Math.random().toString(36).slice(2, 10);

async function findMail(predicate: (text: string, to: string) => boolean) {
  for (let i = 0; i < 75; i++) {
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

/** Posts a form with repeated fields (several checkboxes), keeping the client's cookies. */
async function postMany(client: BrowserLikeClient, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams([["csrf", client.csrfToken()], ...pairs]);
  const res = await fetch(baseUrl + url, { method: "POST", redirect: "manual", body, headers: { cookie: client.cookieHeader(), "content-type": "application/x-www-form-urlencoded", accept: "text/html" } });
  (client as unknown as { remember(r: Response): void }).remember(res);
  return res;
}

async function requestAdjustment(p: string, email: string) {
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/adjustments/needs`);
  expect((await postMany(client, `${p}/adjustments/needs`, [["needs", "large_print"], ["other", ""]])).status).toBe(302);
  await client.get(`${p}/adjustments/more`);
  await client.post(`${p}/adjustments/more`, { size: "24" });
  await client.get(`${p}/adjustments/duration`);
  await client.post(`${p}/adjustments/duration`, { duration: "ongoing" });
  await client.get(`${p}/adjustments/case`);
  await client.post(`${p}/adjustments/case`, { caseReference: "" });
  await client.get(`${p}/adjustments/about-you`);
  await client.post(`${p}/adjustments/about-you`, { difficulty: "" });
  await client.get(`${p}/adjustments/contact`);
  await client.post(`${p}/adjustments/contact`, { name: "Sam Example", email, phone: "" });
  await client.get(`${p}/adjustments/reply`);
  await client.post(`${p}/adjustments/reply`, { replyBy: "email", address: "" });
  await client.get(`${p}/adjustments/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  expect((await client.post(`${p}/adjustments/check`, { idempotencyKey: key })).headers.get("location")).toBe(`${p}/adjustments/confirmation`);
  const html = await (await client.get(`${p}/adjustments/confirmation`)).text();
  return /data-testid="reference">(ADJ\d{7})</.exec(html)![1]!;
}

async function reportNuisance(p: string, email: string) {
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/report-nuisance/kind`);
  const location = (await client.post(`${p}/report-nuisance/kind`, { kind: "text" })).headers.get("location")!;
  await client.get(location);
  const d = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date());
  const part = (t: string) => d.find((x) => x.type === t)!.value;
  expect(
    (await client.post(location, { kind: "text", "date-day": part("day"), "date-month": part("month"), "date-year": part("year"), time: "", timeUnknown: "yes", fromStatus: "given", from: "07700 900123", to: "", company: "", topic: "debt", message: "Claim now", description: "" })).status,
  ).toBe(302);
  await client.get(`${p}/report-nuisance/contacts`);
  await client.post(`${p}/report-nuisance/contacts`, { another: "no" });
  await client.get(`${p}/report-nuisance/about-you`);
  await client.post(`${p}/report-nuisance/about-you`, { tps: "yes", "registered-day": "", "registered-month": "", "registered-year": "", consent: "no", askedToStop: "yes" });
  await client.get(`${p}/report-nuisance/your-details`);
  await client.post(`${p}/report-nuisance/your-details`, { wantsReply: "yes", name: "Sam", email, phone: "" });
  await client.get(`${p}/report-nuisance/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  const sent = await client.post(`${p}/report-nuisance/check`, { idempotencyKey: key });
  await client.follow(sent);
  return /data-testid="reference">(NUI\d{7})</.exec(client.lastHtml)![1]!;
}

/** /track with a reference and email; returns the tracking page's path from the link email. */
async function track(p: string, reference: string, email: string) {
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/track`);
  const wrong = await client.post(`${p}/track`, { reference, email: `not-${email}` });
  expect(wrong.status).toBe(404);
  const res = await client.post(`${p}/track`, { reference: reference.toLowerCase(), email: email.toUpperCase() });
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('data-testid="track-link-sent"');
  const mail = await findMail((text, to) => to.includes(email) && text.includes("/track/record/"));
  expect(mail.subject).toContain(`[Ref. ${reference}]`);
  const link = new URL(/(https?:\/\/\S+\/track\/record\/[A-Za-z0-9_-]+)/.exec(mail.text!)![1]!);
  return { client, html, path: link.pathname, mail };
}

describe("tracking adjustment requests and nuisance reports", () => {
  it("English: a nuisance report shows its status and our acknowledgement, with no message form", async () => {
    const email = `nui-${unique()}@example.com`;
    const reference = await reportNuisance("", email);
    const { client, html, path: page } = await track("", reference, email);
    expect(html).toContain("Nuisance call or spam report");
    expect(page).toMatch(/^\/track\/record\//);
    const view = await (await client.get(page)).text();
    expect(view).toContain(reference);
    expect(view).toContain(`Your nuisance calls and spam report [Ref. ${reference}]`);
    expect(view).not.toContain('name="message"');
    // A record link never opens a case page, and a made-up token shows the "not working" page.
    expect((await client.get(page.replace("/track/record/", "/track/case/"))).status).toBe(404);
    expect((await client.get("/track/record/" + "x".repeat(43))).status).toBe(404);
  });

  it("Welsh: an adjustment request shows its status, what we sent, and takes a message", async () => {
    const email = `adj-${unique()}@example.com`;
    const reference = await requestAdjustment("/cy", email);
    const { client, html, path: page, mail } = await track("/cy", reference, email);
    expect(html).toContain("Cais am addasiad");
    expect(mail.subject).toContain("Eich dolen i");
    expect(page).toMatch(/^\/cy\/track\/record\//);
    let view = await (await client.get(page)).text();
    expect(view).toContain("Rydym yn ystyried eich cais");
    expect(view).toMatch(/data-testid="sent"/);
    // Empty: the error in Welsh; then a real message joins the request.
    const empty = await client.post(page, { message: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Rhowch eich neges");
    // An officer takes the request: they are the one told when the customer writes.
    const officer = await signInAs(baseUrl, "officer");
    await officer.get(`/staff/adjustments/${reference}`);
    expect((await officer.post(`/staff/adjustments/${reference}`, { intent: "take" })).status).toBe(302);
    const sent = await client.post(page, { message: "Mae print bras 24pt yn iawn, diolch" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`${page}?added=1`);
    view = await (await client.get(`${page}?added=1`)).text();
    expect(view).toContain('data-testid="added-banner"');
    expect(view).toContain("Mae print bras 24pt yn iawn, diolch");
    // The officer is told by email (the reference and a link, nothing the customer wrote) and reads it on the request's timeline.
    const notice = await findMail((text, to) => to.includes("officer@doorstep.example") && text.includes(`/staff/adjustments/${reference}`));
    expect(notice.subject).toBe(`New message on adjustment request ${reference}`);
    expect(notice.text).not.toContain("print bras");
    const timeline = await (await officer.get(`/staff/adjustments/${reference}`)).text();
    expect(timeline).toContain("Message from the customer (tracking page)");
    expect(timeline).toContain("Mae print bras 24pt yn iawn, diolch");
  });

  it("a held email naming an adjustment request: staff see which, and the officer dealing with it confirms it in one click", async () => {
    const email = `adj-${unique()}@example.com`;
    const reference = await requestAdjustment("", email);
    // A carer writes from their own address quoting the reference: held for staff, not on the request.
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
    const words = `My mother needs 24pt ${unique()}`;
    const info = await transport.sendMail({ from: `carer-${unique()}@example.net`, to: "casework@doorstep.localhost", subject: `Re: [Ref. ${reference}] for my mother`, text: words });
    transport.close();
    const id = /Queued as ([0-9a-f-]{36})/.exec(info.response)![1]!;
    const mailPage = `/staff/mail/${id}`;

    // Unassigned: the officer sees which request it claims, but no button, and a forced post is refused.
    const officer = await signInAs(baseUrl, "officer");
    let html = await (await officer.get(mailPage)).text();
    expect(html).toContain('data-testid="claims-adjustment"');
    expect(html).toContain(`href="/staff/adjustments/${reference}"`);
    expect(html).toContain(`Only the officer dealing with adjustment request ${reference}, or a manager`);
    expect(html).not.toContain('value="confirm"');
    expect((await officer.post(mailPage, { intent: "confirm" })).status).toBe(403);
    html = await (await officer.get(`/cy${mailPage}`)).text();
    expect(html).toContain(`Mae’r pwnc yn enwi cais am addasiad ${reference}`);
    expect(html).toContain(`Dim ond y swyddog sy’n delio â chais am addasiad ${reference}`);
    expect(await (await officer.get(`/staff/adjustments/${reference}`)).text()).not.toContain(words);

    // Once the request is theirs: one button (a plain form, no JavaScript), in Welsh here.
    expect((await officer.post(`/staff/adjustments/${reference}`, { intent: "take" })).status).toBe(302);
    html = await (await officer.get(`/cy${mailPage}`)).text();
    expect(html).toContain('name="intent" value="confirm"');
    // Each of the page's actions is the kit's IntentForm: one post form per intent, each with the CSRF field.
    const forms = [...html.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!);
    const intents = forms.map((f) => /name="intent" value="([^"]+)"/.exec(f)?.[1]);
    expect(intents).toEqual(expect.arrayContaining(["confirm", "link", "create", "setAside"]));
    for (const f of forms) expect(f).toMatch(/name="csrf" value="[^"]+"/);
    expect(html).toContain(`Ei hychwanegu at gais am addasiad ${reference}`);
    const confirmed = await officer.post(`/cy${mailPage}`, { intent: "confirm" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`/cy${mailPage}?done=linked`);
    html = await (await officer.get(`${mailPage}?done=linked`)).text();
    expect(html).toContain(`Added to adjustment request ${reference}.`);
    expect(html).not.toContain('value="confirm"');
    // On the request's timeline, linking to the whole message; a second confirm finds it decided.
    const timeline = await (await officer.get(`/staff/adjustments/${reference}`)).text();
    expect(timeline).toContain(words);
    expect(timeline).toContain(`href="${mailPage}"`);
    expect((await officer.post(mailPage, { intent: "confirm" })).status).toBe(409);
  });
});
