import { describe, expect, it } from "vitest";
import { adjustmentDecisionDueAt } from "../cases/clocks.js";
import { checkDueAt, decisionClockState, decisionDueAt, isReviewComingDue, latestReviewDate, reviewComingDueBefore, reviewDateFor } from "./clocks.js";

const d = (s: string) => new Date(s);

describe("decisionDueAt: 48 elapsed hours, off a weekend or bank holiday to the end of the next working day", () => {
  it.each([
    // received (UTC), due (UTC), why
    ["2026-11-23T10:00:00Z", "2026-11-25T10:00:00.000Z", "Monday → Wednesday, same time"],
    ["2026-11-25T16:30:00Z", "2026-11-27T16:30:00.000Z", "Wednesday → Friday, same time"],
    ["2026-11-26T10:00:00Z", "2026-11-30T23:59:59.999Z", "Thursday → Saturday 10:00 → end of Monday"],
    ["2026-11-27T16:00:00Z", "2026-11-30T23:59:59.999Z", "Friday → Sunday 16:00 → end of Monday"],
    ["2026-11-27T23:59:00Z", "2026-11-30T23:59:59.999Z", "Friday just before midnight → Sunday → end of Monday"],
    ["2026-11-28T09:00:00Z", "2026-11-30T09:00:00.000Z", "Saturday → Monday 09:00, a working day: unchanged"],
    ["2026-11-29T23:30:00Z", "2026-12-01T23:30:00.000Z", "Sunday night → Tuesday night"],
    ["2026-12-23T12:00:00Z", "2026-12-29T23:59:59.999Z", "Wed 23 Dec → Christmas Day → past Boxing Day's substitute (Mon 28) → end of Tue 29"],
    ["2026-04-01T11:00:00Z", "2026-04-07T22:59:59.999Z", "Wednesday before Easter (BST) → Good Friday → past Easter Monday → end of Tuesday"],
    ["2025-10-23T09:00:00Z", "2025-10-27T23:59:59.999Z", "Thursday in BST → Saturday → end of Monday in GMT"],
  ])("%s → %s (%s)", (received, due) => {
    expect(decisionDueAt(d(received)).toISOString()).toBe(due);
  });

  it("is the case clock's adjustmentDecisionDueAt, not a second rule", () => {
    for (const at of ["2026-11-26T10:00:00Z", "2026-12-23T12:00:00Z", "2026-06-01T00:00:00Z"]) {
      expect(decisionDueAt(d(at)).getTime()).toBe(adjustmentDecisionDueAt(d(at)).getTime());
    }
  });

  it.each([
    ["2026-11-23T12:00:00Z", null, "due_soon"],
    ["2026-11-25T10:00:01Z", null, "overdue"],
    ["2026-11-25T12:00:00Z", "2026-11-24T09:00:00Z", "met"],
    ["2026-11-27T12:00:00Z", "2026-11-26T09:00:00Z", "missed"],
  ] as const)("decision clock at %s (decided %s) is %s", (now, decided, state) => {
    expect(decisionClockState(d("2026-11-25T10:00:00Z"), d(now), decided ? d(decided) : null)).toBe(state);
  });
});

describe("reviewDateFor", () => {
  const agreed = d("2026-11-23T12:00:00Z");
  it.each([
    ["one_off", undefined, { ok: true, reviewAt: null }],
    ["one_off", "2027-01-01", { ok: true, reviewAt: null }],
    ["ongoing", undefined, { ok: true, reviewAt: "2028-11-23T23:59:59.999Z" }],
    ["ongoing", "", { ok: true, reviewAt: "2028-11-23T23:59:59.999Z" }],
    ["ongoing", "2026-11-24", { ok: true, reviewAt: "2026-11-24T23:59:59.999Z" }],
    ["ongoing", "2027-06-30", { ok: true, reviewAt: "2027-06-30T22:59:59.999Z" }],
    ["ongoing", "2028-11-23", { ok: true, reviewAt: "2028-11-23T23:59:59.999Z" }],
    ["ongoing", "2028-11-24", { ok: false, error: "review_too_late" }],
    ["ongoing", "2026-11-23", { ok: false, error: "review_not_future" }],
    ["ongoing", "2025-01-01", { ok: false, error: "review_not_future" }],
    ["ongoing", "2027-02-30", { ok: false, error: "review_invalid" }],
    ["ongoing", "next year", { ok: false, error: "review_invalid" }],
  ] as const)("%s, chosen %s", (duration, chosen, expected) => {
    const result = reviewDateFor(duration, agreed, chosen);
    if (result.ok) expect({ ok: true, reviewAt: result.reviewAt?.toISOString() ?? null }).toEqual(expected);
    else expect(result).toEqual(expected);
  });

  it.each([
    ["2028-02-29T10:00:00Z", "2030-02-28"],
    ["2026-11-23T23:30:00Z", "2028-11-23"],
    ["2026-06-30T23:30:00Z", "2028-07-01"],
  ])("at most 2 years after %s: %s (London dates)", (from, latest) => {
    expect(latestReviewDate(d(from))).toBe(latest);
  });
});

describe("reviews coming due (60 calendar days)", () => {
  const now = d("2026-11-23T12:00:00Z");
  it.each([
    [null, false],
    ["2026-01-01T00:00:00Z", true],
    ["2026-11-23T23:59:59.999Z", true],
    ["2027-01-22T23:59:59.999Z", true],
    ["2027-01-23T23:59:59.999Z", false],
    ["2028-11-23T23:59:59.999Z", false],
  ])("review at %s → %s", (review, expected) => {
    expect(isReviewComingDue(review ? d(review) : null, now)).toBe(expected);
  });
  it("gives the same limit for database queries", () => {
    expect(reviewComingDueBefore(now).toISOString()).toBe("2027-01-22T23:59:59.999Z");
  });
});

describe("checkDueAt: 10 working days after agreeing", () => {
  it.each([
    ["2026-11-23T10:00:00Z", "2026-12-07T23:59:59.999Z"],
    ["2026-11-28T10:00:00Z", "2026-12-11T23:59:59.999Z"],
    ["2026-12-21T10:00:00Z", "2027-01-07T23:59:59.999Z"],
  ])("agreed %s → check by %s", (agreed, due) => {
    expect(checkDueAt(d(agreed)).toISOString()).toBe(due);
  });
});
