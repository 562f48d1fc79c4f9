// Translations for rendering. On the server every page uses one shared instance per language
// (entry.server provides it through ServerI18nContext); in the browser, where only staff pages
// hydrate, an instance is built from the translations script the page loaded.
import i18next, { type i18n as I18n } from "i18next";
import { createContext } from "react";
import { initReactI18next } from "react-i18next";
import cyCommon from "../../locales/cy/common.json";
import enCommon from "../../locales/en/common.json";
import type { Lang, Resources } from "../../shared/lang";

export type { Resources };

// The layout and error pages must render even when no loader data arrived.
export const COMMON: Record<Lang, Resources> = { en: { common: enCommon }, cy: { common: cyCommon } };

declare global {
  interface Window {
    /** Filled by the translations script hydrating pages load (server/i18n/browser-translations.ts). */
    __doorstepTranslations?: Partial<Record<Lang, Resources>>;
  }
}

/** In the browser: the texts the page's translations script brought, for the page's language. */
export function loadedTranslations(lang: Lang): Resources {
  return (typeof window === "undefined" ? undefined : window.__doorstepTranslations?.[lang]) ?? {};
}

export function createI18n(lang: Lang, resources: Resources): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { ...COMMON[lang], ...resources } },
    defaultNS: "common",
    ns: ["common", ...Object.keys(resources)],
    interpolation: { escapeValue: false },
    initAsync: false,
  } as Parameters<I18n["init"]>[0]);
  return instance;
}

/** Set by entry.server: the shared server-side instance for a language. Absent in the browser. */
export const ServerI18nContext = createContext<((lang: Lang) => I18n) | undefined>(undefined);
