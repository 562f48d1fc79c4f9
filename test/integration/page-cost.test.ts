// What a public page costs the server: an anonymous visit runs no database statement, and a page
// that is the same for everyone without a session is rendered once and served again from the
// page cache with this visitor's own CSRF token and CSP nonce (docs/decisions/0015-page-cost.md).
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

// The shared test server runs with SERVER_TIMING=true (test/support/global-setup.ts).
const server = { url: inject("baseUrl") };

const timing = (res: Response) => {
  const header = res.headers.get("server-timing") ?? "";
  const queries = /db;desc="queries (\d+)"/.exec(header)?.[1];
  const cache = /page-cache;desc="(\w+)"/.exec(header)?.[1];
  return { queries: queries === undefined ? undefined : Number(queries), cache };
};
const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
/** The page without what belongs to this one response. */
const normalise = (html: string) => html.replace(/name="csrf" value="[^"]*"/g, 'name="csrf" value=""').replace(/nonce="[^"]*"/g, 'nonce=""');

const PUBLIC_PAGES = [
  "/",
  "/cy",
  "/accessibility",
  "/cy/accessibility",
  "/privacy",
  "/cookies",
  "/concerns",
  "/cy/concerns",
  "/concerns/q/topic",
  "/cy/concerns/q/topic",
  "/report-nuisance",
  "/cy/report-nuisance",
  "/adjustments",
  "/contact",
  "/track",
  "/chat",
];

describe("an anonymous visit", () => {
  it.each(PUBLIC_PAGES)("%s runs no database statement, first time or not", async (path) => {
    const client = new BrowserLikeClient(server.url);
    for (let visit = 0; visit < 2; visit++) {
      const res = await client.get(path);
      expect(res.status).toBe(200);
      expect(timing(res).queries).toBe(0);
    }
  });
});

describe("the rendered-page cache", () => {
  it("serves the same page again, with each response's own nonce and CSRF token", async () => {
    const first = new BrowserLikeClient(server.url);
    const second = new BrowserLikeClient(server.url);
    const a = await first.get("/cy/concerns/q/topic");
    const htmlA = first.lastHtml;
    const b = await second.get("/cy/concerns/q/topic");
    const htmlB = second.lastHtml;
    expect(timing(b).cache).toBe("hit");
    expect(normalise(htmlB)).toBe(normalise(htmlA));
    expect(htmlB).not.toContain("DoorstepPageCache");
    // Different browsers, different tokens; each page carries the nonce its own CSP allows.
    expect(second.csrfToken()).not.toBe(first.csrfToken());
    expect(nonceOf(b)).toBeTruthy();
    expect(nonceOf(b)).not.toBe(nonceOf(a));
    expect(htmlB).toContain(`nonce="${nonceOf(b)}"`);
  });

  it("gives a token from a cached page that the form accepts", async () => {
    const client = new BrowserLikeClient(server.url);
    await client.get("/concerns/q/topic");
    await client.get("/concerns/q/topic");
    const res = await client.post("/concerns/q/topic", { topic: "personal" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/concerns\/q\//);
  });

  it("never answers someone with a session from the cache", async () => {
    const client = new BrowserLikeClient(server.url);
    await client.get("/concerns/q/topic");
    await client.post("/concerns/q/topic", { topic: "personal" });
    const start = await client.get("/concerns");
    expect(timing(start).cache).toBe("none");
    // Part-way through, the start page offers to carry on where they were.
    const anonymous = new BrowserLikeClient(server.url);
    await anonymous.get("/concerns");
    expect(normalise(client.lastHtml)).not.toBe(normalise(anonymous.lastHtml));
  });

  it("keeps staff pages, data requests and other methods out", async () => {
    const client = new BrowserLikeClient(server.url);
    expect(timing(await client.get("/staff/sign-in")).cache).toBe("none");
    expect(timing(await client.get("/staff/sign-in")).cache).toBe("none");
    const data = await fetch(`${server.url}/concerns.data`);
    expect(timing(data).cache).not.toBe("hit");
    const head = await fetch(`${server.url}/accessibility`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(timing(head).cache).toBe("none");
  });

  it("public pages still ship no JavaScript but the chat launcher", async () => {
    const client = new BrowserLikeClient(server.url);
    for (const path of ["/", "/accessibility", "/concerns/q/topic"]) {
      await client.get(path);
      await client.get(path);
      const scripts = [...client.lastHtml.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
      expect(scripts.every((tag) => tag.includes('src="/widget.js"'))).toBe(true);
    }
  });
});

describe("what a page carries for React Router's scripts", () => {
  const marks = (html: string) => ({
    discover: html.includes('data-discover="true"'),
    handoff: html.includes("<!--$-->"),
    stylesheetNonce: /<link[^>]*rel="stylesheet"[^>]*nonce=|<link[^>]*nonce=[^>]*rel="stylesheet"/.test(html),
    modules: html.includes('type="module"'),
  });

  it("is nothing on a public page, rendered or from the cache, links and forms included", async () => {
    const client = new BrowserLikeClient(server.url);
    for (const path of ["/", "/cy", "/concerns/q/topic", "/cy/report-nuisance"]) {
      for (let visit = 0; visit < 2; visit++) {
        await client.get(path);
        expect(client.lastHtml).toMatch(/<a [^>]*href="\//);
        expect(marks(client.lastHtml), path).toEqual({ discover: false, handoff: false, stylesheetNonce: false, modules: false });
      }
    }
    // The question page's form is there, unmarked (checked above).
    await client.get("/concerns/q/topic");
    expect(client.lastHtml).toMatch(/<form [^>]*method="post"/);
  });

  it("is still there on a staff page, which hydrates", async () => {
    const staff = new BrowserLikeClient(server.url);
    await staff.get("/staff/sign-in");
    await staff.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    const page = await staff.get("/staff/cases");
    expect(page.status).toBe(200);
    expect(marks(staff.lastHtml)).toEqual({ discover: true, handoff: true, stylesheetNonce: true, modules: true });
    // Every script the page runs carries this response's nonce.
    const nonce = nonceOf(page);
    for (const [tag] of staff.lastHtml.matchAll(/<script[^>]*>/g)) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe("staff pages' translations", () => {
  it("come as one cached script per language, not inside every page", async () => {
    const staff = new BrowserLikeClient(server.url);
    await staff.get("/staff/sign-in");
    const signedIn = await staff.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" });
    expect(signedIn.status).toBe(302);
    for (const lang of ["en", "cy"] as const) {
      const page = await staff.get(lang === "cy" ? "/cy/staff/cases" : "/staff/cases");
      expect(page.status).toBe(200);
      const html = staff.lastHtml;
      const src = new RegExp(`<script src="(/i18n/${lang}\\.[0-9a-f]{12}\\.js)"`).exec(html)?.[1];
      expect(src, "the page loads its language's translations script").toBeDefined();
      // The script comes before the module scripts that hydrate the page with its texts.
      expect(html.indexOf(src!)).toBeLessThan(html.indexOf('type="module"'));
      // A staff namespace's text is not serialised into the page (it was ~170 KB of every page).
      expect(html).not.toContain('"staff-backoffice"');

      const script = await fetch(`${server.url}${src}`, { headers: { "accept-encoding": "br" } });
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toContain("text/javascript");
      expect(script.headers.get("cache-control")).toContain("immutable");
      expect(script.headers.get("content-encoding")).toBe("br");
      const body = await script.text();
      expect(body).toMatch(new RegExp(`^\\(window\\.__doorstepTranslations=window\\.__doorstepTranslations\\|\\|\\{\\}\\)\\["${lang}"\\]=`));
      expect(body).toContain('"staff-cases"');
      expect(body).not.toContain('"email-concerns"');

      // Unchanged translations: the browser's copy is still good.
      const again = await fetch(`${server.url}${src}`, { headers: { "if-none-match": script.headers.get("etag")! } });
      expect(again.status).toBe(304);
    }
  });

  it("an old name still gets today's text, briefly cached; anything else is not found", async () => {
    const old = await fetch(`${server.url}/i18n/en.000000000000.js`);
    expect(old.status).toBe(200);
    expect(old.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await old.text()).toContain('["en"]=');
    for (const path of ["/i18n/fr.000000000000.js", "/i18n/en.js", "/i18n/..%2Fpackage.json"]) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(404);
    }
  });

  it("public pages load none (they ship no JavaScript but the chat launcher)", async () => {
    const client = new BrowserLikeClient(server.url);
    await client.get("/concerns");
    expect(client.lastHtml).not.toContain("/i18n/");
  });
});

describe("the browser's files", () => {
  it("are sent precompressed, with long caching for hashed assets", async () => {
    const home = await fetch(`${server.url}/staff/sign-in`);
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(await home.text())?.[1];
    expect(css).toBeDefined();
    const br = await fetch(`${server.url}${css}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toContain("immutable");
    const gzip = await fetch(`${server.url}${css}`, { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    const plain = await fetch(`${server.url}${css}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    // The same stylesheet whichever way it travels.
    const text = await plain.text();
    expect(await br.text()).toBe(text);
    expect(await gzip.text()).toBe(text);
  });
});
