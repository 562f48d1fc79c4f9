// The translations a hydrating page needs in the browser, as one small script per language with a
// content hash in its name: cached by the browser for a year and compressed once here. Staff pages
// used to carry them in their loader data: ~170 KB in every page and again in every form post's
// revalidation, compressed per request (docs/decisions/0015-pages-near-the-floor.md).
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip as gzipCallback } from "node:zlib";
import type { Request, Response } from "express";
import { LANGUAGES, type Lang } from "../../shared/lang";
import { browserResources } from "./locales";

/** The global the script fills in; app/lib/i18n.ts reads it. */
export const BROWSER_TRANSLATIONS_GLOBAL = "__doorstepTranslations";

type Bundle = { path: string; etag: string; identity: Buffer; br?: Promise<Buffer>; gzip?: Promise<Buffer> };
const bundles = new Map<Lang, Bundle>();
const brotliCompressAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzipCallback);

function build(lang: Lang): Bundle {
  // JSON is valid JavaScript; escaping "<" keeps the text inert if it is ever inlined.
  const json = JSON.stringify(browserResources(lang)).replace(/</g, "\\u003c");
  const source = `(window.${BROWSER_TRANSLATIONS_GLOBAL}=window.${BROWSER_TRANSLATIONS_GLOBAL}||{})[${JSON.stringify(lang)}]=${json};\n`;
  const identity = Buffer.from(source, "utf8");
  const hash = createHash("sha256").update(identity).digest("hex").slice(0, 12);
  return {
    path: `/i18n/${lang}.${hash}.js`,
    etag: `"${hash}"`,
    identity,
  };
}

/**
 * Compressed once, when the script is first asked for, on libuv's thread pool: not when the root
 * loader first asks for its name. Brotli at quality 11 took ~0.3 s of the main thread, inside the
 * first page request after a start, in front of every visitor queued behind it (issue 15).
 */
const brotli = (b: Bundle) => (b.br ??= brotliCompressAsync(b.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
const gzip = (b: Bundle) => (b.gzip ??= gzipAsync(b.identity, { level: 9 }));

function bundle(lang: Lang): Bundle {
  let found = bundles.get(lang);
  if (!found) bundles.set(lang, (found = build(lang)));
  return found;
}

/** Where the script for a language is served (changes whenever a translation does). */
export function browserTranslationsPath(lang: Lang): string {
  return bundle(lang).path;
}

/**
 * Serves `/i18n/<lang>.<hash>.js`. An old hash (a page rendered before a deploy) still gets the
 * current text, but not cached for long, so the next page load picks up the new name.
 */
export async function serveBrowserTranslations(req: Request, res: Response) {
  const match = /^(en|cy)\.([0-9a-f]{12})\.js$/.exec(String(req.params.file ?? ""));
  if (!match || !(LANGUAGES as readonly string[]).includes(match[1]!)) {
    res.status(404).type("text/plain").send("Not found");
    return;
  }
  const current = bundle(match[1] as Lang);
  const fresh = current.path.endsWith(`.${match[2]}.js`);
  res.set("Content-Type", "text/javascript; charset=utf-8");
  res.set("Cache-Control", fresh ? "public, max-age=31536000, immutable" : "public, max-age=60");
  res.set("Vary", "Accept-Encoding");
  res.set("ETag", current.etag);
  if (req.headers["if-none-match"] === current.etag) {
    res.status(304).end();
    return;
  }
  const accepts = String(req.headers["accept-encoding"] ?? "");
  const [body, encoding] = /\bbr\b/.test(accepts) ? [await brotli(current), "br"] : /\bgzip\b/.test(accepts) ? [await gzip(current), "gzip"] : [current.identity, undefined];
  if (encoding) res.set("Content-Encoding", encoding);
  res.set("Content-Length", String(body.length));
  res.send(body);
}
