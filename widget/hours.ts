// Office hours as people read them: CHAT_OFFICE_HOURS "09:00-17:30" becomes "9am" and "5:30pm"
// (GOV.UK style, used on Welsh government pages too). Shared by the widget and the /chat page;
// no dependencies, so it is safe in the browser bundle.

/** "09:00" → "9am", "12:00" → "12pm", "17:30" → "5:30pm". */
export function clockTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const hours = Number(m[1]);
  const minutes = m[2]!;
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${h12}${minutes === "00" ? "" : `:${minutes}`}${hours < 12 ? "am" : "pm"}`;
}

/**
 * The opening and closing times of a CHAT_OFFICE_HOURS value, or null when the setting has
 * no times to show ("always" or "closed"): callers then say so in words instead.
 */
export function officeTimes(value: string | undefined): { opens: string; closes: string } | null {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(value ?? "");
  return m ? { opens: clockTime(m[1]!), closes: clockTime(m[2]!) } : null;
}
