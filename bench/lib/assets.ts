// What a page costs to download: its JavaScript and CSS, each file gzipped at level 9.
import { gzipSync } from "node:zlib";

export type PageWeight = {
  path: string;
  /** Same-origin JavaScript files the page loads, with their gzipped sizes. */
  js: { url: string; bytes: number; gzBytes: number }[];
  css: { url: string; bytes: number; gzBytes: number }[];
  jsGzBytes: number;
  cssGzBytes: number;
  /** The HTML document itself (inline scripts, serialised loader data and all), gzipped. */
  htmlGzBytes: number;
  /** Modules the page imports that its <script>/<link rel=modulepreload> tags do not list. */
  unlisted: string[];
};

const gz = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Attributes of every `<name …>` tag in the HTML. Enough for React's own markup. */
function tags(html: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "gi"))) {
    const attributes: Record<string, string> = {};
    for (const attr of match[1]!.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes[attr[1]!.toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? "");
    }
    found.push(attributes);
  }
  return found;
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/**
 * Import specifiers in a JavaScript module (minified or not): static ones always, and
 * `import("…")` when `dynamic` (an inline bootstrap script runs its dynamic import at
 * once; inside a chunk a dynamic import is a lazily loaded route, not page-load cost).
 */
function importsOf(source: string, dynamic: boolean): string[] {
  const specifiers = new Set<string>();
  for (const m of source.matchAll(/(?:^|[^\w$.])import\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) specifiers.add(m[1]!);
  for (const m of source.matchAll(/(?:^|[^\w$.])export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) specifiers.add(m[1]!);
  if (dynamic) for (const m of source.matchAll(/(?:^|[^\w$.])import\s*\(\s*["']([^"']+)["']\s*\)/g)) specifiers.add(m[1]!);
  return [...specifiers];
}

async function fetchBuffer(url: string): Promise<Buffer> {
  // No Accept-Encoding: we want the bytes as built and gzip them ourselves, identically for every file.
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function measurePage(origin: string, path: string): Promise<PageWeight> {
  const pageUrl = new URL(path, origin);
  const html = await fetchBuffer(pageUrl.href);
  const text = html.toString("utf8");
  const sameOrigin = (href: string) => {
    const url = new URL(href, pageUrl);
    return url.origin === pageUrl.origin ? url.href : undefined;
  };

  const listed = new Set<string>();
  for (const script of tags(text, "script")) if (script.src) listed.add(sameOrigin(script.src) ?? "");
  for (const link of tags(text, "link")) {
    const rel = (link.rel ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("modulepreload") && link.href) listed.add(sameOrigin(link.href) ?? "");
  }
  listed.delete("");

  // Follow the imports of inline module scripts and of each fetched module: anything the
  // browser will load on this page but that no tag lists is counted too, and reported.
  const js = new Map<string, Buffer>();
  const queue = [...listed];
  for (const m of text.matchAll(/<script\b[^>]*type=["']?module["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const specifier of importsOf(m[1]!, true)) {
      const url = sameOrigin(specifier);
      if (url) queue.push(url);
    }
  }
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (js.has(url)) continue;
    let body: Buffer;
    try {
      body = await fetchBuffer(url);
    } catch (error) {
      // A listed file must exist; a specifier found by scanning source may be a false positive.
      if (listed.has(url)) throw error;
      continue;
    }
    js.set(url, body);
    for (const specifier of importsOf(body.toString("utf8"), false)) {
      const next = new URL(specifier, url);
      if (next.origin === pageUrl.origin && !js.has(next.href)) queue.push(next.href);
    }
  }

  const cssUrls = new Set<string>();
  for (const link of tags(text, "link")) {
    const rel = (link.rel ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("stylesheet") && link.href) {
      const url = sameOrigin(link.href);
      if (url) cssUrls.add(url);
    }
  }
  const css = [];
  for (const url of cssUrls) {
    const body = await fetchBuffer(url);
    css.push({ url, bytes: body.length, gzBytes: gz(body) });
  }

  const jsFiles = [...js].map(([url, body]) => ({ url, bytes: body.length, gzBytes: gz(body) }));
  return {
    path,
    js: jsFiles,
    css,
    jsGzBytes: jsFiles.reduce((sum, file) => sum + file.gzBytes, 0),
    cssGzBytes: css.reduce((sum, file) => sum + file.gzBytes, 0),
    htmlGzBytes: gz(html),
    unlisted: [...js.keys()].filter((url) => !listed.has(url)),
  };
}
