// Browser-safe: imported by the pages, the server and the widget (see docs/decisions/0013-one-way-to-build.md).
// Language comes from the URL: Welsh pages live under /cy, English pages at the same path without it.
export const LANGUAGES = ["en", "cy"] as const;
export type Lang = (typeof LANGUAGES)[number];

// Also matches React Router's data requests ("/cy.data", "/cy/contact.data").
const WELSH_PREFIX = /^\/cy(?=$|[/.?#])/;

export function langFromPath(pathname: string): Lang {
  return WELSH_PREFIX.test(pathname) ? "cy" : "en";
}

/** The path without any language prefix, always starting with "/". */
export function stripLang(pathname: string): string {
  const stripped = pathname.replace(WELSH_PREFIX, "");
  return stripped === "" ? "/" : stripped.startsWith("/") ? stripped : `/${stripped}`;
}

/** The same page in the given language. `path` may carry a query string and hash. */
export function localePath(path: string, lang: Lang): string {
  const match = /^([^?#]*)(.*)$/.exec(path)!;
  const base = stripLang(match[1] || "/");
  if (lang === "en") return base + match[2];
  return (base === "/" ? "/cy" : `/cy${base}`) + match[2];
}

export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "cy" : "en";
}

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "cy";
}

/** Translations by namespace, as sent from the server to a page. */
export type Resources = Record<string, Record<string, unknown>>;
