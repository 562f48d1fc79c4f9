// One i18next instance per render, built from the resources the root loader sent.
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import cyCommon from "../../locales/cy/common.json";
import enCommon from "../../locales/en/common.json";
import type { Lang, Resources } from "../../shared/lang";

export type { Resources };

// The layout and error pages must render even when no loader data arrived.
export const COMMON: Record<Lang, Resources> = { en: { common: enCommon }, cy: { common: cyCommon } };

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
