// Against the real production server (started once by global-setup) and its embedded database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const withoutScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");
const unique = () => Math.random().toString(36).slice(2, 10);

async function waitForEmail(predicate: (raw: string) => boolean): Promise<string> {
  for (let i = 0; i < 50; i++) {
    try {
      for (const file of readdirSync(mailDir)) {
        const raw = readFileSync(path.join(mailDir, file), "utf8");
        if (predicate(raw)) return raw;
      }
    } catch {
      // no mail folder yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("email not written");
}

async function askQuestion(client: BrowserLikeClient, lang: "en" | "cy", answers: { question: string; name: string; email: string }) {
  const prefix = lang === "cy" ? "/cy" : "";
  await client.get(`${prefix}/contact`);
  let res = await client.post(`${prefix}/contact`, { question: answers.question });
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toBe(`${prefix}/contact/details`);
  await client.get(`${prefix}/contact/details`);
  res = await client.post(`${prefix}/contact/details`, { name: answers.name, email: answers.email });
  expect(res.headers.get("location")).toBe(`${prefix}/contact/check`);
  const check = await client.get(`${prefix}/contact/check`);
  expect(check.status).toBe(200);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  return { key, prefix };
}

describe("the production server", () => {
  it("reports health with the database state", async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { state: "up", engine: inject("engine") } });
  });

  it("sends security headers with a nonce-based CSP, and no JavaScript on public pages", async () => {
    const res = await fetch(`${baseUrl}/`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain("unsafe-inline");
    // The only script on a public page is the chat launcher (one small file, with this response's nonce).
    const html = await res.text();
    expect(html).toMatch(/<script src="\/widget\.js" nonce="[^"]+" defer="" data-lang="en"><\/script>/);
    expect(html.replace(/<script src="\/widget\.js"[^>]*><\/script>/, "")).not.toContain("<script");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const again = await fetch(`${baseUrl}/`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("puts this response's nonce on every inline script of the (hydrated) staff pages", async () => {
    const staff = new BrowserLikeClient(baseUrl);
    await staff.get("/staff/sign-in");
    await staff.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    const res = await staff.get("/staff");
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1]!;
    const scripts = [...(await res.text()).matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it.each([
    ["/", "en-GB"],
    ["/cy", "cy"],
    ["/cy/contact", "cy"],
    ["/accessibility", "en-GB"],
  ])("%s is served with lang=%s", async (pathname, lang) => {
    const html = await (await fetch(baseUrl + pathname)).text();
    expect(html).toContain(`<html lang="${lang}"`);
  });

  it.each([
    ["/no-such-page", "Page not found"],
    ["/cy/dim-tudalen", "Heb ddod o hyd i’r dudalen"],
  ])("answers 404 for %s in its language", async (pathname, heading) => {
    const res = await fetch(baseUrl + pathname);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(heading);
  });

  it("redirects signed-out staff pages to sign-in, keeping where they were going", async () => {
    for (const [pathname, signIn] of [
      ["/staff", "/staff/sign-in"],
      ["/staff/cases?queue=6", "/staff/sign-in"],
      ["/cy/staff/cases/ENQ0000001", "/cy/staff/sign-in"],
    ]) {
      const res = await fetch(baseUrl + pathname, { redirect: "manual" });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get("location")!, baseUrl);
      expect(location.pathname).toBe(signIn);
      expect(location.searchParams.get("returnTo")).toBe(pathname);
    }
  });
});

describe("forms", () => {
  it("refuses a post without the CSRF token and saves nothing", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/contact");
    const marker = `forged-${unique()}`;
    const res = await client.post("/contact", { question: marker }, { csrf: "x".repeat(43) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Your form has expired");
    const page = await client.get("/contact");
    expect(await page.text()).not.toContain(marker);
  });

  it("answers an oversized post with a clear page in the person's language", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/cy/contact");
    const res = await client.post("/cy/contact", { question: "x".repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Mae’r hyn a anfonwyd gennych yn rhy fawr");
  });

  it("shows errors in the person's language and keeps what they typed", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/cy/contact");
    await client.post("/cy/contact", { question: "Cwestiwn" });
    await client.get("/cy/contact/details");
    const res = await client.post("/cy/contact/details", { name: "Siân <b>Jones</b>", email: "sian@" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Mae problem wedi codi");
    expect(html).toContain("Rhowch gyfeiriad e-bost yn y fformat cywir");
    expect(html).toContain('value="Siân &lt;b&gt;Jones&lt;/b&gt;"');
    expect(html).toContain('value="sian@"');
    expect(html).toMatch(/<title>Gwall: /);
  });

  it("sends a deep link past unanswered questions back to the first one", async () => {
    const client = new BrowserLikeClient(baseUrl);
    const res = await client.get("/contact/check");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/contact");
  });

  it.each(["en", "cy"] as const)("creates one ENQ case and a %s acknowledgement, however often it is submitted", async (lang) => {
    const client = new BrowserLikeClient(baseUrl);
    const id = unique();
    const email = `person-${id}@example.com`;
    const { key, prefix } = await askQuestion(client, lang, { question: `Question ${id}`, name: `Person ${id}`, email });
    const token = client.csrfToken();
    // Double click: two posts at once; then "back" and submit again.
    const [first, second] = await Promise.all([
      client.post(`${prefix}/contact/check`, { idempotencyKey: key }, { csrf: token }),
      client.post(`${prefix}/contact/check`, { idempotencyKey: key }, { csrf: token }),
    ]);
    const third = await client.post(`${prefix}/contact/check`, { idempotencyKey: key }, { csrf: token });
    for (const res of [first, second, third]) expect(res.headers.get("location")).toBe(`${prefix}/contact/confirmation`);
    const confirmation = await client.get(`${prefix}/contact/confirmation`);
    const reference = /data-testid="reference">(ENQ\d{7})</.exec(await confirmation.text())![1]!;

    const mail = await waitForEmail((raw) => raw.includes(`To: ${email}`));
    expect(mail).toContain(`[Ref. ${reference}]`);
    expect(mail).toContain(lang === "cy" ? "Content-Language: cy" : "Content-Language: en-GB");

    const staff = new BrowserLikeClient(baseUrl);
    await staff.get("/staff/sign-in");
    const signedIn = await staff.post("/staff/sign-in", { email: "manager@doorstep.example", password: "demo-manager-2026" });
    expect(signedIn.status).toBe(302);
    const list = withoutScripts(await (await staff.get("/staff/cases?queue=1")).text());
    expect(list.split(`Person ${id}`).length - 1).toBe(1);
    const page = await (await staff.get(`/staff/cases/${reference}`)).text();
    expect(page).toContain(email);
    if (lang === "cy") expect(page).toContain("Welsh language");
  });
});

describe("staff sign-in", () => {
  it("rotates the session at sign-in and refuses the old one after sign-out", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/contact");
    await client.post("/contact", { question: "starts a public session" });
    const before = client.cookieHeader().match(/doorstep_session=([^;]+)/)![1];
    await client.get("/staff/sign-in");
    await client.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    const after = client.cookieHeader().match(/doorstep_session=([^;]+)/)![1];
    expect(after).not.toBe(before);
    expect((await client.get("/staff")).status).toBe(200);
    const stolen = client.cookieHeader();
    await client.post("/staff/sign-out", {});
    const replay = await fetch(`${baseUrl}/staff`, { headers: { cookie: stolen }, redirect: "manual" });
    expect(replay.status).toBe(302);
  });

  it("limits failed sign-ins", async () => {
    // An account no other integration test signs in with: this one stays locked for 15 minutes.
    // From an address of its own (the server trusts X-Forwarded-For), so the refusals counted
    // against this address never block the other test files' sign-ins from loopback.
    const guesser = { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` };
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/staff/sign-in");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await client.post("/staff/sign-in", { email: "head@doorstep.example", password: `wrong-${i}` }, { headers: guesser })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password is refused while blocked.
    const right = await client.post("/staff/sign-in", { email: "head@doorstep.example", password: "demo-head-2026" }, { headers: guesser });
    expect(right.status).toBe(429);
  });
});
