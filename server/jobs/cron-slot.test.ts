import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { TIMETABLE } from "./background";
import { isCronSlot, parseCron, wallClockMinute } from "./cron-slot";

const require = createRequire(import.meta.url);
const cronParser = require("cron-parser") as { parseExpression(cron: string, options: { tz: string; currentDate: Date }): { prev(): { getTime(): number } } };

/** pg-boss's own rule (timekeeper.shouldSendIt): the previous slot was less than a minute ago. */
const pgBossSays = (cron: string, tz: string, ms: number) => ms - cronParser.parseExpression(cron, { tz, currentDate: new Date(ms) }).prev().getTime() < 60_000;

describe("isCronSlot", () => {
  it.each([
    // cron, London wall-clock time (UTC instant), expected
    ["* * * * *", "2026-12-06T16:05:30Z", true],
    ["30 2 * * *", "2026-12-06T02:30:10Z", true], // GMT: London = UTC
    ["30 2 * * *", "2026-07-06T01:30:10Z", true], // BST: 02:30 London is 01:30 UTC
    ["30 2 * * *", "2026-07-06T02:30:10Z", false],
    ["*/15 * * * *", "2026-12-06T16:45:59Z", true],
    ["*/15 * * * *", "2026-12-06T16:46:00Z", false],
    ["7,37 * * * *", "2026-12-06T16:37:01Z", true],
    ["*/15 8-20 * * *", "2026-12-06T07:45:00Z", false],
    ["*/15 8-20 * * *", "2026-12-06T20:45:00Z", true],
    ["5 7-18 * * 1-5", "2026-12-07T07:05:00Z", true], // a Monday
    ["5 7-18 * * 1-5", "2026-12-06T07:05:00Z", false], // a Sunday
    ["0 9 1 * 0", "2026-12-06T09:00:00Z", true], // restricted day of month OR day of week: Sunday matches
    ["0 9 1 * 7", "2026-12-06T09:00:00Z", true], // 7 is Sunday too
  ] as const)("%s at %s is %s", (cron, at, expected) => {
    expect(isCronSlot(cron, "Europe/London", Date.parse(at))).toBe(expected);
  });

  it("leaves syntax it does not know to cron-parser", () => {
    for (const cron of ["0 9 * * MON", "0 0 L * *", "@daily", "0 0 * * 1#2", "* * * * * *", "61 * * * *"]) expect(parseCron(cron)).toBeNull();
  });

  it("reads the wall clock in the zone", () => {
    expect(wallClockMinute(Date.parse("2026-03-29T01:30:00Z"), "Europe/London")).toEqual([30, 2, 29, 3, 0]); // the first minutes of BST
    expect(wallClockMinute(Date.parse("2026-10-25T01:30:00Z"), "Europe/London")).toEqual([30, 1, 25, 10, 0]); // the repeated hour, second time
  });

  it("agrees with pg-boss's own check for every timetable, around both clock changes and on ordinary days", () => {
    const instants = [
      // Few instants, each chosen to hit slots: cron-parser is the slow thing this file replaces.
      "2026-03-29T01:30:30Z", "2026-10-25T01:30:30Z", "2026-12-07T02:30:15Z", "2026-12-07T02:45:45Z",
      "2026-12-07T07:05:59Z", "2026-07-14T01:45:30Z", "2026-07-14T06:05:30Z", "2026-07-18T06:05:30Z",
    ].map(Date.parse);
    for (const cron of new Set(Object.values(TIMETABLE))) {
      for (const ms of instants) expect({ cron, at: new Date(ms).toISOString(), slot: isCronSlot(cron, "Europe/London", ms) }).toEqual({ cron, at: new Date(ms).toISOString(), slot: pgBossSays(cron, "Europe/London", ms) });
    }
  });
});
