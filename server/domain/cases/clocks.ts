import type { CaseType } from "./case-types.js";
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  addWorkingDaysFrom,
  endOfLondonDay,
  isWorkingDay,
  londonDate,
  type IsoDate,
} from "./working-days.js";

/** The service levels of DESIGN §5, in one place so the UI can quote them. */
export const CLOCK_RULES = {
  queueWorkingDays: 3,
  queueWorkingDaysSelfReported: 5,
  underWayCalendarDays: 14,
  answerCalendarDays: 30,
  closeCalendarMonths: 6,
  complaintAcknowledgeWorkingDays: 5,
  callbackWorkingDays: 2,
  adjustmentDecisionHours: 48,
  adjustmentReviewMonths: 24,
  complaintWindowMonths: 3,
  dueSoonCalendarDays: 2,
} as const;

export interface CaseClocks {
  /** At once: the acknowledgement (with the reference) goes out on creation. */
  readonly acknowledgeBy: Date;
  readonly queueBy: Date;
  /** Customer contacted. For RCC this is the 5-working-day acknowledgement. */
  readonly underWayBy: Date;
  readonly answerBy: Date;
  readonly closeBy: Date;
}

/**
 * All due instants for a case (or a re-opened instance) opened at openedAt.
 * Working-day clocks end at 23:59:59.999 London on the last working day;
 * calendar-day and month clocks end at the end of that London calendar day,
 * even when it is a weekend, because the promise to customers is in calendar
 * days. Day 0 is the day of opening.
 */
export function computeCaseClocks(type: CaseType, openedAt: Date): CaseClocks {
  const opened = londonDate(openedAt);
  const queueDays =
    type === "COM" ? CLOCK_RULES.queueWorkingDaysSelfReported : CLOCK_RULES.queueWorkingDays;
  const underWayBy =
    type === "RCC"
      ? addWorkingDaysFrom(openedAt, CLOCK_RULES.complaintAcknowledgeWorkingDays)
      : endOfLondonDay(addCalendarDays(opened, CLOCK_RULES.underWayCalendarDays));
  return {
    acknowledgeBy: new Date(openedAt.getTime()),
    queueBy: addWorkingDaysFrom(openedAt, queueDays),
    underWayBy,
    answerBy: endOfLondonDay(addCalendarDays(opened, CLOCK_RULES.answerCalendarDays)),
    closeBy: endOfLondonDay(addCalendarMonths(opened, CLOCK_RULES.closeCalendarMonths)),
  };
}

/** Callbacks: by the end of the second working day after the request. */
export function callbackDueAt(requestedAt: Date): Date {
  return addWorkingDaysFrom(requestedAt, CLOCK_RULES.callbackWorkingDays);
}

/**
 * Adjustment decisions: 48 elapsed hours (not working hours), because the
 * people asking may be unable to use the service until we decide. If that
 * instant falls on a weekend or bank holiday in London, nobody is at work to
 * decide, so the clock moves to the end of the next working day (the same
 * end-of-day rule as every other working-day clock). Thursday 10:00 →
 * Saturday 10:00 → end of Monday.
 */
export function adjustmentDecisionDueAt(requestedAt: Date): Date {
  const due = new Date(requestedAt.getTime() + CLOCK_RULES.adjustmentDecisionHours * 3_600_000);
  const day = londonDate(due);
  return isWorkingDay(day) ? due : endOfLondonDay(addWorkingDays(day, 1));
}

/** Adjustment reviews: every 2 years, due at the end of that London day (29 Feb → 28 Feb). */
export function adjustmentReviewDueAt(agreedAt: Date): Date {
  return endOfLondonDay(addCalendarMonths(londonDate(agreedAt), CLOCK_RULES.adjustmentReviewMonths));
}

export const CLOCK_STATES = ["met", "missed", "overdue", "due_soon", "on_time"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/**
 * met/missed once done; otherwise overdue after the due instant, due_soon
 * when the due London date is today, tomorrow or the day after (calendar
 * dates, so "due in 2 days" reads the same all day), else on_time.
 */
export function clockState(dueAt: Date, now: Date, doneAt?: Date | null | undefined): ClockState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? "met" : "missed";
  if (now.getTime() > dueAt.getTime()) return "overdue";
  const soonLimit: IsoDate = addCalendarDays(londonDate(now), CLOCK_RULES.dueSoonCalendarDays);
  return londonDate(dueAt) <= soonLimit ? "due_soon" : "on_time";
}

export interface CaseProgress {
  readonly queuedAt?: Date | null | undefined;
  readonly underWayAt?: Date | null | undefined;
  readonly answeredAt?: Date | null | undefined;
  readonly closedAt?: Date | null | undefined;
}

/** The clocks that can still be outstanding (acknowledgement happens at creation). */
export const PENDING_CLOCK_NAMES = ["queueBy", "underWayBy", "answerBy", "closeBy"] as const;
export type PendingClockName = (typeof PENDING_CLOCK_NAMES)[number];

/**
 * The earliest clock still running, for "nearest due first" lists; null once
 * closed. Milestones are ordered, so reaching a later one settles the earlier
 * ones (a case under way is certainly in a queue).
 */
export function nextDueClock(
  clocks: CaseClocks,
  progress: CaseProgress,
): { name: PendingClockName; dueAt: Date } | null {
  const reached = [progress.queuedAt, progress.underWayAt, progress.answeredAt, progress.closedAt];
  const lastReached = reached.reduce<number>((acc, at, i) => (at ? i : acc), -1);
  let best: { name: PendingClockName; dueAt: Date } | null = null;
  for (let i = lastReached + 1; i < PENDING_CLOCK_NAMES.length; i++) {
    const name = PENDING_CLOCK_NAMES[i]!;
    const dueAt = clocks[name];
    if (!best || dueAt.getTime() < best.dueAt.getTime()) best = { name, dueAt };
  }
  return best;
}

/** Last London date on which a complaint about an event on eventDate is accepted. */
export function complaintDeadline(eventDate: Date | IsoDate): IsoDate {
  const event = typeof eventDate === "string" ? eventDate : londonDate(eventDate);
  return addCalendarMonths(event, CLOCK_RULES.complaintWindowMonths);
}

/**
 * RCC complaints are accepted within 3 calendar months of the event, the
 * whole of the last day included (event 30 Nov → up to 28/29 Feb). An event
 * dated after the complaint arrived is a data error and is not "in time";
 * managers can still accept late complaints at their discretion.
 */
export function isComplaintInTime(eventDate: Date | IsoDate, receivedAt: Date): boolean {
  const event = typeof eventDate === "string" ? eventDate : londonDate(eventDate);
  const received = londonDate(receivedAt);
  return event <= received && received <= complaintDeadline(event);
}
