import { describe, expect, it } from "vitest";
import { comeBackOn, reviewRequestBy, isLate, isWithinDeadline, lateFrom, onOrNextWorkingDay, replyDeadline, type DeadlineBasis } from "./deadlines.js";

describe("replyDeadline", () => {
  it.each([
    // basis, sent on, last day to reply
    ["subject_access", "2026-02-10", "2026-03-10"], // Tue → Tue, same date next month
    ["subject_access", "2026-03-03", "2026-04-07"], // Fri 3 Apr Good Friday, Mon 6 Apr Easter Monday → Tue
    ["subject_access", "2026-01-31", "2026-03-02"], // 28 Feb is a Saturday → Monday
    ["subject_access", "2026-11-25", "2026-12-29"], // 25 Dec (Fri), weekend, 28 Dec substitute Boxing Day → Tue 29
    ["subject_access", "2027-12-31", "2028-01-31"], // crosses a year
    ["subject_access_extended", "2026-02-10", "2026-05-11"], // 10 May is a Sunday
    ["subject_access_extended", "2025-11-30", "2026-03-02"], // 28 Feb Sat → Mon 2 Mar
    ["personal", "2026-01-05", "2026-02-05"],
    ["credit", "2026-03-01", "2026-03-29"], // 28 calendar days, even a Sunday
    ["request", "2026-12-10", "2027-01-12"], // 20 working days across Christmas and New Year
    ["request", "2026-03-02", "2026-03-30"],
    ["request", "2026-03-20", "2026-04-21"], // across Easter
    ["review", "2026-03-02", "2026-03-30"],
    ["review_extended", "2026-03-02", "2026-04-29"],
    ["request", "2026-04-04", "2026-05-05"], // sent on a Saturday: counting starts Tuesday 7 Apr; 4 May bank holiday
  ] as [DeadlineBasis, string, string][])("%s sent %s → %s", (basis, from, expected) => {
    expect(replyDeadline(basis, from)).toBe(expected);
  });
});

describe("coming back, and the deadline day", () => {
  it("the deadline day still belongs to the organisation", () => {
    expect(isWithinDeadline("2026-03-10", "2026-03-10")).toBe(true);
    expect(isWithinDeadline("2026-03-10", "2026-03-11")).toBe(false);
    expect(isWithinDeadline("2026-03-10", "2026-03-09")).toBe(true);
  });
  it.each([
    ["2026-03-10", "2026-03-11"],
    ["2026-12-31", "2027-01-01"],
    ["2028-02-28", "2028-02-29"],
  ])("after a deadline of %s, come back on %s", (deadline, expected) => {
    expect(comeBackOn(deadline)).toBe(expected);
  });
  it("moves a weekend or bank holiday to the next working day and leaves a working day alone", () => {
    expect(onOrNextWorkingDay("2026-04-03")).toBe("2026-04-07");
    expect(onOrNextWorkingDay("2026-04-08")).toBe("2026-04-08");
    expect(onOrNextWorkingDay("2026-12-25")).toBe("2026-12-29");
  });
});

describe("late: 3 months or more since the last meaningful contact", () => {
  it.each([
    // last contact, today, late?
    ["2026-01-15", "2026-04-14", false],
    ["2026-01-15", "2026-04-15", true], // exactly 3 months
    ["2026-01-15", "2026-05-15", true], // 4 months
    ["2025-11-30", "2026-02-27", false],
    ["2025-11-30", "2026-02-28", true], // clamped to the end of February
    ["2026-03-10", "2026-03-10", false],
  ] as const)("last contact %s, today %s → late %s", (lastContact, today, late) => {
    expect(isLate(lastContact, today)).toBe(late);
  });
  it("says from when it is late", () => {
    expect(lateFrom("2026-01-31")).toBe("2026-04-30");
  });
});

describe("EIR: the window to ask for an internal review", () => {
  it("is 40 working days from their reply", () => {
    expect(reviewRequestBy("2026-03-02")).toBe("2026-04-29");
  });
});
