import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { TIMETABLE } from "./background";
import { cronDueWithinMinute } from "./cron-due";
import { JOBS_TIME_ZONE, useQuickCronCheck } from "./queue";

type Check = (this: { clockSkew: number }, cron: string, tz: string) => boolean;
const timekeeper = createRequire(import.meta.url)("pg-boss/src/timekeeper.js") as { prototype: { shouldSendIt: Check } };
// pg-boss's own rule, taken before the quick one replaces it.
const pgBossCheck = timekeeper.prototype.shouldSendIt;
/** A timekeeper's answer with the clock at `at` (pg-boss reads the time itself: cron-parser's `prev()` from now). */
const answerAt = (check: Check, cron: string, at: number) => {
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    return check.call({ clockSkew: 0 }, cron, JOBS_TIME_ZONE);
  } finally {
    vi.useRealTimers();
  }
};
const pgBossAt = (cron: string, at: number) => answerAt(pgBossCheck, cron, at);
const utc = (s: string) => Date.parse(s);

describe("cronDueWithinMinute", () => {
  it.each([
    // cron, instant (UTC), due: London time is UTC in winter, UTC+1 in summer
    ["5 7-18 * * 1-5", "2026-12-06T16:40:10Z", false], // a Sunday
    ["5 7-18 * * 1-5", "2026-12-07T07:05:30Z", true], // Monday 07:05 GMT
    ["5 7-18 * * 1-5", "2026-06-08T06:05:30Z", true], // Monday 07:05 BST
    ["5 7-18 * * 1-5", "2026-06-08T05:05:30Z", false], // 06:05 BST is before the first slot
    ["30 2 * * *", "2026-12-06T02:30:59Z", true],
    ["30 2 * * *", "2026-12-06T02:31:00Z", false],
    ["30 2 * * *", "2026-12-06T02:29:59Z", false],
    ["*/15 8-20 * * *", "2026-12-06T20:45:01Z", true],
    ["*/15 8-20 * * *", "2026-12-06T21:00:01Z", false],
    ["7,37 * * * *", "2026-03-29T00:37:20Z", true], // the night the clocks go forward
    ["0 0 1 * 1", "2026-12-07T00:00:10Z", true], // day of month and of week both set: a Monday is enough
    ["0 0 1 * 1", "2026-12-01T00:00:10Z", true], // ... and so is the 1st (a Tuesday)
    ["0 0 1 * 1", "2026-12-02T00:00:10Z", false],
    ["0 0 * * 7", "2026-12-06T00:00:10Z", true], // 7 is Sunday
  ])("%s at %s: %s", (cron, at, due) => {
    expect(cronDueWithinMinute(cron, JOBS_TIME_ZONE, utc(at))).toBe(due);
  });

  it("leaves what it does not cover to pg-boss", () => {
    for (const cron of ["0 0 L * *", "0 0 * * MON", "0 0 0 * * *", "0 0 ? * 1"]) expect(cronDueWithinMinute(cron, JOBS_TIME_ZONE, Date.now())).toBeNull();
  });

  it("answers as pg-boss's own check for every timetable, across both clock changes", () => {
    const instants: number[] = [];
    // Around slots (a second after, half a minute after, just before the minute ends, a second
    // before) at times that matter for the timetables, in winter, summer and on the change days.
    // (pg-boss's own check is the slow one: a few instants only.)
    for (const base of ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-12-07T07:05:00Z", "2026-07-06T01:45:00Z", "2026-12-04T18:05:00Z"]) {
      for (const offset of [1_000, 59_000, -1_000]) instants.push(utc(base) + offset);
    }
    let compared = 0;
    const timetables = [...new Set(Object.values(TIMETABLE))];
    for (const cron of timetables) {
      for (const at of instants) {
        expect(cronDueWithinMinute(cron, JOBS_TIME_ZONE, at), `${cron} at ${new Date(at).toISOString()}`).toBe(pgBossAt(cron, at));
        compared++;
      }
    }
    expect(compared).toBe(timetables.length * instants.length);
  });

  it("is what pg-boss uses once the job queue is made", () => {
    expect(useQuickCronCheck()).toBe(true);
    expect(timekeeper.prototype.shouldSendIt).not.toBe(pgBossCheck);
    // Through pg-boss's own method now: Sunday evening, the weekday timetable is not due; its slot is.
    expect(answerAt(timekeeper.prototype.shouldSendIt, TIMETABLE["staff-reminders"], utc("2026-12-06T16:40:10Z"))).toBe(false);
    expect(answerAt(timekeeper.prototype.shouldSendIt, TIMETABLE["staff-reminders"], utc("2026-12-07T07:05:30Z"))).toBe(true);
  });
});
