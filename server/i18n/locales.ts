// Every locale file, bundled into the server build. Server-side text (emails, letters, the chat
// server's messages) is translated here; pages render from every namespace but the server-only ones.
import type { Lang, Resources } from "../../shared/lang";
import i18next, { type TFunction } from "i18next";

const files = import.meta.glob<Record<string, unknown>>("../../locales/*/*.json", { eager: true, import: "default" });

const all: Record<Lang, Resources> = { en: {}, cy: {} };
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/(en|cy)\/([\w-]+)\.json$/.exec(file);
  if (match) all[match[1] as Lang][match[2]] = content;
}

/** Namespaces used only on the server ("email…", "letters…", "widget") are never rendered into pages. */
const isServerOnlyNamespace = (ns: string) => ns.startsWith("email") || ns.startsWith("letters") || ns === "widget";

/**
 * What pages render with: every namespace but the server-only ones. The server renders from one
 * shared instance built from these (app/lib/locales.server.ts); in the browser only staff pages
 * hydrate, and they load these as a script (./browser-translations.ts).
 */
export function browserResources(lang: Lang): Resources {
  return Object.fromEntries(Object.entries(all[lang]).filter(([ns]) => ns !== "common" && !isServerOnlyNamespace(ns)));
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
