// How long an organisation has to reply, when a person can come back to us, and when a
// concern is late. All on Europe/London calendar dates (YYYY-MM-DD), with the case-intake
// working-day calendar (weekends and England-and-Wales bank holidays).
import { addCalendarDays, addCalendarMonths, addWorkingDays, isWorkingDay, type IsoDate } from "../cases/working-days.js";

export const DEADLINE_RULES = {
  /** Subject access: one calendar month (UK GDPR art. 12(3)). */
  subjectAccessMonths: 1,
  /** …extended by up to two further months for complex requests: three in all. */
  subjectAccessExtendedMonths: 3,
  /** Other requests and concerns about personal information: one calendar month, as for every data protection right. */
  personalMonths: 1,
  /** Credit file correction (Consumer Credit Act 1974 s159): 28 days. */
  creditDays: 28,
  /** FOI/EIR request: 20 working days. */
  requestWorkingDays: 20,
  /** FOI/EIR internal review: 20 working days… */
  reviewWorkingDays: 20,
  /** …40 at most when they said it needs longer. */
  reviewExtendedWorkingDays: 40,
  /** An internal review is asked for within 40 working days of the reply: the law for EIR (reg. 11(2)),
   *  the section 45 code of practice for FOI (a later request need not be reviewed). */
  reviewRequestWindowWorkingDays: 40,
  /** Undue delay: last meaningful contact 3 months ago or more. */
  lateAfterMonths: 3,
} as const;

/** Which clock an organisation's reply runs on. */
export const DEADLINE_BASES = [
  "subject_access",
  "subject_access_extended",
  "personal",
  "credit",
  "request",
  "review",
  "review_extended",
] as const;
export type DeadlineBasis = (typeof DEADLINE_BASES)[number];

/** The same date when it is a working day, otherwise the next working day. */
export function onOrNextWorkingDay(iso: IsoDate): IsoDate {
  let d = iso;
  while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * The last day the organisation has to reply, counting from the day the request or concern
 * was sent (that day never counts). A month runs to the same date in the next month (the
 * last day of a shorter month), moved to the next working day when it falls on a weekend or
 * bank holiday, as the regulator's subject access guidance says. Working days skip weekends
 * and bank holidays. The 28 days of a credit file notice are calendar days.
 */
export function replyDeadline(basis: DeadlineBasis, from: IsoDate): IsoDate {
  switch (basis) {
    case "subject_access":
      return onOrNextWorkingDay(addCalendarMonths(from, DEADLINE_RULES.subjectAccessMonths));
    case "subject_access_extended":
      return onOrNextWorkingDay(addCalendarMonths(from, DEADLINE_RULES.subjectAccessExtendedMonths));
    case "personal":
      return onOrNextWorkingDay(addCalendarMonths(from, DEADLINE_RULES.personalMonths));
    case "credit":
      return addCalendarDays(from, DEADLINE_RULES.creditDays);
    case "request":
      return addWorkingDays(from, DEADLINE_RULES.requestWorkingDays);
    case "review":
      return addWorkingDays(from, DEADLINE_RULES.reviewWorkingDays);
    case "review_extended":
      return addWorkingDays(from, DEADLINE_RULES.reviewExtendedWorkingDays);
  }
}

/** The deadline day itself still belongs to the organisation: the person can come back the day after. */
export function comeBackOn(deadline: IsoDate): IsoDate {
  return addCalendarDays(deadline, 1);
}

/** True while the organisation still has time to reply (up to and including the deadline day). */
export function isWithinDeadline(deadline: IsoDate, today: IsoDate): boolean {
  return today <= deadline;
}

/** The first day a concern counts as late: 3 calendar months after the last meaningful contact. */
export function lateFrom(lastContact: IsoDate): IsoDate {
  return addCalendarMonths(lastContact, DEADLINE_RULES.lateAfterMonths);
}

/** Last meaningful contact 3 months ago or more (exactly 3 months counts as late). */
export function isLate(lastContact: IsoDate, today: IsoDate): boolean {
  return today >= lateFrom(lastContact);
}

/** EIR: the last day to ask for an internal review, 40 working days after their reply. */
export function reviewRequestBy(repliedOn: IsoDate): IsoDate {
  return addWorkingDays(repliedOn, DEADLINE_RULES.reviewRequestWindowWorkingDays);
}
