// The adjustment clocks, on top of the case clocks (server/domain/cases/clocks.ts), whose
// contract is unchanged: the 48-hour decision and the 2-year review come from there.
import { adjustmentDecisionDueAt, adjustmentReviewDueAt, clockState, type ClockState } from "../cases/clocks.js";
import { addCalendarDays, addWorkingDaysFrom, endOfLondonDay, isIsoDate, londonDate, type IsoDate } from "../cases/working-days.js";

export const ADJUSTMENT_RULES = {
  /** "Check it worked": by the end of the 10th working day after agreeing (two working weeks). */
  checkAfterWorkingDays: 10,
  /** A review shows as coming due this many calendar days ahead. */
  reviewSoonDays: 60,
} as const;

/**
 * When the decision is due: 48 elapsed hours from when the request reached us,
 * moved to the end of the next working day when that instant is on a weekend or
 * an England-and-Wales bank holiday (adjustmentDecisionDueAt, unchanged).
 */
export function decisionDueAt(receivedAt: Date): Date {
  return adjustmentDecisionDueAt(receivedAt);
}

/** The decision clock's state: met/missed once decided, else overdue / due_soon / on_time. */
export function decisionClockState(dueAt: Date, now: Date, decidedAt: Date | null | undefined): ClockState {
  return clockState(dueAt, now, decidedAt ?? null);
}

export function checkDueAt(agreedAt: Date): Date {
  return addWorkingDaysFrom(agreedAt, ADJUSTMENT_RULES.checkAfterWorkingDays);
}

/** The latest review date allowed for an ongoing adjustment agreed (or reviewed) at `from`: 2 years. */
export function latestReviewDate(from: Date): IsoDate {
  return londonDate(adjustmentReviewDueAt(from));
}

export type ReviewDateResult = { ok: true; reviewAt: Date | null } | { ok: false; error: "review_invalid" | "review_not_future" | "review_too_late" };

/**
 * The review date of an agreed adjustment. One-off: none. Ongoing: the date
 * chosen (a London date after today and no later than 2 years ahead), or 2 years
 * ahead when none is chosen. Due at the end of that London day.
 */
export function reviewDateFor(duration: "one_off" | "ongoing", from: Date, chosen?: string | null): ReviewDateResult {
  if (duration === "one_off") return { ok: true, reviewAt: null };
  if (chosen === undefined || chosen === null || chosen === "") return { ok: true, reviewAt: adjustmentReviewDueAt(from) };
  if (!isIsoDate(chosen)) return { ok: false, error: "review_invalid" };
  if (chosen <= londonDate(from)) return { ok: false, error: "review_not_future" };
  if (chosen > latestReviewDate(from)) return { ok: false, error: "review_too_late" };
  return { ok: true, reviewAt: endOfLondonDay(chosen) };
}

/** A review is coming due when its date is within the next 60 calendar days, or has passed. */
export function isReviewComingDue(reviewAt: Date | null | undefined, now: Date): boolean {
  if (!reviewAt) return false;
  return londonDate(reviewAt) <= addCalendarDays(londonDate(now), ADJUSTMENT_RULES.reviewSoonDays);
}

/** The instant before which a review counts as coming due (for database queries). */
export function reviewComingDueBefore(now: Date): Date {
  return endOfLondonDay(addCalendarDays(londonDate(now), ADJUSTMENT_RULES.reviewSoonDays));
}
