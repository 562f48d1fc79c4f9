// Words for adjustment needs and due times, shared by the public pages, the staff pages and
// the emails. No zod here: staff pages run this in the browser too.
import type { TFunction } from "i18next";
import type { Need } from "../../server/domain/adjustments/codes";
import type { Lang } from "./lang";

const LOCALES: Record<Lang, string> = { en: "en-GB", cy: "cy" };

/** "Large print, 18 point", "Calls only at certain times: after 2pm", or just the need's name. */
export function describeNeed(need: Need, t: TFunction): string {
  const k = (key: string) => `adjustments:${key}`;
  switch (need.code) {
    case "large_print":
      return need.size ? t(k("describe.large_print"), { size: need.size }) : t(k("need.large_print"));
    case "coloured_paper":
      return need.colour ? t(k("describe.coloured_paper"), { colour: t(k(`colour.${need.colour}`)) }) : t(k("need.coloured_paper"));
    case "font": {
      if (!need.font) return t(k("need.font"));
      const name = need.font === "other" ? (need.fontName ?? t(k("fontName.other"))) : t(k(`fontName.${need.font}`));
      return t(k("describe.font"), { font: name });
    }
    case "braille":
      return need.grade ? t(k("describe.braille"), { grade: t(k(`grade.${need.grade}`)) }) : t(k("need.braille"));
    case "bsl":
      return need.bsl ? t(k("describe.bsl"), { bsl: t(k(`bsl.${need.bsl}`)) }) : t(k("need.bsl"));
    case "call_times":
      return need.times ? t(k("describe.call_times"), { times: need.times }) : t(k("need.call_times"));
    case "more_time":
      return need.extra ? t(k("describe.more_time"), { extra: need.extra }) : t(k("need.more_time"));
    case "meeting":
      return need.meeting ? t(k("describe.meeting"), { meeting: t(k(`meeting.${need.meeting}`)) }) : t(k("need.meeting"));
    default:
      return t(k(`need.${need.code}`));
  }
}

/** Whether an instant is the last millisecond of its London day (an "end of the working day" clock). */
export function isEndOfLondonDay(value: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(value);
  return parts === "23:59:59" && value.getUTCMilliseconds() === 999;
}

/** "10:00 on Wednesday 25 November 2026", or "the end of Monday 30 November 2026" for an end-of-day clock. */
export function formatDue(value: Date | string, lang: Lang, t: TFunction): string {
  const date = new Date(value);
  // Mid-sentence, Welsh day names take a small letter ("erbyn diwedd dydd Llun").
  const day = new Intl.DateTimeFormat(LOCALES[lang], { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" })
    .format(date)
    .replace(/^Dydd /, "dydd ")
    .replace(",", "");
  if (isEndOfLondonDay(date)) return t("adjustments:due.endOfDay", { day });
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" }).format(date);
  return t("adjustments:due.at", { day, time });
}
