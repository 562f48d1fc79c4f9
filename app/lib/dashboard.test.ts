import { describe, expect, it } from "vitest";
import { fillSeries, lastDays, percent, weekStart } from "./dashboard";

describe("dashboard helpers", () => {
  it.each([
    ["2026-12-02", 3, ["2026-11-30", "2026-12-01", "2026-12-02"]],
    ["2026-03-01", 2, ["2026-02-28", "2026-03-01"]],
    ["2028-03-01", 2, ["2028-02-29", "2028-03-01"]],
  ] as const)("lastDays(%s, %i)", (today, n, expected) => {
    expect(lastDays(today, n)).toEqual(expected);
  });

  it.each([
    ["2026-12-02", "2026-11-30"], // Wednesday → Monday
    ["2026-11-30", "2026-11-30"], // Monday
    ["2026-12-06", "2026-11-30"], // Sunday
    ["2027-01-01", "2026-12-28"], // across the year
  ])("weekStart(%s) = %s", (date, expected) => {
    expect(weekStart(date)).toBe(expected);
  });

  it("fills gaps with zeros and ignores unknown keys and series", () => {
    const rows = [
      { key: "d1", series: "web_form", count: 2 },
      { key: "d1", series: "chat", count: 1 },
      { key: "d3", series: "web_form", count: 4 },
      { key: "d9", series: "web_form", count: 7 },
      { key: "d1", series: "pigeon", count: 5 },
    ];
    expect(fillSeries(["d1", "d2", "d3"], ["web_form", "chat"], rows)).toEqual([
      { key: "d1", counts: { web_form: 2, chat: 1 }, total: 3 },
      { key: "d2", counts: { web_form: 0, chat: 0 }, total: 0 },
      { key: "d3", counts: { web_form: 4, chat: 0 }, total: 4 },
    ]);
  });

  it.each([
    [9, 10, 90],
    [2, 3, 66.7],
    [0, 5, 0],
    [0, 0, null],
  ])("percent(%i, %i) = %s", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});
