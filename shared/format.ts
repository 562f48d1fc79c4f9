import type { Lang } from "./lang";

// Month names are ours, not the runtime's: browsers without Welsh locale data (Debian's Chromium
// among them) would otherwise turn server-rendered Welsh dates into American English on hydration.
const MONTHS: Record<Lang, { long: string[]; short: string[] }> = {
  en: {
    long: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  cy: {
    long: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
    short: ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"],
  },
};

const londonParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Calendar fields of an instant on the London clock. */
function inLondon(value: Date | string) {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: Number(parts.month) - 1, day: Number(parts.day), hour: parts.hour!.padStart(2, "0"), minute: parts.minute! };
}

/** "25 November 2026" / "25 Tachwedd 2026", on the London calendar. */
export function formatDate(value: Date | string, lang: Lang): string {
  const d = inLondon(value);
  return `${d.day} ${MONTHS[lang].long[d.month]} ${d.year}`;
}

/** "25 Nov 2026, 14:05" / "25 Tach 2026, 14:05" on the London clock. */
export function formatDateTime(value: Date | string, lang: Lang): string {
  const d = inLondon(value);
  return `${d.day} ${MONTHS[lang].short[d.month]} ${d.year}, ${d.hour}:${d.minute}`;
}

/** "2,000" in both languages. */
export function formatNumber(value: number, _lang: Lang): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (value % 1 ? String(value % 1).slice(1) : "");
}
