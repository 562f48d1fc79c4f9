// The concerns assistant's decision logic (DESIGN §1): from the answers so far and today's
// date, either the next question to ask or the outcome, with the path of questions asked.
// Pure: no I/O, no framework; "today" is a London calendar date passed in.
import { sectorFits } from "./sectors.js";
import type { CaseType } from "../cases/case-types.js";
import { isIsoDate, type IsoDate } from "../cases/working-days.js";
import { EXCEPTIONS, NO_EXCEPTION, PHONE_CHANNELS, type Answers, type MarketingChannel, type Topic, type WhatHappened } from "./answers.js";
import { checkPastDate } from "./dates.js";
import { comeBackOn, reviewRequestBy, isLate, isWithinDeadline, lateFrom, replyDeadline, type DeadlineBasis } from "./deadlines.js";
import { isEeaCountry } from "./remit.js";
import { ORGANISATION_NAME_MAX, STEP_ANSWER, STEP_INPUT, type Step } from "./steps.js";
import { walker, type Walk } from "../journey/engine.js";
// Moving about the walk (back, Continue, deep links) is the journey engine's, the same for every journey.
export { canShow, previousStep, stepAfter } from "../journey/engine.js";



export type LetterKind = "sar_chase" | "correction" | "objection_erasure" | "concern" | "foi_internal_review";

/** Why we can take a report now. */
export type ReportReason = "no_reply" | "replied" | "exception" | "review_no_reply" | "review_replied";

export type ReportableCaseType = Extract<CaseType, "RFA" | "FS50" | "FER" | "SEC">;

export type Outcome =
  | { kind: "raise_first"; letter: LetterKind }
  | { kind: "wait"; basis: DeadlineBasis; from: IsoDate; deadline: IsoDate; comeBackOn: IsoDate }
  | { kind: "internal_review_first"; letter: "foi_internal_review"; eir: boolean; askBy: IsoDate; windowClosed: boolean }
  | { kind: "report"; caseType: ReportableCaseType; reason: ReportReason; letter: LetterKind | null }
  | { kind: "report_late"; caseType: ReportableCaseType; reason: ReportReason; letter: LetterKind | null; lastContact: IsoDate; lateFrom: IsoDate }
  | { kind: "not_in_remit" }
  | { kind: "outside_uk_eea"; country: string }
  | { kind: "outside_uk_elsewhere" }
  | { kind: "marketing"; channel: MarketingChannel }
  | { kind: "premium_rate"; channel: MarketingChannel };

export type OutcomeKind = Outcome["kind"];
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  "raise_first",
  "wait",
  "internal_review_first",
  "report",
  "report_late",
  "not_in_remit",
  "outside_uk_eea",
  "outside_uk_elsewhere",
  "marketing",
  "premium_rate",
];

/** Either the next question (`next`) or the outcome, never both; `path` lists the questions asked, in order. */
export type Evaluation = Walk<Step, Outcome>;

export const CASE_TYPE_FOR_TOPIC: Partial<Record<Topic, ReportableCaseType>> = {
  personal: "RFA",
  foi: "FS50",
  eir: "FER",
  credit: "SEC",
};

const RAISE_FIRST_LETTER: Record<Exclude<WhatHappened, "sar">, LetterKind> = {
  wrong_info: "correction",
  misuse: "objection_erasure",
  breach: "concern",
  cctv: "concern",
  other: "concern",
};

/** The dates on the path so far, latest last: what a later date may not come before. */
const DATE_STEPS: readonly Step[] = ["raised-on", "replied-on", "review-requested-on", "review-replied-on", "last-contact"];

/**
 * The earliest date a date question can take, given the dates already on the path:
 * a reply cannot come before the request, the last contact not before any of them.
 */
export function dateFloor(step: Step, answers: Answers, path: readonly Step[]): { date: IsoDate; step: Step } | null {
  if (!DATE_STEPS.includes(step)) return null;
  let floor: { date: IsoDate; step: Step } | null = null;
  for (const earlier of path) {
    if (earlier === step || !DATE_STEPS.includes(earlier)) continue;
    const value = answers[STEP_ANSWER[earlier]] as IsoDate | undefined;
    if (value && (!floor || value >= floor.date)) floor = { date: value, step: earlier };
  }
  return floor;
}

/** Whether a stored answer is a valid answer to the question, in the context of the path before it. */
export function isAnswered(step: Step, answers: Answers, path: readonly Step[], today: IsoDate): boolean {
  const value = answers[STEP_ANSWER[step]];
  const input = STEP_INPUT[step];
  switch (input.kind) {
    case "radios":
      return typeof value === "string" && input.options!.includes(value);
    case "select":
      if (step === "country") return typeof value === "string" && isEeaCountry(value);
      return sectorFits(answers.topic, value);
    case "text":
      return typeof value === "string" && value.trim().length > 0 && value.trim().length <= ORGANISATION_NAME_MAX;
    case "checkboxes": {
      if (!Array.isArray(value) || value.length === 0) return false;
      if (value.includes(NO_EXCEPTION)) return value.length === 1;
      return value.every((v) => (EXCEPTIONS as readonly string[]).includes(v));
    }
    case "date": {
      if (!isIsoDate(value)) return false;
      return checkPastDate(value, { today, notBefore: dateFloor(step, answers, path)?.date ?? null }) === null;
    }
  }
}

export function evaluate(answers: Answers, today: IsoDate): Evaluation {
  const a = answers;
  /** `ask(step)`: null when the step is answered (and added to the path), else the evaluation asking it. */
  const w = walker<Step>((step, path) => isAnswered(step, a, path, today));
  const ask = (step: Step): Evaluation | null => w.ask(step);
  const done = (outcome: Outcome): Evaluation => w.done(outcome);

  /** Deadline passed (or a reply came): the last meaningful contact decides whether it is late. */
  const report = (caseType: ReportableCaseType, reason: ReportReason, letter: LetterKind | null = null): Evaluation => {
    const pending = ask("last-contact");
    if (pending) return pending;
    const lastContact = a.lastContact!;
    if (isLate(lastContact, today)) return done({ kind: "report_late", caseType, reason, letter, lastContact, lateFrom: lateFrom(lastContact) });
    return done({ kind: "report", caseType, reason, letter });
  };

  /** No reply yet: wait until the deadline has passed, then report. */
  const noReply = (caseType: ReportableCaseType, basis: DeadlineBasis, from: IsoDate, reason: ReportReason, letter: LetterKind | null = null): Evaluation => {
    const deadline = replyDeadline(basis, from);
    if (isWithinDeadline(deadline, today)) return done({ kind: "wait", basis, from, deadline, comeBackOn: comeBackOn(deadline) });
    return report(caseType, reason, letter);
  };

  /** Outside the UK: an EEA authority, or nobody we know of. */
  const location = (): Evaluation | null => {
    const pending = ask("location");
    if (pending) return pending;
    if (a.location === "eea") return ask("country") ?? done({ kind: "outside_uk_eea", country: a.country! });
    if (a.location === "elsewhere") return done({ kind: "outside_uk_elsewhere" });
    return null;
  };

  let pending = ask("topic");
  if (pending) return pending;

  switch (a.topic!) {
    case "other":
      return done({ kind: "not_in_remit" });

    case "marketing": {
      if ((pending = ask("channel"))) return pending;
      const channel = a.channel!;
      if (!PHONE_CHANNELS.includes(channel)) return done({ kind: "marketing", channel });
      if ((pending = ask("premium-rate"))) return pending;
      return done(a.premiumRate === "yes" ? { kind: "premium_rate", channel } : { kind: "marketing", channel });
    }

    case "personal": {
      if ((pending = ask("what-happened") ?? ask("organisation") ?? location() ?? ask("sector"))) return pending;
      if (a.whatHappened === "sar") {
        // A subject access request was made: its date, then whether they said they need longer,
        // asked only when the answer can change the outcome: the one-month deadline has passed
        // and the longest extended one (3 months in all) has not.
        if ((pending = ask("raised-on"))) return pending;
        const raisedOn = a.raisedOn!;
        const extensionMatters = !isWithinDeadline(replyDeadline("subject_access", raisedOn), today) && isWithinDeadline(replyDeadline("subject_access_extended", raisedOn), today);
        if (extensionMatters && (pending = ask("extended"))) return pending;
        const extended = extensionMatters && a.extended === "yes";
        return noReply("RFA", extended ? "subject_access_extended" : "subject_access", raisedOn, "no_reply", "sar_chase");
      }
      if ((pending = ask("raised"))) return pending;
      if (a.raised === "no") {
        if ((pending = ask("exceptions"))) return pending;
        if (a.exceptions!.includes(NO_EXCEPTION)) return done({ kind: "raise_first", letter: RAISE_FIRST_LETTER[a.whatHappened as Exclude<WhatHappened, "sar">] });
        // Whistle-blowers, serious matters and many people affected may come to us straight away.
        return done({ kind: "report", caseType: "RFA", reason: "exception", letter: null });
      }
      if ((pending = ask("raised-on") ?? ask("replied"))) return pending;
      if (a.replied === "no") return noReply("RFA", "personal", a.raisedOn!, "no_reply");
      if ((pending = ask("replied-on"))) return pending;
      return report("RFA", "replied");
    }

    case "credit": {
      if ((pending = ask("organisation") ?? location() ?? ask("raised"))) return pending;
      if (a.raised === "no") return done({ kind: "raise_first", letter: "correction" });
      if ((pending = ask("raised-on") ?? ask("replied"))) return pending;
      if (a.replied === "no") return noReply("SEC", "credit", a.raisedOn!, "no_reply");
      if ((pending = ask("replied-on"))) return pending;
      return report("SEC", "replied");
    }

    case "foi":
    case "eir": {
      const eir = a.topic === "eir";
      const caseType: ReportableCaseType = eir ? "FER" : "FS50";
      // Making the request is raising it: its date, then whether they replied.
      if ((pending = ask("organisation") ?? ask("sector") ?? ask("raised-on") ?? ask("replied"))) return pending;
      if (a.replied === "no") return noReply(caseType, "request", a.raisedOn!, "no_reply");
      if ((pending = ask("replied-on") ?? ask("review-requested"))) return pending;
      if (a.reviewRequested === "no") {
        // EIR: the law's 40 working days; FOI: the code of practice lets them refuse a later request.
        const askBy = reviewRequestBy(a.repliedOn!);
        return done({ kind: "internal_review_first", letter: "foi_internal_review", eir, askBy, windowClosed: today > askBy });
      }
      if ((pending = ask("review-requested-on") ?? ask("review-replied"))) return pending;
      if (a.reviewReplied === "no") {
        // EIR: the law gives 40 working days for the review. FOI: 20, or 40 at most when they said so.
        if (eir) return noReply(caseType, "review_extended", a.reviewRequestedOn!, "review_no_reply");
        if ((pending = ask("review-extended"))) return pending;
        return noReply(caseType, a.reviewExtended === "yes" ? "review_extended" : "review", a.reviewRequestedOn!, "review_no_reply");
      }
      if ((pending = ask("review-replied-on"))) return pending;
      return report(caseType, "review_replied");
    }
  }
}

/** The outcomes that lead to a report form. */
export function isReportOutcome(outcome: Outcome | null): outcome is Extract<Outcome, { kind: "report" | "report_late" }> {
  return outcome?.kind === "report" || outcome?.kind === "report_late";
}

/** The ready letter an outcome offers, if any. */
export function letterFor(outcome: Outcome | null): LetterKind | null {
  if (!outcome) return null;
  switch (outcome.kind) {
    case "raise_first":
    case "internal_review_first":
      return outcome.letter;
    case "report":
    case "report_late":
      return outcome.letter;
    default:
      return null;
  }
}
