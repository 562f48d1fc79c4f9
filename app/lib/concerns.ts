// The concerns assistant's journey as the pages see it: the session draft's shape, question
// wording variants and addresses. Safe for the browser bundle (types and plain functions only).
import type { Answers, Report, Step } from "../../server/domain/concerns";

export const CONCERNS_DRAFT = "concerns";

/** What the session keeps while someone goes through the assistant and its report form. */
export type ConcernDraft = {
  /** Ties uploads and saved copies to this journey. */
  journeyId: string;
  answers: Answers;
  report: Report;
  /** One key per completed report: a double click or a resubmit finds the same case. */
  idempotencyKey?: string;
  /** Where the last "save and come back later" link went, to say so on the next page. */
  saved?: { email: string; until: string };
};

/** The form kit's one error shape (keys in the concerns namespace). */
export type { FieldError } from "~/components/form/field-error";

export const stepPath = (step: Step) => `/concerns/q/${step}`;

/** Where a "Change" link sends the person back to once they have answered. */
export type ChangeFrom = "result" | "check";

/** Which wording of a question fits the story so far (the SAR, FOI, credit and other versions). */
export function questionVariant(step: Step, answers: Answers): string | null {
  const request = answers.topic === "foi" || answers.topic === "eir";
  switch (step) {
    case "organisation":
      return answers.topic === "credit" ? "credit" : request ? "request" : "personal";
    case "raised":
      return answers.topic === "credit" ? "credit" : "personal";
    case "raised-on":
      if (request) return "request";
      if (answers.topic === "credit") return "credit";
      return answers.whatHappened === "sar" ? "sar" : "personal";
    case "replied":
      return request ? "request" : "personal";
    default:
      return null;
  }
}

/** The fields of a question whose key depends on the variant (title_sar, options_request…). */
const VARIANT_FIELDS: Partial<Record<Step, string[]>> = {
  organisation: ["hint"],
  raised: ["title", "required"],
  "raised-on": ["title"],
  replied: ["title", "options"],
};

/** The i18n key of one part of a question, e.g. qKey("raised-on", "title", answers) → "questions.raised-on.title_sar". */
export function qKey(step: Step, field: string, answers: Answers): string {
  const variant = VARIANT_FIELDS[step]?.includes(field) ? questionVariant(step, answers) : null;
  return `questions.${step}.${field}${variant ? `_${variant}` : ""}`;
}

/** "5.0 MB", "312 KB": sizes as people read them. */
export function formatBytes(bytes: number, lang: "en" | "cy"): string {
  const locale = lang === "cy" ? "cy" : "en-GB";
  if (bytes >= 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
