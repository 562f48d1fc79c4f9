import Holidays from "date-holidays";

/**
 * England-and-Wales working days. Every date here is a calendar date in
 * Europe/London written "YYYY-MM-DD"; instants are only converted at the
 * edges (londonDate, endOfLondonDay), so clock changes cannot shift a day.
 */
export type IsoDate = string;

export const LONDON_TIME_ZONE = "Europe/London";

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function assertIsoDate(iso: IsoDate): void {
  const m = ISO_DATE_RE.exec(iso);
  if (!m || toUtcMidnight(iso).toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`Expected a calendar date YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  }
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError("Expected a valid Date");
  }
}

// Calendar arithmetic is done on UTC midnights, which have no DST.
function toUtcMidnight(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function fromUtcMidnight(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !ISO_DATE_RE.test(value)) return false;
  const d = toUtcMidnight(value);
  return !Number.isNaN(d.getTime()) && fromUtcMidnight(d) === value;
}

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function londonWallClock(instant: Date): { date: IsoDate; utcMsOfWallTime: number } {
  const p: Record<string, string> = {};
  for (const { type, value } of londonParts.formatToParts(instant)) p[type] = value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
    instant.getUTCMilliseconds(),
  );
  return { date, utcMsOfWallTime: wall };
}

/** The London calendar date of an instant. */
export function londonDate(instant: Date): IsoDate {
  assertInstant(instant);
  return londonWallClock(instant).date;
}

/** London's offset from UTC at an instant, in ms (0 in GMT, 3 600 000 in BST). */
export function londonOffsetMs(instant: Date): number {
  assertInstant(instant);
  return londonWallClock(instant).utcMsOfWallTime - instant.getTime();
}

/**
 * 23:59:59.999 London time on that date. Clocks change at 01:00 UTC, never
 * near midnight, so the offset found for the guess is the right one; the
 * second pass only matters on the change days themselves.
 */
export function endOfLondonDay(iso: IsoDate): Date {
  assertIsoDate(iso);
  const wall = toUtcMidnight(iso).getTime() + DAY_MS - 1;
  let t = wall - londonOffsetMs(new Date(wall));
  t = wall - londonOffsetMs(new Date(t));
  return new Date(t);
}

/** 00:00 London time on that date. */
export function startOfLondonDay(iso: IsoDate): Date {
  assertIsoDate(iso);
  const wall = toUtcMidnight(iso).getTime();
  let t = wall - londonOffsetMs(new Date(wall));
  t = wall - londonOffsetMs(new Date(t));
  return new Date(t);
}

export function addCalendarDays(iso: IsoDate, n: number): IsoDate {
  assertIsoDate(iso);
  return fromUtcMidnight(new Date(toUtcMidnight(iso).getTime() + n * DAY_MS));
}

/**
 * Adds calendar months, clamping to the last day of a shorter month
 * (31 Aug + 6 months = 28/29 Feb), the usual reading of "within N months".
 */
export function addCalendarMonths(iso: IsoDate, n: number): IsoDate {
  assertIsoDate(iso);
  const d = toUtcMidnight(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtcMidnight(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: IsoDate): number {
  assertIsoDate(iso);
  return toUtcMidnight(iso).getUTCDay();
}

function isWeekend(iso: IsoDate): boolean {
  const d = dayOfWeek(iso);
  return d === 0 || d === 6;
}

const holidaysEngland = new Holidays("GB", "ENG");
const holidayCache = new Map<number, readonly IsoDate[]>();
const holidaySetCache = new Map<number, ReadonlySet<IsoDate>>();

/**
 * England-and-Wales bank holidays that fall on weekdays, as gov.uk lists them.
 * date-holidays also returns the weekend date a substitute replaces (e.g.
 * Sat 26 Dec 2026 beside Mon 28 Dec); that weekend date is not a day off in
 * law and is a weekend anyway, so it is dropped. Only "public" and "bank"
 * types count: observances (Mother's Day, Easter Sunday) are not days off.
 */
export function bankHolidays(year: number): readonly IsoDate[] {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`Expected a year, got ${year}`);
  }
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const dates = new Set<IsoDate>();
  for (const h of holidaysEngland.getHolidays(year)) {
    if (h.type !== "public" && h.type !== "bank") continue;
    const iso = h.date.slice(0, 10);
    if (!isWeekend(iso)) dates.add(iso);
  }
  const list = Object.freeze([...dates].sort());
  holidayCache.set(year, list);
  holidaySetCache.set(year, new Set(list));
  return list;
}

export function isBankHoliday(iso: IsoDate): boolean {
  assertIsoDate(iso);
  const year = Number(iso.slice(0, 4));
  bankHolidays(year);
  return holidaySetCache.get(year)!.has(iso);
}

export function isWorkingDay(iso: IsoDate): boolean {
  return !isWeekend(iso) && !isBankHoliday(iso);
}

/**
 * The date n working days after iso (before it when n < 0). The start day
 * itself never counts, whether or not it is a working day, so a case created
 * on a Saturday or a bank holiday gets the same due date as one created on
 * the working day before it. n = 0 returns iso unchanged.
 */
export function addWorkingDays(iso: IsoDate, n: number): IsoDate {
  assertIsoDate(iso);
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number of working days, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let d = iso;
  while (remaining > 0) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(d)) remaining--;
  }
  return d;
}

/**
 * Due instant n working days after an instant: the end (23:59:59.999 London)
 * of that working day. There is no office-hours cut-off: a case created on a
 * Friday evening counts from Friday, like one created Friday morning.
 */
export function addWorkingDaysFrom(instant: Date, n: number): Date {
  return endOfLondonDay(addWorkingDays(londonDate(instant), n));
}

/**
 * Working days passed over going from a to b, counting the day you arrive on
 * but not the day you leave: working days in (a, b] when a < b, and minus the
 * working days in [b, a) when b < a. So addWorkingDays(a, workingDaysBetween(a, b))
 * === b whenever b is a working day, in either direction. 0 when equal.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  const forward = a <= b;
  const [from, to] = forward ? [a, b] : [b, a];
  let count = 0;
  // forward: (a, b]; backward: [b, a)
  for (let d = forward ? addCalendarDays(from, 1) : from; forward ? d <= to : d < to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d)) count++;
  }
  return forward ? count : -count;
}
