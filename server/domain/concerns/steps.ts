// The questions of the concerns assistant: their addresses, the answer each sets and how it
// is asked. No dependencies beyond the answers' own lists, so pages can use it cheaply.
import { EXCEPTIONS, LOCATIONS, MARKETING_CHANNELS, NO_EXCEPTION, TOPICS, WHAT_HAPPENED, YES_NO, type AnswerKey, type Answers } from "./answers.js";

/** Question pages, in the order they can be asked. The slug is the page's address. */
export const STEPS = [
  "topic",
  "what-happened",
  "channel",
  "premium-rate",
  "organisation",
  "location",
  "country",
  "sector",
  "raised",
  "exceptions",
  "raised-on",
  "extended",
  "replied",
  "replied-on",
  "review-requested",
  "review-requested-on",
  "review-replied",
  "review-extended",
  "review-replied-on",
  "last-contact",
] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

/** The answer each question page sets. */
export const STEP_ANSWER: Record<Step, AnswerKey> = {
  topic: "topic",
  "what-happened": "whatHappened",
  channel: "channel",
  "premium-rate": "premiumRate",
  organisation: "organisation",
  location: "location",
  country: "country",
  sector: "sector",
  raised: "raised",
  exceptions: "exceptions",
  "raised-on": "raisedOn",
  extended: "extended",
  replied: "replied",
  "replied-on": "repliedOn",
  "review-requested": "reviewRequested",
  "review-requested-on": "reviewRequestedOn",
  "review-replied": "reviewReplied",
  "review-extended": "reviewExtended",
  "review-replied-on": "reviewRepliedOn",
  "last-contact": "lastContact",
};

export type StepKind = "radios" | "select" | "text" | "checkboxes" | "date";

/** How each question is asked, and its fixed options where it has them. */
export const STEP_INPUT: Record<Step, { kind: StepKind; options?: readonly string[] }> = {
  topic: { kind: "radios", options: TOPICS },
  "what-happened": { kind: "radios", options: WHAT_HAPPENED },
  channel: { kind: "radios", options: MARKETING_CHANNELS },
  "premium-rate": { kind: "radios", options: YES_NO },
  organisation: { kind: "text" },
  location: { kind: "radios", options: LOCATIONS },
  country: { kind: "select" },
  // Options come from the case-intake sectors (SECTORS), checked in journey.ts.
  sector: { kind: "select" },
  raised: { kind: "radios", options: YES_NO },
  exceptions: { kind: "checkboxes", options: [...EXCEPTIONS, NO_EXCEPTION] },
  "raised-on": { kind: "date" },
  extended: { kind: "radios", options: YES_NO },
  replied: { kind: "radios", options: YES_NO },
  "replied-on": { kind: "date" },
  "review-requested": { kind: "radios", options: YES_NO },
  "review-requested-on": { kind: "date" },
  "review-replied": { kind: "radios", options: YES_NO },
  "review-extended": { kind: "radios", options: YES_NO },
  "review-replied-on": { kind: "date" },
  "last-contact": { kind: "date" },
};

export const ORGANISATION_NAME_MAX = 200;

/** Only the answers on the path: what the person's story is now, without answers a change made irrelevant. */
export function answersOnPath(answers: Answers, path: readonly Step[]): Answers {
  const kept: Record<string, unknown> = {};
  for (const step of path) {
    const key = STEP_ANSWER[step];
    if (answers[key] !== undefined) kept[key] = answers[key];
  }
  return kept as Answers;
}
