// Server side of the concerns assistant's questions: the draft in the session, reading and
// checking one answer, and where to go next.
import { randomUUID } from "node:crypto";
import { redirect, type AppLoadContext } from "react-router";
import { dateFloor, evaluate, isReportOutcome, nextReportStep, stepAfter, type Answers, type Evaluation, type Step } from "../../server/domain/concerns";
import { checkDateParts, type DateRules } from "../../server/domain/concerns/step-schema";
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
 * Reads a GOV.UK date input named `name` outside a question page (a timeline entry), with the
 * same rules and messages as the questions' date schema (server/domain/concerns/step-schema.ts).
 */
export function readDate(form: FormData, name: string, rules: DateRules): DateCheck {
  const parts = { day: String(form.get(`${name}-day`) ?? ""), month: String(form.get(`${name}-month`) ?? ""), year: String(form.get(`${name}-year`) ?? "") };
  const checked = checkDateParts(parts, rules);
  if (checked.ok) return checked;
  return { ok: false, parts, error: { field: `${name}-${checked.box}`, key: checked.key, ...(checked.parts ? { parts: checked.parts } : {}), ...(checked.params ? { params: checked.params } : {}) } };
}

/** The questions asked before `step` on the path (a date's floor comes from their answers). */
export function pathBefore(evaluation: Evaluation, step: Step): Step[] {
  return evaluation.path.includes(step) ? evaluation.path.slice(0, evaluation.path.indexOf(step)) : evaluation.path;
}

/** The floor a date question has now, for its hint and errors. */
export function floorFor(step: Step, answers: Answers, evaluation: Evaluation) {
  return dateFloor(step, answers, pathBefore(evaluation, step));
}

export { getSession };
