// The ready letters the assistant offers: which facts go in, and the letter's parts in one
// language. The wording lives in locales/{en,cy}/letters-concerns.json; the translator and
// the date formatter are passed in, so this stays pure and testable in both languages.
import type { IsoDate } from "../cases/working-days.js";
import type { Answers, Topic, WhatHappened } from "./answers.js";
import { replyDeadline } from "./deadlines.js";
import type { LetterKind } from "./journey.js";

export const LETTER_KINDS: readonly LetterKind[] = ["sar_chase", "correction", "objection_erasure", "concern", "foi_internal_review"];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === "string" && (LETTER_KINDS as readonly string[]).includes(value);
}

/** A letter in one language, or in both (the Welsh first, as Welsh public bodies do). */
export const LETTER_LANGUAGES = ["en", "cy", "both"] as const;
export type LetterLanguageChoice = (typeof LETTER_LANGUAGES)[number];
export type LetterLanguage = "en" | "cy";

export function lettersInOrder(choice: LetterLanguageChoice): LetterLanguage[] {
  return choice === "both" ? ["cy", "en"] : [choice];
}

/** A translator over the letters namespace; given several keys it uses the first that exists (i18next does). */
export type Translate = (key: string | string[], values?: Record<string, string>) => string;

/** What a letter says, taken from the answers. */
export type LetterFacts = {
  kind: LetterKind;
  variant: string;
  organisation: string;
  raisedOn: IsoDate | null;
  repliedOn: IsoDate | null;
  /** When the organisation's time to reply ended (subject access chase). */
  deadline: IsoDate | null;
  today: IsoDate;
};

export type Letter = {
  language: LetterLanguage;
  kind: LetterKind;
  /** The page/document heading, e.g. "Request for an internal review". */
  title: string;
  senderLines: string[];
  date: string;
  recipient: string;
  subject: string;
  salutation: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
};

function variantFor(kind: LetterKind, topic: Topic | undefined, whatHappened: WhatHappened | undefined, extended: boolean): string {
  switch (kind) {
    case "sar_chase":
      return extended ? "extended" : "standard";
    case "correction":
      return topic === "credit" ? "credit" : "personal";
    case "objection_erasure":
      return "standard";
    case "concern":
      return whatHappened === "breach" || whatHappened === "cctv" ? whatHappened : "general";
    case "foi_internal_review":
      return topic === "eir" ? "eir" : "foi";
  }
}

export function letterFacts(kind: LetterKind, answers: Answers, today: IsoDate): LetterFacts {
  const extended = answers.extended === "yes";
  let deadline: IsoDate | null = null;
  if (kind === "sar_chase" && answers.raisedOn) deadline = replyDeadline(extended ? "subject_access_extended" : "subject_access", answers.raisedOn);
  return {
    kind,
    variant: variantFor(kind, answers.topic, answers.whatHappened, extended),
    organisation: (answers.organisation ?? "").trim(),
    raisedOn: answers.raisedOn ?? null,
    repliedOn: answers.repliedOn ?? null,
    deadline,
    today,
  };
}

/** The paragraph keys of each letter and variant, in order. */
const PARAGRAPHS: Record<LetterKind, Record<string, string[]>> = {
  sar_chase: {
    standard: ["intro", "deadline", "ask", "items", "next"],
    extended: ["intro", "deadlineExtended", "ask", "items", "next"],
  },
  correction: {
    personal: ["intro", "details", "law", "confirm"],
    credit: ["intro", "details", "law", "notice"],
  },
  objection_erasure: {
    standard: ["intro", "details", "law", "reply"],
  },
  concern: {
    general: ["intro", "details", "ask", "next"],
    breach: ["intro", "details", "ask", "next"],
    cctv: ["intro", "details", "ask", "next"],
  },
  foi_internal_review: {
    foi: ["intro", "reasons", "law", "next"],
    eir: ["intro", "reasons", "law", "next"],
  },
};

/** The letter in one language. `formatDate` writes a calendar date the way that language does. */
export function composeLetter(facts: LetterFacts, language: LetterLanguage, t: Translate, formatDate: (iso: IsoDate, language: LetterLanguage) => string): Letter {
  const values: Record<string, string> = {
    organisation: facts.organisation,
    raisedOn: facts.raisedOn ? formatDate(facts.raisedOn, language) : t("common.dateUnknown"),
    repliedOn: facts.repliedOn ? formatDate(facts.repliedOn, language) : t("common.dateUnknown"),
    deadline: facts.deadline ? formatDate(facts.deadline, language) : t("common.dateUnknown"),
  };
  // A variant's own wording first, then the wording its letter kind shares.
  const text = (key: string) => t([`${facts.kind}.${facts.variant}.${key}`, `${facts.kind}.${key}`], values);
  return {
    language,
    kind: facts.kind,
    title: t(`${facts.kind}.title`),
    senderLines: [t("common.yourName"), t("common.yourAddress")],
    date: formatDate(facts.today, language),
    recipient: facts.organisation,
    subject: text("subject"),
    salutation: t("common.salutation"),
    paragraphs: PARAGRAPHS[facts.kind][facts.variant]!.map(text),
    closing: t("common.closing"),
    signature: [t("common.yourName")],
  };
}

/** Plain text, for copying into an email or a letter of their own. */
export function letterAsText(letter: Letter): string {
  return [
    ...letter.senderLines,
    "",
    letter.date,
    "",
    letter.recipient,
    "",
    letter.salutation,
    "",
    letter.subject,
    "",
    ...letter.paragraphs.flatMap((p) => [p, ""]),
    letter.closing,
    "",
    ...letter.signature,
  ].join("\n");
}
