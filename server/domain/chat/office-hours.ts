// When the chat is staffed: set hours in Europe/London on working days (weekends and
// England-and-Wales bank holidays closed, from the cases working-days module).
import { isWorkingDay, londonDate, londonOffsetMs } from "../cases/working-days.js";

export type OfficeHours = {
  /** "HH:MM" London wall-clock time. */
  opens: string;
  closes: string;
  /** Extra closed dates (YYYY-MM-DD), e.g. a training day. */
  closedDates?: readonly string[];
};

export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: "09:00", closes: "17:00" };

const minutesOf = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Expected HH:MM, got ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

export function parseOfficeHours(value: string, closedDates: readonly string[] = []): OfficeHours {
  const [opens, closes] = value.split("-").map((s) => s.trim());
  if (!opens || !closes || minutesOf(opens) >= minutesOf(closes)) throw new RangeError(`Expected HH:MM-HH:MM, got ${JSON.stringify(value)}`);
  return { opens, closes, closedDates };
}

export function isOpen(hours: OfficeHours, now: Date): boolean {
  const date = londonDate(now);
  if (!isWorkingDay(date) || hours.closedDates?.includes(date)) return false;
  const wallMinutes = Math.floor(((now.getTime() + londonOffsetMs(now)) % 86_400_000) / 60_000);
  return wallMinutes >= minutesOf(hours.opens) && wallMinutes < minutesOf(hours.closes);
}
