// Every locale file, bundled into the server build.
import type { Lang } from "./lang";
import { createI18n, type Resources } from "./i18n";
import i18next, { type i18n as I18n, type TFunction } from "i18next";

const files = import.meta.glob<Record<string, unknown>>("../../locales/*/*.json", { eager: true, import: "default" });

const all: Record<Lang, Resources> = { en: {}, cy: {} };
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/(en|cy)\/([\w-]+)\.json$/.exec(file);
  if (match) all[match[1] as Lang][match[2]] = content;
}

/**
 * Namespaces only staff screens need ("domain" and any "staff…" file). Namespaces used only on the
 * server ("email…", "letters…", "widget") are never rendered into pages.
 */
const isStaffNamespace = (ns: string) => ns === "domain" || ns.startsWith("staff");
const isServerOnlyNamespace = (ns: string) => ns.startsWith("email") || ns.startsWith("letters") || ns === "widget";

export function staffResources(lang: Lang): Resources {
  return Object.fromEntries(Object.entries(all[lang]).filter(([ns]) => isStaffNamespace(ns)));
}

/**
 * What a hydrating page needs in the browser: every namespace a page may use (public and staff),
 * since only staff pages hydrate. Public pages render on the server only and are sent none.
 */
export function browserResources(lang: Lang): Resources {
  return Object.fromEntries(Object.entries(all[lang]).filter(([ns]) => ns !== "common" && !isServerOnlyNamespace(ns)));
}

// One i18next instance per language for rendering pages on the server, made once: building one
// per request (and serialising the bundle into every response) was a large share of a page's cost.
const pageI18n: Partial<Record<Lang, I18n>> = {};

/** The server-side page translator for a language (every namespace, fixed language, shared). */
export function pageI18nFor(lang: Lang): I18n {
  return (pageI18n[lang] ??= createI18n(lang, browserResources(lang)));
}

const serverI18n = i18next.createInstance();
void serverI18n.init({
  resources: all,
  fallbackLng: false,
  defaultNS: "common",
  ns: Object.keys(all.en),
  interpolation: { escapeValue: false },
  initAsync: false,
} as Parameters<typeof serverI18n.init>[0]);

/** A translator for server-side text such as emails and letters. */
export function serverT(lang: Lang, ns: string): TFunction {
  return serverI18n.getFixedT(lang, ns);
}
