import { useTranslation } from "react-i18next";
import type { Resources } from "./i18n";

/** Adds namespaces a route's loader sent (e.g. staff ones) before its children render, on the server and in the browser alike. */
export function useExtraTranslations(translations: Resources) {
  const { i18n } = useTranslation();
  for (const [ns, resources] of Object.entries(translations)) {
    if (!i18n.hasResourceBundle(i18n.language, ns)) i18n.addResourceBundle(i18n.language, ns, resources, true, true);
  }
}
