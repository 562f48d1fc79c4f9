import { describe, expect, it } from "vitest";
import { checkPastDate, dateToParts, parseDateParts, type DateParts } from "./dates.js";

describe("parseDateParts (GOV.UK date input)", () => {
  it.each([
    [{ day: "3", month: "2", year: "2026" }, "2026-02-03"],
    [{ day: "03", month: "02", year: "2026" }, "2026-02-03"],
    [{ day: " 29 ", month: "2", year: "2028" }, "2028-02-29"],
    [{ day: "31", month: "12", year: "2025" }, "2025-12-31"],
  ] as [DateParts, string][])("%o → %s", (parts, iso) => {
    expect(parseDateParts(parts)).toEqual({ ok: true, iso });
  });

  it.each([
    [{}, "required", ["day", "month", "year"]],
    [{ day: "", month: "", year: "" }, "required", ["day", "month", "year"]],
    [{ day: "3", month: "", year: "2026" }, "incomplete", ["month"]],
    [{ day: "", month: "", year: "2026" }, "incomplete", ["day", "month"]],
    [{ day: "29", month: "2", year: "2026" }, "not_real", ["day"]],
    [{ day: "31", month: "4", year: "2026" }, "not_real", ["day"]],
    [{ day: "0", month: "4", year: "2026" }, "not_real", ["day"]],
    [{ day: "1", month: "13", year: "2026" }, "not_real", ["month"]],
    [{ day: "1", month: "x", year: "2026" }, "not_real", ["month"]],
    [{ day: "1", month: "-1", year: "2026" }, "not_real", ["month"]],
    [{ day: "1", month: "1", year: "26" }, "year_format", ["year"]],
    [{ day: "1", month: "1", year: "20266" }, "year_format", ["year"]],
    [{ day: "1", month: "1", year: "1066" }, "not_real", ["year"]],
    [{ day: "<script>", month: "1", year: "2026" }, "not_real", ["day"]],
  ] as [DateParts, string, string[]][])("%o → %s", (parts, error, marked) => {
    const result = parseDateParts(parts);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.parts).toEqual(marked);
    }
  });

  it("writes a stored date back into its boxes", () => {
    expect(dateToParts("2026-02-03")).toEqual({ day: "3", month: "2", year: "2026" });
    expect(dateToParts(undefined)).toEqual({ day: "", month: "", year: "" });
  });
});

describe("checkPastDate", () => {
  it.each([
    ["2026-03-10", "2026-03-10", null, null],
    ["2026-03-11", "2026-03-10", null, "future"],
    ["2026-03-01", "2026-03-10", "2026-03-02", "too_early"],
    ["2026-03-02", "2026-03-10", "2026-03-02", null],
  ] as const)("%s (today %s, not before %s) → %s", (iso, today, notBefore, expected) => {
    expect(checkPastDate(iso, { today, notBefore })).toBe(expected);
  });
});
