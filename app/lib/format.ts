import type { Lang } from "./lang";

const LOCALES: Record<Lang, string> = { en: "en-GB", cy: "cy" };

/** "25 November 2026" / "25 Tachwedd 2026", on the London calendar. */
export function formatDate(value: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date(value));
}

/** "25 Nov 2026, 14:05" on the London clock. */
export function formatDateTime(value: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(new Date(value));
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}
