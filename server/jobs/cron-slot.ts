// Is now a cron slot? pg-boss asks this of every timetable every 15 seconds (its timekeeper's
// shouldSendIt) through cron-parser: parse, then step back to the previous slot with time-zone
// shifts at every step. For our ten timetables in London time that was 30–200 ms of the main
// thread per check (cold: ~700 ms, the first seconds after start), a stall every visitor felt,
// and on PGlite it sat right where the home page was measured (issue 15). The answer needs only
// the current minute's wall-clock fields in the timetable's zone, matched against the five fields.
import { createRequire } from "node:module";

type Fields = [minute: Set<number>, hour: Set<number>, dayOfMonth: Set<number>, month: Set<number>, dayOfWeek: Set<number>];
type Parsed = { fields: Fields; domStar: boolean; dowStar: boolean };

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** One field's values ("*", "*\/n", "a", "a-b", "a-b/n", comma lists); null for anything else (names, L, W, #, ?). */
function parseField(text: string, [min, max]: [number, number]): Set<number> | null {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return null;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] === undefined ? (match[4] === undefined ? from : max) : Number(match[3]);
    if (step < 1 || from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

const parsedCache = new Map<string, Parsed | null>();

/** The five-field timetable, or null when it uses syntax this matcher does not know (the caller falls back to cron-parser). */
export function parseCron(cron: string): Parsed | null {
  if (parsedCache.has(cron)) return parsedCache.get(cron)!;
  const parts = cron.trim().split(/\s+/);
  let parsed: Parsed | null = null;
  if (parts.length === 5) {
    const fields = parts.map((p, i) => parseField(p, RANGES[i]!));
    if (fields.every((f) => f !== null)) {
      const dow = fields[4]!;
      if (dow.has(7)) dow.add(0); // 7 and 0 are both Sunday
      parsed = { fields: fields as Fields, domStar: parts[2] === "*", dowStar: parts[4] === "*" };
    }
  }
  parsedCache.set(cron, parsed);
  return parsed;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock minute at `ms` in the zone: minute, hour, day of month, month, day of week. */
export function wallClockMinute(ms: number, timeZone: string): [number, number, number, number, number] {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, minute: "numeric", hour: "numeric", day: "numeric", month: "numeric", weekday: "short", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  const p: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(ms)) p[type] = value;
  return [Number(p.minute), Number(p.hour), Number(p.day), Number(p.month), WEEKDAYS[p.weekday!]!];
}

/**
 * True when the minute containing `ms` (in `timeZone`) is a slot of `cron`; null when the
 * timetable's syntax is not one this matcher knows. Day of month and day of week follow cron's
 * rule: when both are restricted, either may match.
 */
export function isCronSlot(cron: string, timeZone: string, ms: number): boolean | null {
  const parsed = parseCron(cron);
  if (!parsed) return null;
  const [minute, hour, dom, month, dow] = wallClockMinute(ms, timeZone);
  const f = parsed.fields;
  if (!f[0].has(minute) || !f[1].has(hour) || !f[3].has(month)) return false;
  if (parsed.domStar || parsed.dowStar) return f[2].has(dom) && f[4].has(dow);
  return f[2].has(dom) || f[4].has(dow);
}

type TimekeeperPrototype = { shouldSendIt(cron: string, tz: string): boolean; clockSkew: number };
let patched = false;

/**
 * Makes pg-boss's timekeeper ask isCronSlot instead of cron-parser (same answer: "the previous
 * slot was less than a minute ago" is "this minute is a slot"), keeping cron-parser for any
 * timetable syntax isCronSlot does not know. Once per process.
 */
export function useCheapCronCheck() {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const Timekeeper = require("pg-boss/src/timekeeper.js") as { prototype: TimekeeperPrototype };
  const original = Timekeeper.prototype.shouldSendIt;
  Timekeeper.prototype.shouldSendIt = function (this: TimekeeperPrototype, cron: string, tz: string) {
    const slot = isCronSlot(cron, tz || "UTC", Date.now() + (this.clockSkew || 0));
    return slot ?? original.call(this, cron, tz);
  };
}
