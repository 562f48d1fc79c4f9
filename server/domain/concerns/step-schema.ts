// One zod schema per question of the concerns assistant, read through the form kit's validate()
// like every other form. Each schema's output is that question's answer. A date's problem names
// the box it belongs to (issue params `box` and `parts`, see checkDateParts), so the error summary
// links to the first wrong box and the date input marks only the wrong ones.
import { z } from "zod";
import type { IsoDate } from "../cases/working-days.js";
import { EXCEPTIONS, NO_EXCEPTION, type Answers } from "./answers.js";
import { checkPastDate, dateFailure, parseDateParts, type DatePart } from "./dates.js";
import { dateFloor } from "./journey.js";
import { isEeaCountry } from "./remit.js";
import { sectorFits } from "./sectors.js";
import { ORGANISATION_NAME_MAX, STEP_ANSWER, STEP_INPUT, type Step } from "./steps.js";

/** What is wrong with a date, as a message key and where: the box to link to and the boxes to mark (none: all). */
export type DateProblem = { key: string; box: DatePart; parts?: DatePart[]; params?: { date: IsoDate; eventKey: string } };

export type DateRules = {
  today: IsoDate;
  /** Which date it is, for "the date … must be today or in the past": a question's step or a timeline "entry". */
  dateOf: Step | "entry";
  /** The earliest it may be, and the earlier answer that sets it (a reply cannot come before the request). */
  floor?: { date: IsoDate; step: Step } | null;
};

/** Reads the three boxes of a date that has happened. */
export function checkDateParts(boxes: { day?: string; month?: string; year?: string }, rules: DateRules): { ok: true; iso: IsoDate } | ({ ok: false } & DateProblem) {
  const parsed = parseDateParts(boxes);
  if (!parsed.ok) {
    const { code, box, parts } = dateFailure(parsed);
    return { ok: false, key: `errors.date.${code}`, box, parts };
  }
  const problem = checkPastDate(parsed.iso, { today: rules.today, notBefore: rules.floor?.date ?? null });
  if (problem === "future") return { ok: false, key: `errors.date.future.${rules.dateOf}`, box: "day" };
  if (problem === "too_early") return { ok: false, key: "errors.date.too_early", box: "day", params: { date: rules.floor!.date, eventKey: `errors.dateEvents.${rules.floor!.step}` } };
  return { ok: true, iso: parsed.iso };
}

const box = z.string().optional();

/** A GOV.UK date input named `name` (fields `<name>-day`, `-month`, `-year`) as an ISO date that has happened. */
export function dateField(name: string, rules: DateRules) {
  return z.object({ [`${name}-day`]: box, [`${name}-month`]: box, [`${name}-year`]: box }).transform((v, ctx): IsoDate => {
    const checked = checkDateParts({ day: v[`${name}-day`], month: v[`${name}-month`], year: v[`${name}-year`] }, rules);
    if (checked.ok) return checked.iso;
    ctx.addIssue({ code: "custom", path: [name], message: checked.key, params: { box: checked.box, parts: checked.parts, ...checked.params } });
    return z.NEVER;
  });
}

/** The message when nothing (or nothing offered) is chosen; "raised" has a credit-file wording. */
function requiredKey(step: Step, answers: Answers): string {
  return `questions.${step}.${step === "raised" ? `required_${answers.topic === "credit" ? "credit" : "personal"}` : "required"}`;
}

/**
 * The schema of one question's page. `path` is the questions asked before it (a date's floor
 * comes from their answers); the output is the answer to store.
 */
export function stepSchema(step: Step, { answers, path, today }: { answers: Answers; path: readonly Step[]; today: IsoDate }): z.ZodType<Answers[keyof Answers]> {
  const name = STEP_ANSWER[step];
  const input = STEP_INPUT[step];
  const required = requiredKey(step, answers);
  const one = (fits: (value: string) => boolean) => z.object({ [name]: z.string({ error: required }).refine(fits, required) }).transform((v) => v[name] as never);
  switch (input.kind) {
    case "radios":
      return one((value) => input.options!.includes(value));
    case "select":
      return one((value) => (step === "country" ? isEeaCountry(value) : sectorFits(answers.topic, value)));
    case "text": {
      const organisation = z
        .string({ error: "questions.organisation.required" })
        .transform((raw) => raw.trim().replace(/\s+/g, " "))
        .pipe(z.string().min(1, "questions.organisation.required").max(ORGANISATION_NAME_MAX, "questions.organisation.tooLong"));
      return z.object({ [name]: organisation }).transform((v) => v[name] as never);
    }
    case "checkboxes": {
      const known: readonly string[] = [...EXCEPTIONS, NO_EXCEPTION];
      return z.object({ [name]: z.array(z.string()).optional() }).transform((v, ctx) => {
        const chosen = [...new Set((v[name] ?? []).filter((value) => known.includes(value)))];
        if (chosen.length === 0) ctx.addIssue({ code: "custom", path: [name], message: required });
        else if (chosen.includes(NO_EXCEPTION) && chosen.length > 1) ctx.addIssue({ code: "custom", path: [name], message: "questions.exceptions.exclusive" });
        else return chosen as never;
        return z.NEVER;
      });
    }
    case "date":
      return dateField(name, { today, dateOf: step, floor: dateFloor(step, answers, path) });
  }
}
