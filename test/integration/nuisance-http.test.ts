// The nuisance reporting journey against the real production server, as a browser without
// JavaScript uses it: many contacts, change and remove, errors that keep what was typed,
// script shown as text, the contact limit, .eml files, both languages and the email.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const unique = () => Math.random().toString(36).slice(2, 10);
const withoutScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

async function findMail(predicate: (text: string, subject: string) => boolean) {
  for (let i = 0; i < 50; i++) {
    try {
      for (const file of readdirSync(mailDir)) {
        const mail = await simpleParser(readFileSync(path.join(mailDir, file)));
        if (predicate(mail.text ?? "", mail.subject ?? "")) return mail;
      }
    } catch {
      // no mail folder yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("email not written");
}

const today = (daysAgo = 0) => {
  const d = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date(Date.now() - daysAgo * 86400_000));
  const part = (t: string) => d.find((p) => p.type === t)!.value;
  return { "date-day": part("day"), "date-month": part("month"), "date-year": part("year") };
};

function callFields(from: string, over: Record<string, string> = {}) {
  return { kind: "live_call", ...today(), time: "", timeUnknown: "yes", fromStatus: "given", from, to: "", company: "Acme Solar Ltd", topic: "energy_home_improvements", description: "", ...over };
}

/** Adds one contact without JavaScript; returns the redirect location. */
async function addContact(client: BrowserLikeClient, p: string, kind: string, fields: Record<string, string>) {
  await client.get(`${p}/report-nuisance/kind`);
  const chosen = await client.post(`${p}/report-nuisance/kind`, { kind });
  expect(chosen.status).toBe(302);
  const location = chosen.headers.get("location")!;
  expect(location).toBe(`${p}/report-nuisance/contact/new?kind=${kind}`);
  await client.get(location);
  const saved = await client.post(location, fields);
  return saved;
}

async function finish(client: BrowserLikeClient, p: string, you: Record<string, string>) {
  await client.get(`${p}/report-nuisance/contacts`);
  expect((await client.post(`${p}/report-nuisance/contacts`, { another: "no" })).headers.get("location")).toBe(`${p}/report-nuisance/about-you`);
  await client.get(`${p}/report-nuisance/about-you`);
  // One service named, one service described (not "these free services" for the TPS alone).
  const aboutHtml = withoutScripts(client.lastHtml);
  if (aboutHtml.includes("(TPS)?") && !aboutHtml.includes("(FPS)")) expect(aboutHtml).toMatch(p ? /Gyda’r gwasanaeth rhad ac am ddim hwn/ : /This free service is where/);
  // A registration date without its month: the message names the date, the summary links to the
  // month box and only that box is marked.
  const noMonth = await client.post(`${p}/report-nuisance/about-you`, { tps: "yes", "registered-day": "3", "registered-month": "", "registered-year": "2020", consent: "no", askedToStop: "yes" });
  expect(noMonth.status).toBe(400);
  const noMonthHtml = withoutScripts(client.lastHtml);
  expect(noMonthHtml).toContain(`<a href="#registered-month">${p ? "Rhaid i’r dyddiad y gwnaethoch gofrestru gynnwys mis" : "The date you registered must include a month"}</a>`);
  expect(noMonthHtml).toMatch(/class="[^"]*govuk-input--error[^"]*" id="registered-month"/);
  expect(noMonthHtml).not.toMatch(/class="[^"]*govuk-input--error[^"]*" id="registered-(day|year)"/);
  expect((await client.post(`${p}/report-nuisance/about-you`, { tps: "yes", "registered-day": "", "registered-month": "", "registered-year": "", consent: "no", askedToStop: "yes" })).headers.get("location")).toBe(`${p}/report-nuisance/your-details`);
  await client.get(`${p}/report-nuisance/your-details`);
  expect((await client.post(`${p}/report-nuisance/your-details`, you)).headers.get("location")).toBe(`${p}/report-nuisance/check`);
  await client.get(`${p}/report-nuisance/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  const csrf = client.csrfToken();
  const sent = await client.post(`${p}/report-nuisance/check`, { idempotencyKey: key });
  expect(sent.headers.get("location")).toBe(`${p}/report-nuisance/confirmation`);
  const confirmation = await client.follow(sent);
  expect(confirmation.status).toBe(200);
  const reference = /data-testid="reference">(NUI\d{7})</.exec(client.lastHtml)![1]!;
  // Sending again (a double click) finds the same report.
  const again = await client.post(`${p}/report-nuisance/check`, { idempotencyKey: key }, { csrf });
  expect(again.headers.get("location")).toBe(`${p}/report-nuisance/confirmation`);
  return { reference, key };
}

describe("nuisance journey without JavaScript", () => {
  it("reports two calls and a text, changes one, removes one, and gets tailored advice and an email", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const page = await client.get("/report-nuisance");
    expect(page.status).toBe(200);
    expect(client.lastHtml.replace(/<script src="\/widget\.js"[^>]*><\/script>/, "")).not.toMatch(/<script[^>]*src=/);
    expect((await addContact(client, "", "live_call", callFields("07700 900123"))).headers.get("location")).toBe("/report-nuisance/contacts");
    expect((await addContact(client, "", "live_call", callFields("+44 7700 900123", { ...today(1), timeUnknown: "", time: "9:15am" }))).status).toBe(302);
    expect((await addContact(client, "", "text", { ...callFields("0909 879 0000"), kind: "text", message: "WIN a prize <script>alert(1)</script>", topic: "other" })).status).toBe(302);
    await client.get("/report-nuisance/contacts");
    expect(client.lastHtml.match(/data-testid="contact-card"/g)).toHaveLength(3);
    // Change the first: the page shows what was saved.
    const firstId = /\/report-nuisance\/contact\/([0-9a-f-]{36})"/.exec(client.lastHtml)![1]!;
    await client.get(`/report-nuisance/contact/${firstId}`);
    expect(client.lastHtml).toContain('value="07700 900123"');
    expect((await client.post(`/report-nuisance/contact/${firstId}`, callFields("07700 900123", { company: "ACME SOLAR LIMITED" }))).status).toBe(302);
    // Remove the second.
    await client.get("/report-nuisance/contacts");
    const ids = [...client.lastHtml.matchAll(/\/report-nuisance\/contact\/([0-9a-f-]{36})\/remove/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    await client.get(`/report-nuisance/contact/${ids[1]}/remove`);
    expect((await client.post(`/report-nuisance/contact/${ids[1]}/remove`, { confirm: "yes" })).headers.get("location")).toBe("/report-nuisance/contacts");
    await client.get("/report-nuisance/contacts");
    expect(client.lastHtml.match(/data-testid="contact-card"/g)).toHaveLength(2);
    expect(client.lastHtml).toContain("ACME SOLAR LIMITED");

    const email = `nuisance-${unique()}@example.com`;
    const { reference } = await finish(client, "", { wantsReply: "no", name: "", email, phone: "", remember: "yes" });
    const html = withoutScripts(client.lastHtml);
    for (const advice of ["forward_7726", "block", "premium_rate"]) expect(html).toContain(`data-advice="${advice}"`);
    for (const advice of ["tps", "ask_to_stop", "phishing"]) expect(html).not.toContain(`data-advice="${advice}"`);
    const mail = await findMail((_text, subject) => subject.includes(reference));
    expect(mail.subject).toBe(`Your nuisance calls and spam report [Ref. ${reference}]`);
    expect(mail.text).toContain("Forward spam texts free to 7726");

    // "Use the same details next time": the next report starts with them filled in.
    await addContact(client, "", "live_call", callFields("07700 900124"));
    await client.get("/report-nuisance/contacts");
    await client.post("/report-nuisance/contacts", { another: "no" });
    await client.post("/report-nuisance/about-you", { tps: "no", consent: "no", askedToStop: "no" });
    await client.get("/report-nuisance/your-details");
    expect(client.lastHtml).toContain(`value="${email}"`);
  });

  it("in Welsh: errors in Welsh keep what was typed, script is text, and the email is in Welsh", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const bad = await addContact(client, "/cy", "live_call", callFields("0161 496 0000", { "date-day": "31", "date-month": "2", timeUnknown: "", time: "25:99", description: '<script>alert("x")</script> ffoniodd eto' }));
    expect(bad.status).toBe(400);
    const html = withoutScripts(client.lastHtml);
    expect(html).toContain("Mae problem wedi codi");
    // The date's message names it, links to its first wrong box and marks only that box.
    expect(html).toContain('<a href="#date-day">Rhaid i ddyddiad yr alwad fod yn ddyddiad gwirioneddol</a>');
    expect(html).toMatch(/class="[^"]*govuk-input--error[^"]*" id="date-day"/);
    expect(html).not.toMatch(/class="[^"]*govuk-input--error[^"]*" id="date-(month|year)"/);
    const noMonth = await client.post("/cy/report-nuisance/contact/new?kind=text", { ...callFields("07700 900125", { kind: "text", message: "Neges", "date-month": "" }) });
    expect(noMonth.status).toBe(400);
    const noMonthHtml = withoutScripts(client.lastHtml);
    expect(noMonthHtml).toContain('<a href="#date-month">Rhaid i ddyddiad y neges destun gynnwys mis</a>');
    expect(noMonthHtml).toContain("Rhaid i ddyddiad y neges destun gynnwys mis</p>");
    expect(html).toContain("Rhowch amser fel 14:30 neu 2:30yh");
    expect(html).toContain('value="0161 496 0000"');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ffoniodd eto");
    expect(html).not.toContain('<script>alert("x")');
    // An unparseable number is accepted as typed.
    const ok = await client.post("/cy/report-nuisance/contact/new?kind=live_call", callFields("12345"));
    expect(ok.headers.get("location")).toBe("/cy/report-nuisance/contacts");
    const email = `niwsans-${unique()}@example.cymru`;
    const { reference } = await finish(client, "/cy", { wantsReply: "yes", name: "Siân", email, phone: "" });
    expect(client.lastHtml).toContain("Adroddiad wedi’i anfon");
    const mail = await findMail((_text, subject) => subject.includes(reference));
    expect(mail.subject).toBe(`Eich adroddiad am alwadau niwsans a sbam [Ref. ${reference}]`);
  });

  it("a reporter who wants a reply is shown to staff beside the contact, with how to reach them", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const number = `07700 9${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;
    const name = `Pat ${unique()}`;
    expect((await addContact(client, "", "live_call", callFields(number))).status).toBe(302);
    await finish(client, "", { wantsReply: "yes", name, email: "", phone: "07700 900555" });
    const officer = new BrowserLikeClient(baseUrl);
    await officer.get("/staff/sign-in");
    expect((await officer.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" })).status).toBe(302);
    const html = withoutScripts(await (await officer.get(`/staff/offenders/number/${encodeURIComponent(`+44${number.replace(/\s/g, "").slice(1)}`)}`)).text());
    const reply = [...html.matchAll(/data-testid="wants-reply">([\s\S]*?)<\/span>/g)].map((m) => m[1]!).find((r) => r.includes(name)) ?? "";
    expect(reply).toContain("Wants a reply");
    expect(reply).toContain(`${name}, 07700 900555`);
    // The reports to open a case from are the kit's checkboxes in one fieldset: the first box's id is
    // the field's name, so the error summary's "#reports" lands on it.
    expect(html).toMatch(/<input class="govuk-checkboxes__input" id="reports" type="checkbox" name="reports"/);
    expect(html).toMatch(/<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">[^<]+<\/legend><div class="ds-table-wrap"><table class="govuk-table" data-testid="offender-contacts">/);
  });

  it("?kind= from the concerns assistant starts the report on that kind; silent calls point to Ofcom", async () => {
    for (const p of ["", "/cy"]) {
      const client = new BrowserLikeClient(baseUrl);
      await client.get(`${p}/report-nuisance?kind=recorded_call`);
      const html = withoutScripts(client.lastHtml);
      expect(html).toContain(`href="${p}/report-nuisance/contact/new?kind=recorded_call"`);
      expect(html).toMatch(/data-testid="ofcom"/);
      expect(html).toContain("https://www.ofcom.org.uk");
      // An unknown kind is ignored: the usual first question.
      await client.get(`${p}/report-nuisance?kind=carrier_pigeon`);
      expect(withoutScripts(client.lastHtml)).toContain(`href="${p}/report-nuisance/kind"`);
    }
  });

  it("future times are refused; a wanted reply needs a name and a way to reply", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    const future = await addContact(client, "", "live_call", callFields("07700 900123", { "date-day": String(tomorrow.getUTCDate()), "date-month": String(tomorrow.getUTCMonth() + 1), "date-year": String(tomorrow.getUTCFullYear()) }));
    expect(future.status).toBe(400);
    expect(withoutScripts(client.lastHtml)).toContain('<a href="#date-day">The date of the call must be today or in the past</a>');
    // A missing month: the message names the date and the box, the link goes to that box, only it is marked.
    const noMonth = await client.post("/report-nuisance/contact/new?kind=live_call", callFields("07700 900123", { "date-month": "" }));
    expect(noMonth.status).toBe(400);
    const noMonthHtml = withoutScripts(client.lastHtml);
    expect(noMonthHtml).toContain('<a href="#date-month">The date of the call must include a month</a>');
    expect(noMonthHtml).toMatch(/class="[^"]*govuk-input--error[^"]*" id="date-month"/);
    expect(noMonthHtml).not.toMatch(/class="[^"]*govuk-input--error[^"]*" id="date-(day|year)"/);
    expect((await client.post("/report-nuisance/contact/new?kind=live_call", callFields("07700 900123"))).status).toBe(302);
    await client.post("/report-nuisance/contacts", { another: "no" });
    await client.get("/report-nuisance/about-you");
    await client.post("/report-nuisance/about-you", { tps: "no", consent: "no", askedToStop: "no" });
    await client.get("/report-nuisance/your-details");
    const res = await client.post("/report-nuisance/your-details", { wantsReply: "yes", name: "", email: "", phone: "" });
    expect(res.status).toBe(400);
    expect(withoutScripts(client.lastHtml)).toContain("Enter your name so we can reply");
  });

  it("accepts up to 50 contacts and says clearly why no more", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/report-nuisance/kind");
    for (let i = 0; i < 50; i++) {
      const res = await client.post("/report-nuisance/contact/new?kind=live_call", callFields(`07700 9001${String(i).padStart(2, "0")}`));
      expect(res.status).toBe(302);
      // The first contact starts the session, and the CSRF token is bound to it: take the new one.
      if (i === 0) await client.get("/report-nuisance/kind");
    }
    expect((await client.post("/report-nuisance/contact/new?kind=live_call", callFields("07700 900999"))).headers.get("location")).toBe("/report-nuisance/contacts");
    await client.get("/report-nuisance/contacts");
    expect(client.lastHtml.match(/data-testid="contact-card"/g)).toHaveLength(50);
    expect(withoutScripts(client.lastHtml)).toContain("You have reached the limit of 50 calls or messages in one report");
    const more = await client.post("/report-nuisance/contacts", { another: "yes" });
    expect(more.status).toBe(400);
  });

  it("an email contact with a .eml file: read for its sender; a file that is not an email is refused in words", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/report-nuisance/contact/new?kind=email");
    const csrf = client.csrfToken();
    const post = async (file: Blob, name: string, from = "", p = "") => {
      const body = new FormData();
      for (const [k, v] of Object.entries({ csrf, kind: "email", ...today(1), time: "10:00", from, to: "", company: "", topic: "investments", subject: "", description: "" })) body.set(k, v);
      body.set("eml", file, name);
      const res = await fetch(`${baseUrl}${p}/report-nuisance/contact/new?kind=email`, { method: "POST", body, redirect: "manual", headers: { cookie: client.cookieHeader(), accept: "text/html" } });
      (client as unknown as { remember(r: Response): void }).remember(res);
      return { res, html: await res.text() };
    };
    const bad = await post(new Blob(["<html><body>not an email</body></html>"]), "x.eml");
    expect(bad.res.status).toBe(400);
    // The kit's FileUpload: the summary links to the file box, the inline error describes it.
    expect(withoutScripts(bad.html)).toContain('<a href="#eml">The selected file must be an email saved as an .eml file</a>');
    const box = /<input[^>]* id="eml"[^>]*>/.exec(bad.html)?.[0];
    expect(box).toContain('class="govuk-file-upload govuk-file-upload--error"');
    expect(box).toContain('aria-describedby="eml-hint eml-error"');
    // In Welsh, the same refusal in Welsh.
    const badCy = await post(new Blob(["nid e-bost"]), "x.eml", "", "/cy");
    expect(badCy.res.status).toBe(400);
    expect(withoutScripts(badCy.html)).toContain('<a href="#eml">Rhaid i’r ffeil a ddewiswyd fod yn e-bost wedi’i gadw fel ffeil .eml</a>');
    expect(badCy.html).toContain("Yr e-bost wedi’i gadw fel ffeil");
    const eml = "From: Crypto Riches <Win@Crypto-Riches.example>\r\nTo: me@example.com\r\nSubject: Double your money <b>now</b>\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script><p>Invest</p>\r\n";
    const good = await post(new Blob([eml]), "offer.eml");
    expect(good.res.status).toBe(302);
    await client.get("/report-nuisance/contacts");
    expect(client.lastHtml).toContain("win@crypto-riches.example");
  });
});
