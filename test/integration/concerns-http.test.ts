// The concerns assistant through the real production server, as a browser without JavaScript
// sees it: the computed journey, bad input in both languages, uploads (including the larger
// body allowance of the upload page only), the report, the email and the staff view.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const uploadsDir = path.join(path.dirname(mailDir), "concerns", "uploads");
const storedFiles = () => (existsSync(uploadsDir) ? readdirSync(uploadsDir).length : 0);
const fixture = (name: string) => readFileSync(path.resolve("test/fixtures/concerns", name));
const unique = () => Math.random().toString(36).slice(2, 10);
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

/** A London calendar date n days before today, as the three boxes of a GOV.UK date input. */
function daysAgo(n: number) {
  const d = new Date(Date.now() - n * 86_400_000);
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(d).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}
const dateFields = (name: string, d: { day: string; month: string; year: string }) => ({ [`${name}-day`]: d.day, [`${name}-month`]: d.month, [`${name}-year`]: d.year });

async function answer(client: BrowserLikeClient, prefix: string, step: string, fields: Record<string, string>, expectNext?: string) {
  await client.get(`${prefix}/concerns/q/${step}`);
  const res = await client.post(`${prefix}/concerns/q/${step}`, fields);
  expect(res.status, `${step}: ${text(client.lastHtml).slice(0, 300)}`).toBe(302);
  if (expectNext) expect(res.headers.get("location")).toBe(`${prefix}${expectNext}`);
  return res;
}

async function postMultipart(client: BrowserLikeClient, url: string, fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type?: string }[]) {
  const form = new FormData();
  form.append("csrf", client.csrfToken());
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("files", new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? "application/octet-stream" }));
  const res = await fetch(baseUrl + url, { method: "POST", body: form, redirect: "manual", headers: { cookie: client.cookieHeader(), accept: "text/html" } });
  const body = await res.text();
  if ((res.headers.get("content-type") ?? "").includes("text/html")) client.lastHtml = body;
  return { res, body };
}

/**
 * Starts a multipart post that announces `length` bytes and reports the status the server
 * answers with before the body is sent: how a refusal "before reading" looks to a client.
 */
function statusForAnnouncedBody(url: string, length: number, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(baseUrl + url, {
      method: "POST",
      headers: { cookie, accept: "text/html", "content-type": "multipart/form-data; boundary=x", "content-length": String(length) },
    });
    req.on("response", (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on("error", (error) => reject(error));
    req.write("--x\r\n");
  });
}

/** The SAR journey (request 5 weeks ago) to its "report" result, in one language. */
async function sarJourney(client: BrowserLikeClient, prefix: string, organisation: string) {
  await client.get(`${prefix}/concerns`);
  await answer(client, prefix, "topic", { topic: "personal" }, "/concerns/q/what-happened");
  await answer(client, prefix, "what-happened", { whatHappened: "sar" }, "/concerns/q/organisation");
  await answer(client, prefix, "organisation", { organisation }, "/concerns/q/location");
  await answer(client, prefix, "location", { location: "uk" }, "/concerns/q/sector");
  await answer(client, prefix, "sector", { sector: "health" }, "/concerns/q/raised-on");
  await answer(client, prefix, "raised-on", dateFields("raisedOn", daysAgo(35)), "/concerns/q/extended");
  await answer(client, prefix, "extended", { extended: "no" }, "/concerns/q/last-contact");
  await answer(client, prefix, "last-contact", dateFields("lastContact", daysAgo(35)), "/concerns/result");
}

async function report(client: BrowserLikeClient, prefix: string, step: string, fields: Record<string, string>) {
  await client.get(`${prefix}/concerns/report/${step}`);
  const res = await client.post(`${prefix}/concerns/report/${step}`, fields);
  expect(res.status, `${step}: ${text(client.lastHtml).slice(0, 300)}`).toBe(302);
  return res;
}

describe("the concerns assistant over HTTP", () => {
  it("sends a deep link ahead of the answers back to the first unanswered question", async () => {
    const client = new BrowserLikeClient(baseUrl);
    let res = await client.get("/concerns/q/last-contact");
    expect(res.headers.get("location")).toBe("/concerns/q/topic");
    res = await client.get("/cy/concerns/report/check");
    expect(res.headers.get("location")).toBe("/cy/concerns/q/topic");
    expect((await client.get("/concerns/q/no-such-question")).status).toBe(404);
  });

  it("asks again with a clear Welsh message, keeping what was typed, for empty, impossible, future and too-early dates", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/cy/concerns/q/topic");
    let res = await client.post("/cy/concerns/q/topic", {});
    expect(res.status).toBe(400);
    expect(client.lastHtml).toContain("Dewiswch am beth mae eich pryder");
    expect(client.lastHtml).toContain("<title>Gwall: Am beth mae eich pryder? – Doorstep</title>");
    await answer(client, "/cy", "topic", { topic: "foi" });
    await answer(client, "/cy", "organisation", { organisation: "Cyngor Sir Enghraifft" });
    await answer(client, "/cy", "sector", { sector: "local_government" });
    await client.get("/cy/concerns/q/raised-on");
    res = await client.post("/cy/concerns/q/raised-on", { "raisedOn-day": "31", "raisedOn-month": "2", "raisedOn-year": "2026" });
    expect(res.status).toBe(400);
    expect(client.lastHtml).toContain("Rhowch ddyddiad gwirioneddol");
    expect(client.lastHtml).toMatch(/id="raisedOn-day"[^>]*value="31"/);
    res = await client.post("/cy/concerns/q/raised-on", { "raisedOn-day": "", "raisedOn-month": "", "raisedOn-year": "" });
    expect(client.lastHtml).toContain("Rhowch ddyddiad");
    res = await client.post("/cy/concerns/q/raised-on", { "raisedOn-day": "3", "raisedOn-month": "", "raisedOn-year": "2026" });
    expect(client.lastHtml).toContain("Rhaid i’r dyddiad gynnwys mis");
    const tomorrow = daysAgo(-1);
    res = await client.post("/cy/concerns/q/raised-on", dateFields("raisedOn", tomorrow));
    expect(client.lastHtml).toContain("Rhaid i’r dyddiad y gwnaethoch gysylltu â nhw fod heddiw neu yn y gorffennol");
    await answer(client, "/cy", "raised-on", dateFields("raisedOn", daysAgo(40)));
    await answer(client, "/cy", "replied", { replied: "yes" });
    await client.get("/cy/concerns/q/replied-on");
    res = await client.post("/cy/concerns/q/replied-on", dateFields("repliedOn", daysAgo(41)));
    expect(res.status).toBe(400);
    expect(client.lastHtml).toContain("Rhaid i’r dyddiad fod yr un fath â");
    expect(client.lastHtml).toContain("sef pan gysylltoch chi â nhw");
  });

  it("asks an FOI request's organisation type as grouped radios (13 public types) and a personal concern's as a select (20)", async () => {
    for (const prefix of ["", "/cy"]) {
      const foi = new BrowserLikeClient(baseUrl);
      await foi.get(`${prefix}/concerns`);
      await answer(foi, prefix, "topic", { topic: "foi" });
      await answer(foi, prefix, "organisation", { organisation: "Cyngor Sir Enghraifft" }, "/concerns/q/sector");
      await foi.get(`${prefix}/concerns/q/sector`);
      const page = text(foi.lastHtml);
      expect(page).not.toContain("<select");
      expect(page.match(/type="radio" name="sector"/g)).toHaveLength(13);
      expect(page).not.toContain('value="direct_marketing"');
      expect([...page.matchAll(/govuk-fieldset__legend--s">([^<]+)</g)].map((m) => m[1])).toEqual(prefix ? ["Cynghorau", "Gwasanaethau cyhoeddus", "Y llywodraeth a chyrff cyhoeddus cenedlaethol", "Rhywbeth arall"] : ["Councils", "Public services", "Government and national public bodies", "Something else"]);
      // Nothing chosen: the error links to the first radio, whose id is the field's name.
      const res = await foi.post(`${prefix}/concerns/q/sector`, {});
      expect(res.status).toBe(400);
      expect(foi.lastHtml).toContain('href="#sector"');
      expect(foi.lastHtml).toMatch(/<input class="govuk-radios__input" id="sector" type="radio" name="sector" value="local_government"/);
      await answer(foi, prefix, "sector", { sector: "local_government" }, "/concerns/q/raised-on");

      const personal = new BrowserLikeClient(baseUrl);
      await personal.get(`${prefix}/concerns`);
      await answer(personal, prefix, "topic", { topic: "personal" });
      await answer(personal, prefix, "what-happened", { whatHappened: "sar" });
      await answer(personal, prefix, "organisation", { organisation: "Acme Ltd" });
      await answer(personal, prefix, "location", { location: "uk" }, "/concerns/q/sector");
      await personal.get(`${prefix}/concerns/q/sector`);
      expect(personal.lastHtml).toMatch(/<select class="govuk-select" id="sector" name="sector"/);
      expect(personal.lastHtml).not.toContain('type="radio"');
    }
  });

  it("back, back, Continue goes to the next page, not past the organisation question", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/concerns");
    await answer(client, "", "topic", { topic: "personal" }, "/concerns/q/what-happened");
    await answer(client, "", "what-happened", { whatHappened: "sar" }, "/concerns/q/organisation");
    await answer(client, "", "organisation", { organisation: "Acme Ltd" }, "/concerns/q/location");
    await answer(client, "", "location", { location: "uk" }, "/concerns/q/sector");
    // Back to the organisation, back to "what happened", Continue: the organisation page again.
    await answer(client, "", "what-happened", { whatHappened: "sar" }, "/concerns/q/organisation");
    await answer(client, "", "organisation", { organisation: "Acme Ltd" }, "/concerns/q/location");
  });

  it("does not ask about more time for a subject access request sent yesterday, and asks once its month has passed", async () => {
    for (const prefix of ["", "/cy"]) {
      const client = new BrowserLikeClient(baseUrl);
      await client.get(`${prefix}/concerns`);
      await answer(client, prefix, "topic", { topic: "personal" });
      await answer(client, prefix, "what-happened", { whatHappened: "sar" });
      await answer(client, prefix, "organisation", { organisation: "Example Health Trust" });
      await answer(client, prefix, "location", { location: "uk" });
      await answer(client, prefix, "sector", { sector: "health" });
      await answer(client, prefix, "raised-on", dateFields("raisedOn", daysAgo(1)), "/concerns/result");
      // A deep link to the question that does not apply goes back to where the answers lead.
      expect((await client.get(`${prefix}/concerns/q/extended`)).headers.get("location")).toBe(`${prefix}/concerns/result`);
      await answer(client, prefix, "raised-on", dateFields("raisedOn", daysAgo(40)), "/concerns/q/extended");
    }
  });

  it("gives the internal review outcome for a refused FOI request, with its letter as a PDF naming the authority", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const organisation = `Cyngor Sir Ynys Môn ${unique()}`;
    await client.get("/concerns");
    await answer(client, "", "topic", { topic: "foi" });
    await answer(client, "", "organisation", { organisation });
    await answer(client, "", "sector", { sector: "local_government" });
    await answer(client, "", "raised-on", dateFields("raisedOn", daysAgo(40)));
    await answer(client, "", "replied", { replied: "yes" });
    await answer(client, "", "replied-on", dateFields("repliedOn", daysAgo(10)));
    await answer(client, "", "review-requested", { reviewRequested: "no" }, "/concerns/result");
    await client.get("/concerns/result");
    expect(text(client.lastHtml)).toContain(`Ask ${organisation} for an internal review first`);
    // The date to ask by is worked out, not left to the reader (issue 13).
    expect(text(client.lastHtml)).toMatch(/Ask as soon as you can, and by \d{1,2} [A-Z][a-z]+ \d{4} \(40 working days after their reply\)/);
    // An FOI review goes to the authority's FOI or information governance team, not its DPO.
    await client.get("/concerns/letter/foi_internal_review");
    expect(text(client.lastHtml)).toContain("freedom of information or information governance team");
    expect(text(client.lastHtml)).not.toContain("data protection officer");
    await client.get("/cy/concerns/result");
    expect(text(client.lastHtml)).toMatch(/Gofynnwch cyn gynted ag y gallwch, ac erbyn \d{1,2} [A-Z][a-z]+ \d{4}/);
    await client.get("/cy/concerns/letter/foi_internal_review");
    expect(text(client.lastHtml)).toContain("dîm rhyddid gwybodaeth neu lywodraethu gwybodaeth");
    expect(text(client.lastHtml)).not.toContain("swyddog diogelu data");
    expect((await client.get("/concerns/letter/sar_chase")).status).toBe(404);
    const pdf = await fetch(`${baseUrl}/concerns/letter/foi_internal_review/pdf?in=both`, { headers: { cookie: client.cookieHeader() } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/^attachment; filename="letter-foi-internal-review-both\.pdf"/);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toContain(organisation);
  });

  it("takes a report with files through to one case, an email with the reference, and a staff view with downloads", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const organisation = `Example Health Trust ${unique()}`;
    const email = `concern-${unique()}@example.com`;
    await sarJourney(client, "/cy", organisation);
    await client.get("/cy/concerns/result");
    expect(text(client.lastHtml)).toContain("Gallwch roi gwybod i ni am eich pryder");

    // Too long, then script in the text: kept and shown as text.
    await client.get("/cy/concerns/report/details");
    let res = await client.post("/cy/concerns/report/details", { description: "x".repeat(2001) });
    expect(res.status).toBe(400);
    expect(client.lastHtml).toContain("Rhaid i’r hyn a ddigwyddodd fod yn 2,000 o nodau neu lai");
    expect(client.lastHtml).toContain("x".repeat(2001));
    const script = `<script>alert("x")</script> <img src=x onerror=alert(1)>`;
    res = await client.post("/cy/concerns/report/details", { description: `Dim ateb. ${script}` });
    expect(res.headers.get("location")).toBe("/cy/concerns/report/timeline");
    await report(client, "/cy", "timeline", { intent: "continue" });
    await report(client, "/cy", "wanted", { wanted: "Anfon fy ngwybodaeth" });
    await report(client, "/cy", "representative", { representative: "no" });

    // Uploads: a disguised file is refused with its name, and nothing is stored.
    await client.get("/cy/concerns/report/files");
    const before = storedFiles();
    let up = await postMultipart(client, "/cy/concerns/report/files", { intent: "upload" }, [{ name: "llythyr.pdf", bytes: fixture("program-renamed.pdf") }]);
    expect(up.res.status).toBe(400);
    expect(up.body).toContain("Rhaid i ‘llythyr.pdf’ fod yn ffeil PDF, JPG, PNG, DOCX, TXT neu EML");
    expect(storedFiles()).toBe(before);
    // A 2 MB upload is over the 1 MB form limit but within the upload page's own allowance.
    const twoMb = new Uint8Array(2 * 1024 * 1024);
    twoMb.set(Buffer.from("%PDF-1.7\n"));
    await client.get("/cy/concerns/report/files");
    up = await postMultipart(client, "/cy/concerns/report/files", { intent: "upload" }, [{ name: "cais.pdf", bytes: twoMb }, { name: "ateb.eml", bytes: fixture("message.eml") }]);
    expect(up.res.status, up.body.slice(0, 500)).toBe(302);
    expect(storedFiles()).toBe(before + 2);
    await client.get("/cy/concerns/report/files");
    expect(client.lastHtml).toContain("cais.pdf");
    up = await postMultipart(client, "/cy/concerns/report/files", { intent: "continue" }, []);
    expect(up.res.headers.get("location")).toBe("/cy/concerns/report/contact");

    await client.get("/cy/concerns/report/contact");
    res = await client.post("/cy/concerns/report/contact", { name: "Sam Jones", email: "not-an-email", contactMethod: "phone", phone: "" });
    expect(client.lastHtml).toContain("Rhowch gyfeiriad e-bost yn y fformat cywir");
    expect(client.lastHtml).toContain("Rhowch rif ffôn");
    await report(client, "/cy", "contact", { name: "Sam Jones", email, contactMethod: "email" });
    await report(client, "/cy", "language", { language: "cy" });
    await report(client, "/cy", "adjustments", { adjustments: "no" });

    const check = await client.get("/cy/concerns/report/check");
    expect(check.status).toBe(200);
    const html = text(client.lastHtml);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain('<script>alert("x")');
    expect(html).not.toContain("<img src=x");
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
    res = await client.post("/cy/concerns/report/check", { idempotencyKey: key });
    expect(res.headers.get("location")).toBe("/cy/concerns/report/confirmation");
    // Sending again (back button, double click) finds the same case.
    res = await client.post("/cy/concerns/report/check", { idempotencyKey: key });
    expect(res.headers.get("location")).toBe("/cy/concerns/report/confirmation");
    await client.get("/cy/concerns/report/confirmation");
    const reference = /data-testid="reference">([A-Z0-9]+)</.exec(client.lastHtml)![1]!;
    expect(reference).toMatch(/^RFA\d{7}$/);
    expect(client.lastHtml).toContain("30 diwrnod calendr");

    // The acknowledgement, in Welsh, quoting the reference.
    let mail = "";
    for (let i = 0; i < 50 && !mail; i++) {
      for (const f of existsSync(mailDir) ? readdirSync(mailDir) : []) {
        const raw = readFileSync(path.join(mailDir, f), "utf8");
        if (raw.includes(email)) mail = raw;
      }
      if (!mail) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mail).toContain("Content-Language: cy");
    expect(mail.replace(/=\r?\n/g, "")).toContain(`[Ref. ${reference}]`);

    // Staff: sign in, see the case with the files and the text as text, download a file.
    const staff = new BrowserLikeClient(baseUrl);
    const anonymous = await staff.get(`/staff/cases/${reference}`);
    expect(anonymous.status).toBe(302);
    await staff.get("/staff/sign-in");
    await staff.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    await staff.get(`/staff/cases/${reference}`);
    const page = staff.lastHtml;
    expect(page).toContain("Welsh language – Data protection concern");
    expect(page).toContain("Data protection: regulators, BBC, transport, health");
    expect(page).toContain("cais.pdf");
    expect(page).toContain("ateb.eml");
    expect(text(page)).not.toContain('<script>alert("x")');
    const link = new RegExp(`href="(/staff/cases/${reference}/attachments/[0-9a-f-]{36})"[^>]*>Download`).exec(page);
    expect(link).not.toBeNull();
    const download = await fetch(baseUrl + link![1]!, { headers: { cookie: staff.cookieHeader() }, redirect: "manual" });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // Not for the public: without a staff session the same address sends you to sign in.
    const publicTry = await fetch(baseUrl + link![1]!, { redirect: "manual" });
    expect(publicTry.status).toBe(302);
    expect(publicTry.headers.get("location")).toMatch(/^\/staff\/sign-in/);
    // And nothing under the web root serves uploads.
    expect((await fetch(`${baseUrl}/concerns/uploads/${link![1]!.split("/").pop()}`, { redirect: "manual" })).status).not.toBe(200);
  });

  it("allows a larger body only on the upload page", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/contact");
    const big = "x".repeat(1_500_000);
    const contact = await client.post("/contact", { question: big });
    expect(contact.status).toBe(413);
    // Over the upload page's own allowance (6 × 5 MB and a margin): refused before it is read.
    await sarJourney(client, "", `Over Limit Ltd ${unique()}`);
    for (const [step, fields] of [
      ["details", { description: "x" }],
      ["timeline", { intent: "continue" }],
      ["wanted", { wanted: "y" }],
      ["representative", { representative: "no" }],
    ] as const) await report(client, "", step, fields);
    await client.get("/concerns/report/files");
    const before = storedFiles();
    expect(await statusForAnnouncedBody("/concerns/report/files", 6 * 5 * 1024 * 1024 + 300 * 1024, client.cookieHeader())).toBe(413);
    // …and the allowance is that page's alone: 2 MB to another concerns page is too large.
    expect(await statusForAnnouncedBody("/concerns/report/details", 2_000_000, client.cookieHeader())).toBe(413);
    expect(storedFiles()).toBe(before);
    // One file over 5 MB, inside the allowance: refused by the page with a clear message.
    await client.get("/concerns/report/files");
    const six = new Uint8Array(6 * 1024 * 1024);
    six.set(Buffer.from("%PDF-1.7\n"));
    const over = await postMultipart(client, "/concerns/report/files", { intent: "upload" }, [{ name: "big.pdf", bytes: six }]);
    expect(over.res.status).toBe(400);
    expect(over.body).toContain("Each file must be 5 MB or smaller");
    expect(storedFiles()).toBe(before);
  });
});
