// Server side of the concerns assistant's questions: the draft in the session, reading and
// checking one answer, and where to go next.
import { randomUUID } from "node:crypto";
import { redirect, type AppLoadContext } from "react-router";
import {
  checkPastDate,
  dateFloor,
  evaluate,
  EXCEPTIONS,
  isEeaCountry,
  isReportOutcome,
  NO_EXCEPTION,
  nextReportStep,
  ORGANISATION_NAME_MAX,
  parseDateParts,
  STEP_ANSWER,
  STEP_INPUT,
  sectorFits,
  stepAfter,
  type Answers,
  type Evaluation,
  type Step,
} from "../../server/domain/concerns";
import { londonDate } from "../../server/domain/cases";
import type { AppSession } from "../../server/auth/sessions";
import { CONCERNS_DRAFT, stepPath, type ChangeFrom, type ConcernDraft, type FieldError } from "./concerns";
export type { FieldError };
import { langFromPath, localePath, type Lang } from "./lang";
import { getDraft, getSession, setDraft } from "./session.server";


export function getConcernDraft(session: AppSession): ConcernDraft {
  const stored = getDraft<ConcernDraft>(session, CONCERNS_DRAFT);
  return { journeyId: stored.journeyId ?? "", answers: stored.answers ?? {}, report: stored.report ?? {}, idempotencyKey: stored.idempotencyKey, saved: stored.saved };
}

export function saveConcernDraft(session: AppSession, draft: ConcernDraft) {
  setDraft(session, CONCERNS_DRAFT, { ...draft, journeyId: draft.journeyId || randomUUID() } as unknown as Record<string, unknown>);
}

export function hasStarted(draft: ConcernDraft): boolean {
  return Object.keys(draft.answers).length > 0;
}

export function todayIn(context: AppLoadContext): string {
  return londonDate(context.services.now());
}

export async function loadJourney(request: Request, context: AppLoadContext) {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname);
  const session = await getSession(request, context);
  const draft = getConcernDraft(session);
  const today = todayIn(context);
  const evaluation = evaluate(draft.answers, today);
  return { url, lang, session, draft, today, evaluation };
}

export function parseChangeFrom(url: URL): ChangeFrom | null {
  const value = url.searchParams.get("change");
  return value === "check" || value === "result" ? value : null;
}

/** Where someone who comes back should carry on: the next question, the next report page, or the result. */
export function resumePath(evaluation: Evaluation, draft: ConcernDraft): string {
  if (evaluation.next) return stepPath(evaluation.next);
  if (isReportOutcome(evaluation.outcome) && Object.keys(draft.report).length > 0) {
    const step = nextReportStep(draft.report, evaluation.outcome.kind === "report_late");
    return step ? `/concerns/report/${step}` : "/concerns/report/check";
  }
  return "/concerns/result";
}

/** A "come back to" address from a query string: only the assistant's own pages. */
export function safeFrom(value: string | null): string {
  return value && /^\/concerns(\/[a-z0-9-]+){0,3}$/.test(value) ? value : "/concerns/result";
}

/**
 * The page after answering `step`: the next question on the path (answered or not), or the
 * result. When changing an answer from the check or result page, only a question the change
 * opened is asked before going back there.
 */
export function pathAfterAnswer(evaluation: Evaluation, draft: ConcernDraft, change: ChangeFrom | null, step: Step): string {
  if (!change) {
    const following = stepAfter(evaluation, step);
    return following ? stepPath(following) : "/concerns/result";
  }
  if (evaluation.next) return stepPath(evaluation.next) + `?change=${change}`;
  if (change === "check" && isReportOutcome(evaluation.outcome)) {
    const step = nextReportStep(draft.report, evaluation.outcome.kind === "report_late");
    return step ? `/concerns/report/${step}` : "/concerns/report/check";
  }
  return "/concerns/result";
}

/** Sends a deep link ahead of the answers back to the first unanswered question. */
export function redirectToJourney(evaluation: Evaluation, lang: Lang): never {
  throw redirect(localePath(evaluation.next ? stepPath(evaluation.next) : "/concerns/result", lang));
}

export type DateCheck = { ok: true; iso: string } | { ok: false; error: FieldError; parts: { day: string; month: string; year: string } };

/**
 * Reads a GOV.UK date input named `name` and checks it has happened (and is not before `floor`).
 * `dateOf` names which date it is in the "must be today or in the past" message: a question's step,
 * or "entry" for a timeline entry.
 */
export function readDate(form: FormData, name: string, rules: { today: string; dateOf: Step | "entry"; floor?: { date: string; step: Step } | null }): DateCheck {
  const parts = { day: String(form.get(`${name}-day`) ?? ""), month: String(form.get(`${name}-month`) ?? ""), year: String(form.get(`${name}-year`) ?? "") };
  const parsed = parseDateParts(parts);
  if (!parsed.ok) {
    const key = parsed.error === "incomplete" ? `errors.date.incomplete_${parsed.missing!.join("_")}` : `errors.date.${parsed.error}`;
    return { ok: false, parts, error: { field: `${name}-${parsed.parts[0]}`, key, parts: parsed.parts } };
  }
  const problem = checkPastDate(parsed.iso, { today: rules.today, notBefore: rules.floor?.date ?? null });
  if (problem === "future") return { ok: false, parts, error: { field: `${name}-day`, key: `errors.date.future.${rules.dateOf}` } };
  if (problem === "too_early") {
    return { ok: false, parts, error: { field: `${name}-day`, key: "errors.date.too_early", params: { date: rules.floor!.date, eventKey: `errors.dateEvents.${rules.floor!.step}` } } };
  }
  return { ok: true, iso: parsed.iso };
}

export type StepParse =
  | { ok: true; value: Answers[keyof Answers] }
  | { ok: false; error: FieldError; values: Record<string, string | string[]> };

/** Reads and checks the answer to one question. `path` is the questions asked before it. */
export function parseStepAnswer(step: Step, form: FormData, answers: Answers, evaluation: Evaluation, today: string): StepParse {
  const name = STEP_ANSWER[step];
  const input = STEP_INPUT[step];
  const requiredKey = `questions.${step}.${step === "raised" ? `required_${answers.topic === "credit" ? "credit" : "personal"}` : "required"}`;
  const fail = (error: FieldError, values: Record<string, string | string[]> = {}): StepParse => ({ ok: false, error, values });
  switch (input.kind) {
    case "radios": {
      const value = form.get(name);
      if (typeof value !== "string" || !input.options!.includes(value)) return fail({ field: name, key: requiredKey });
      return { ok: true, value: value as never };
    }
    case "select": {
      const value = String(form.get(name) ?? "");
      const valid = step === "country" ? isEeaCountry(value) : sectorFits(answers.topic, value);
      if (!valid) return fail({ field: name, key: requiredKey });
      return { ok: true, value: value as never };
    }
    case "text": {
      const raw = String(form.get(name) ?? "");
      const value = raw.trim().replace(/\s+/g, " ");
      if (value.length === 0) return fail({ field: name, key: "questions.organisation.required" }, { [name]: raw });
      if (value.length > ORGANISATION_NAME_MAX) return fail({ field: name, key: "questions.organisation.tooLong" }, { [name]: raw });
      return { ok: true, value };
    }
    case "checkboxes": {
      const values = form.getAll(name).map(String);
      const known = [...EXCEPTIONS, NO_EXCEPTION] as string[];
      const chosen = [...new Set(values.filter((v) => known.includes(v)))];
      if (chosen.length === 0) return fail({ field: name, key: requiredKey });
      if (chosen.includes(NO_EXCEPTION) && chosen.length > 1) return fail({ field: name, key: "questions.exceptions.exclusive" }, { [name]: chosen });
      return { ok: true, value: chosen as never };
    }
    case "date": {
      const path = evaluation.path.includes(step) ? evaluation.path.slice(0, evaluation.path.indexOf(step)) : evaluation.path;
      const result = readDate(form, name, { today, dateOf: step, floor: dateFloor(step, answers, path) });
      if (!result.ok) return fail(result.error, { [`${name}-day`]: result.parts.day, [`${name}-month`]: result.parts.month, [`${name}-year`]: result.parts.year });
      return { ok: true, value: result.iso };
    }
  }
}

/** The floor a date question has now, for its hint and errors. */
export function floorFor(step: Step, answers: Answers, evaluation: Evaluation) {
  const path = evaluation.path.includes(step) ? evaluation.path.slice(0, evaluation.path.indexOf(step)) : evaluation.path;
  return dateFloor(step, answers, path);
}

export { getSession };
