// Abuse of the public doors (issue 12): a nuisance report's .eml file is stored only with a
// valid form, and a draft can never attach another draft's file by its id.
import { describe, expect, inject, it } from "vitest";
import { PUBLIC_LIMITS } from "../../server/limits/public";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const EML = "From: Spammer <spam@spam.example>\r\nTo: me@example.com\r\nSubject: Offer\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\nBuy now\r\n";

function today() {
  const [y, m, d] = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10).split("-");
  return { "date-day": String(Number(d)), "date-month": String(Number(m)), "date-year": y! };
}

async function postEmail(client: BrowserLikeClient, fields: Record<string, string>, file?: Blob) {
  const body = new FormData();
  for (const [k, v] of Object.entries({ csrf: client.csrfToken(), kind: "email", ...today(), time: "10:00", from: "", to: "", company: "", topic: "investments", subject: "", description: "", ...fields })) body.set(k, v);
  if (file) body.set("eml", file, "offer.eml");
  const res = await fetch(`${baseUrl}/report-nuisance/contact/new?kind=email`, { method: "POST", body, redirect: "manual", headers: { cookie: client.cookieHeader(), accept: "text/html" } });
  (client as unknown as { remember(r: Response): void }).remember(res);
  const html = await res.text();
  if (res.headers.get("content-type")?.includes("text/html")) client.lastHtml = html;
  return { res, html };
}

describe("nuisance .eml uploads", () => {
  it("an invalid form stores no file, so no id of a stored file reaches the page to be reused", async () => {
    const a = new BrowserLikeClient(baseUrl);
    await a.get("/report-nuisance/contact/new?kind=email");
    const invalid = await postEmail(a, { "date-day": "99" }, new Blob([EML]));
    expect(invalid.res.status).toBe(400);
    const kept = /name="emlKeep" value="([^"]+)"/.exec(invalid.html)?.[1];
    expect(kept).toBeUndefined();
  });

  it("a draft cannot attach a file by an id that is not its own", async () => {
    const a = new BrowserLikeClient(baseUrl);
    await a.get("/report-nuisance/contact/new?kind=email");
    // Before the fix the invalid post stored the file and handed its id back in the page.
    const leaked = /name="emlKeep" value="([^"]+)"/.exec((await postEmail(a, { "date-day": "99" }, new Blob([EML]))).html)?.[1] ?? "00000000-0000-4000-8000-000000000000";
    const b = new BrowserLikeClient(baseUrl);
    await b.get("/report-nuisance/contact/new?kind=email");
    const saved = await postEmail(b, { from: "other@spam.example", emlKeep: leaked });
    expect(saved.res.status).toBe(302);
    await b.get("/report-nuisance/contacts");
    expect(b.lastHtml).not.toContain("offer.eml");
  });
});

describe("upload limits", () => {
  it("one nuisance draft stores at most the day's files per submission; the next is refused with a message and not stored", async () => {
    const limit = PUBLIC_LIMITS.uploadFilesPerSubmission.points;
    const client = new BrowserLikeClient(baseUrl);
    for (let i = 0; i < limit; i++) {
      await client.get("/report-nuisance/contact/new?kind=email");
      const saved = await postEmail(client, { from: `sender${i}@spam.example` }, new Blob([EML]));
      expect(saved.res.status, `upload ${i + 1}`).toBe(302);
    }
    await client.get("/report-nuisance/contact/new?kind=email");
    const over = await postEmail(client, { from: "one-more@spam.example" }, new Blob([EML]));
    expect(over.res.status).toBe(400);
    expect(over.html).toContain("We have had a lot of files from this connection today");
    expect(over.html).not.toMatch(/name="emlKeep" value="[^"]+"/);
    await client.get("/report-nuisance/contacts");
    expect(client.lastHtml.match(/contact\/[0-9a-f-]{36}\/remove/g) ?? []).toHaveLength(limit);
  }, 120_000);
});

describe("honeypot", () => {
  it("every public form carries a hidden honeypot; a post that fills it is refused and nothing is saved", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/contact");
    expect(client.lastHtml).toMatch(/<div hidden=""><label for="ds-website">Website<\/label><input[^>]*name="website"/);
    const bot = await client.post("/contact", { question: "bot question", website: "http://spam.example" });
    expect(bot.status).toBe(400);
    // Nothing was kept: the next step still sends the person back to the first question.
    const details = await client.get("/contact/details");
    expect(details.status).toBe(302);
    await client.get("/contact");
    const person = await client.post("/contact", { question: "a real question", website: "" });
    expect(person.status).toBe(302);
  });
});
