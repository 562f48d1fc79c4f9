// Is a timetable (cron) slot due now? pg-boss answers this for every schedule every time it checks
// (every 15 s, on one instance) with cron-parser's `prev()` in the schedule's time zone, which
// walks back hour by hour and minute by minute through luxon to the last slot: for a weekday-only
// timetable on a Sunday evening, two days of steps. All ten of Doorstep's timetables took 50-150 ms
// of one synchronous turn of the event loop, a stall every 15 s that every chat message and page
// on that instance waited behind (issue 11's one-instance message p99). Here the question is asked
// the short way: the one minute that started within the last 60 s, read as London wall-clock
// fields, matched against the cron's fields (parsed once per expression). Same answers
// (server/jobs/cron-due.test.ts compares it with pg-boss's own rule across DST changes).

type Fields = { minute: Set<number>; hour: Set<number>; dayOfMonth: Set<number>; month: Set<number>; dayOfWeek: Set<number>; domAny: boolean; dowAny: boolean };

const parsed = new Map<string, Fields | null>();
const clocks = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** One field: `*`, `n`, `a-b`, each optionally `/step`, in a comma list; null for anything else (names, L, W, #, ?). */
function field(text: string, min: number, max: number): Set<number> | null {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(item);
    if (!m) return null;
    const [from, to] = m[1] === "*" ? [min, max] : m[1]!.includes("-") ? m[1]!.split("-").map(Number) as [number, number] : [Number(m[1]), m[2] ? max : Number(m[1])];
    const step = m[2] ? Number(m[2]) : 1;
    if (from < min || to > max || from > to || step < 1) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** The cron's fields, or null for what this short way does not cover (6 fields, names, L, W, #, ?): those are asked pg-boss's way. */
function fieldsOf(cron: string): Fields | null {
  if (parsed.has(cron)) return parsed.get(cron)!;
  const parts = cron.trim().split(/\s+/);
  let fields: Fields | null = null;
  if (parts.length === 5) {
    const [minute, hour, dayOfMonth, month, dayOfWeek] = [field(parts[0]!, 0, 59), field(parts[1]!, 0, 23), field(parts[2]!, 1, 31), field(parts[3]!, 1, 12), field(parts[4]!, 0, 7)];
    if (minute && hour && dayOfMonth && month && dayOfWeek) {
      // 7 is Sunday too.
      fields = { minute, hour, dayOfMonth, month, dayOfWeek: new Set([...dayOfWeek].map((d) => d % 7)), domAny: parts[2] === "*", dowAny: parts[4] === "*" };
    }
  }
  parsed.set(cron, fields);
  return fields;
}

function wallClock(at: number, timeZone: string) {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
    clocks.set(timeZone, clock);
  }
  const parts: Record<string, string> = {};
  for (const p of clock.formatToParts(at)) parts[p.type] = p.value;
  return { minute: Number(parts.minute), hour: Number(parts.hour), day: Number(parts.day), month: Number(parts.month), weekday: WEEKDAYS[parts.weekday!]! };
}

/**
 * True when a slot of `cron` (in `timeZone`) fell within the 60 s before `now`, as pg-boss's own
 * check means it (`now - prev() < 60 s`); null when the expression is not one this covers. Day of
 * month and day of week follow cron's rule: when both are restricted, either one matching is enough.
 */
export function cronDueWithinMinute(cron: string, timeZone: string, now: number): boolean | null {
  const f = fieldsOf(cron);
  if (!f) return null;
  // The start of the minute that began within the last 60 s (every zone we use is whole minutes from UTC).
  const slot = Math.floor(now / 60_000) * 60_000;
  const c = wallClock(slot, timeZone);
  if (!f.minute.has(c.minute) || !f.hour.has(c.hour) || !f.month.has(c.month)) return false;
  const dom = f.dayOfMonth.has(c.day);
  const dow = f.dayOfWeek.has(c.weekday);
  if (f.domAny && f.dowAny) return true;
  if (f.domAny) return dow;
  if (f.dowAny) return dom;
  return dom || dow;
}
