// Server-side translations live in server/i18n/; pages import them through here.
import type { i18n as I18n } from "i18next";
import { browserResources } from "../../server/i18n/locales";
import type { Lang } from "../../shared/lang";
import { createI18n } from "./i18n";

export { browserResources, serverT } from "../../server/i18n/locales";
export { browserTranslationsPath } from "../../server/i18n/browser-translations";

// One i18next instance per language for rendering pages on the server, made once: building one
// per request (and serialising the bundle into every response's loader data) was a large share
// of what a page cost (docs/decisions/0015-page-cost.md).
const pageI18n: Partial<Record<Lang, I18n>> = {};

/** The server-side page translator for a language (every page namespace, fixed language, shared). */
export function pageI18nFor(lang: Lang): I18n {
  return (pageI18n[lang] ??= createI18n(lang, browserResources(lang)));
}
