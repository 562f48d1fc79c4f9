import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  addWorkingDaysFrom,
  bankHolidays,
  endOfLondonDay,
  isBankHoliday,
  isIsoDate,
  isWorkingDay,
  londonDate,
  londonOffsetMs,
  startOfLondonDay,
  workingDaysBetween,
} from "./working-days.js";

interface FixtureEvent {
  title: string;
  date: string;
  notes: string;
}
const fixture = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/bank-holidays-england-and-wales.json", import.meta.url), "utf8"),
) as { years: number[]; events: FixtureEvent[] };

describe("bankHolidays agrees with the published gov.uk list", () => {
  it("covers 2024–2027", () => {
    expect(fixture.years).toEqual([2024, 2025, 2026, 2027]);
  });

  it.each(fixture.years.map((y) => [y]))("%i", (year) => {
    const expected = fixture.events.filter((e) => e.date.startsWith(`${year}-`)).map((e) => e.date).sort();
    expect(expected).toHaveLength(8);
    expect(bankHolidays(year)).toEqual(expected);
  });

  it.each([
    ["2026-12-28", true], // Boxing Day substitute
    ["2026-12-26", false], // Saturday: the day it replaces
    ["2027-12-27", true], // Christmas Day substitute
    ["2027-12-28", true], // Boxing Day substitute
    ["2027-12-25", false],
    ["2025-04-20", false], // Easter Sunday is an observance, not a bank holiday
    ["2025-03-30", false], // Mother's Day
    ["2025-04-21", true],
  ])("isBankHoliday(%s) → %s", (iso, expected) => {
    expect(isBankHoliday(iso)).toBe(expected);
  });

  it("rejects silly years", () => {
    expect(() => bankHolidays(2025.5)).toThrow(RangeError);
  });
});

describe("londonDate", () => {
  it.each([
    ["2025-01-10T23:30:00Z", "2025-01-10"], // GMT: same as UTC
    ["2025-06-13T23:30:00Z", "2025-06-14"], // BST: already Saturday in London
    ["2025-06-13T22:59:59.999Z", "2025-06-13"],
    ["2025-03-30T00:59:59.999Z", "2025-03-30"], // just before spring forward
    ["2025-03-30T01:00:00Z", "2025-03-30"],
    ["2025-10-25T22:59:59.999Z", "2025-10-25"],
    ["2025-10-25T23:00:00Z", "2025-10-26"], // midnight BST on fall-back day
    ["2025-10-26T01:30:00Z", "2025-10-26"],
  ])("%s → %s", (instant, expected) => {
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it("rejects an invalid Date", () => {
    expect(() => londonDate(new Date("nonsense"))).toThrow(RangeError);
  });

  it.each([
    ["2025-01-15T12:00:00Z", 0],
    ["2025-07-15T12:00:00Z", 3_600_000],
  ])("offset at %s is %i ms", (instant, offset) => {
    expect(londonOffsetMs(new Date(instant))).toBe(offset);
  });
});

describe("start and end of a London day", () => {
  it.each([
    ["2025-01-15", "2025-01-15T00:00:00.000Z", "2025-01-15T23:59:59.999Z"],
    ["2025-07-15", "2025-07-14T23:00:00.000Z", "2025-07-15T22:59:59.999Z"],
    ["2025-03-30", "2025-03-30T00:00:00.000Z", "2025-03-30T22:59:59.999Z"], // 23-hour day
    ["2025-03-31", "2025-03-30T23:00:00.000Z", "2025-03-31T22:59:59.999Z"],
    ["2025-10-26", "2025-10-25T23:00:00.000Z", "2025-10-26T23:59:59.999Z"], // 25-hour day
    ["2025-10-27", "2025-10-27T00:00:00.000Z", "2025-10-27T23:59:59.999Z"],
  ])("%s", (iso, start, end) => {
    expect(startOfLondonDay(iso).toISOString()).toBe(start);
    expect(endOfLondonDay(iso).toISOString()).toBe(end);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2025-03-29", 2, "2025-03-31"], // across the clock change
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-01-01", -1, "2024-12-31"],
  ])("addCalendarDays(%s, %i) → %s", (iso, n, expected) => {
    expect(addCalendarDays(iso, n)).toBe(expected);
  });

  it.each([
    ["2025-08-31", 6, "2026-02-28"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2025-01-15", 6, "2025-07-15"],
    ["2024-02-29", 24, "2026-02-28"],
    ["2025-11-30", 3, "2026-02-28"],
    ["2025-12-31", 2, "2026-02-28"],
  ])("addCalendarMonths(%s, %i) → %s", (iso, n, expected) => {
    expect(addCalendarMonths(iso, n)).toBe(expected);
  });

  it.each([
    ["2025-01-01", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-01", false],
    ["2025-1-1", false],
    ["20250101", false],
  ])("isIsoDate(%s) → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it("functions reject malformed dates", () => {
    expect(() => addWorkingDays("2025-02-30", 1)).toThrow(RangeError);
    expect(() => isWorkingDay("31/12/2025")).toThrow(RangeError);
    expect(() => addWorkingDays("2025-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2025-01-10", true], // Friday
    ["2025-01-11", false], // Saturday
    ["2025-01-12", false], // Sunday
    ["2025-01-13", true], // Monday
    ["2025-04-18", false], // Good Friday
    ["2025-04-21", false], // Easter Monday
    ["2025-12-25", false],
    ["2025-12-26", false],
    ["2026-01-01", false],
    ["2026-01-02", true],
    ["2026-12-28", false], // substitute
    ["2026-12-29", true],
  ])("%s → %s", (iso, expected) => {
    expect(isWorkingDay(iso)).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  it.each([
    // weekends
    ["2025-01-10", 1, "2025-01-13", "Friday + 1 → Monday"],
    ["2025-01-11", 1, "2025-01-13", "Saturday + 1 → Monday"],
    ["2025-01-12", 3, "2025-01-15", "Sunday + 3 → Wednesday"],
    ["2025-01-13", 5, "2025-01-20", "Monday + 5 → next Monday"],
    ["2025-01-13", 0, "2025-01-13", "zero days → same day"],
    ["2025-01-11", 0, "2025-01-11", "zero days from a Saturday → same day"],
    // Easter
    ["2025-04-17", 1, "2025-04-22", "Maundy Thursday + 1 → Tuesday after Easter Monday"],
    ["2025-04-17", 3, "2025-04-24", "Maundy Thursday + 3"],
    ["2025-04-18", 1, "2025-04-22", "starting on Good Friday"],
    ["2025-04-21", 3, "2025-04-24", "starting on Easter Monday"],
    ["2024-03-28", 2, "2024-04-03", "Easter 2024"],
    ["2027-03-25", 1, "2027-03-30", "Easter 2027 (same weekend as the clock change)"],
    // Christmas and New Year
    ["2025-12-24", 1, "2025-12-29", "Christmas Eve 2025"],
    ["2025-12-24", 5, "2026-01-05", "Christmas Eve 2025 + 5 over New Year"],
    ["2025-12-31", 1, "2026-01-02", "over New Year's Day"],
    ["2026-12-24", 1, "2026-12-29", "2026: Boxing Day substitute on Monday 28th"],
    ["2027-12-24", 1, "2027-12-29", "2027: two substitute days"],
    ["2025-12-25", 3, "2025-12-31", "starting on Christmas Day"],
    // backwards
    ["2025-04-22", -1, "2025-04-17", "back over Easter"],
    ["2025-01-13", -1, "2025-01-10", "back over a weekend"],
  ])("%s + %i → %s (%s)", (iso, n, expected) => {
    expect(addWorkingDays(iso, n)).toBe(expected);
  });
});

describe("addWorkingDaysFrom (due instant = end of the London working day)", () => {
  it.each([
    ["2025-01-10T19:30:00Z", 3, "2025-01-15T23:59:59.999Z", "Friday evening (GMT)"],
    ["2025-06-13T18:45:00Z", 3, "2025-06-18T22:59:59.999Z", "Friday evening (BST)"],
    ["2025-06-13T23:30:00Z", 1, "2025-06-16T22:59:59.999Z", "Friday in UTC but Saturday in London"],
    ["2025-03-28T12:00:00Z", 1, "2025-03-31T22:59:59.999Z", "across spring forward"],
    ["2025-10-24T12:00:00Z", 1, "2025-10-27T23:59:59.999Z", "across fall back"],
    ["2025-12-25T10:00:00Z", 3, "2025-12-31T23:59:59.999Z", "starting on a bank holiday"],
    ["2025-04-17T16:00:00Z", 3, "2025-04-24T22:59:59.999Z", "across Easter"],
    ["2026-12-23T09:00:00Z", 3, "2026-12-30T23:59:59.999Z", "across Christmas 2026"],
  ])("%s + %i → %s (%s)", (instant, n, expected) => {
    expect(addWorkingDaysFrom(new Date(instant), n).toISOString()).toBe(expected);
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["2025-01-13", "2025-01-13", 0],
    ["2025-01-10", "2025-01-13", 1],
    ["2025-01-13", "2025-01-17", 4],
    ["2025-01-11", "2025-01-12", 0], // Saturday to Sunday
    ["2025-04-17", "2025-04-22", 1], // Easter
    ["2025-12-24", "2026-01-02", 4],
    ["2025-04-22", "2025-04-17", -1],
  ])("(%s, %s] → %i", (a, b, expected) => {
    expect(workingDaysBetween(a, b)).toBe(expected);
  });

  it("inverts addWorkingDays", () => {
    for (let i = 0; i < 400; i += 7) {
      const start = addCalendarDays("2025-01-01", i);
      for (const n of [1, 2, 3, 5, 10, -3]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });
});
