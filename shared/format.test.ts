import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

describe("format", () => {
  it.each([
    ["2026-11-25T12:00:00Z", "en", "25 November 2026"],
    ["2026-11-25T12:00:00Z", "cy", "25 Tachwedd 2026"],
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    ["2026-05-31T23:30:00Z", "en", "1 June 2026"],
    ["2026-12-31T23:30:00Z", "cy", "31 Rhagfyr 2026"],
  ] as const)("formatDate(%s, %s) is %s", (value, lang, expected) => expect(formatDate(value, lang)).toBe(expected));

  it.each([
    ["2026-11-25T14:05:00Z", "en", "25 Nov 2026, 14:05"],
    ["2026-07-01T08:00:00Z", "cy", "1 Gorff 2026, 09:00"],
    ["2026-03-29T00:30:00Z", "en", "29 Mar 2026, 00:30"],
  ] as const)("formatDateTime(%s, %s) is %s", (value, lang, expected) => expect(formatDateTime(value, lang)).toBe(expected));

  it.each([
    [2000, "2,000"],
    [999, "999"],
    [1234567, "1,234,567"],
  ])("formatNumber(%d) is %s", (value, expected) => expect(formatNumber(value, "cy")).toBe(expected));
});
