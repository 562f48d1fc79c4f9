// Small helpers the concerns pages share for showing text.
import type { SummaryRow } from "~/components/form";
import type { Answers } from "../../server/domain/concerns/answers.js";
import { STEP_ANSWER, STEP_INPUT, type Step } from "../../server/domain/concerns/steps.js";
import { qKey, stepPath, type ChangeFrom, type FieldError } from "./concerns";
import { formatDate } from "./format";
import { localePath, type Lang } from "./lang";

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The message for an error, with its date written in the page's language. */
export function errorText(t: (key: string, values?: Record<string, unknown>) => string, error: FieldError, lang: Lang): string {
  const params: Record<string, unknown> = {};
  if (error.params?.date) params.date = formatDate(error.params.date, lang);
  if (error.params?.eventKey) params.event = t(error.params.eventKey);
  if (error.params?.name) params.name = error.params.name;
  return t(error.key, params);
}

/** The journey's answers on its path as summary-list rows, each with its Change link. */
export function journeyAnswerRows(
  t: (key: string, values?: Record<string, unknown>) => string,
  lang: Lang,
  input: { path: Step[]; answers: Answers; changeFrom: ChangeFrom },
): SummaryRow[] {
  const { path, answers, changeFrom } = input;
  const values = { organisation: answers.organisation ?? "" };
  const answerText = (step: Step): string => {
    const value = answers[STEP_ANSWER[step]];
    const kind = STEP_INPUT[step].kind;
    if (value === undefined) return "";
    switch (kind) {
      case "radios":
        return t(`${qKey(step, "options", answers)}.${String(value)}.label`);
      case "checkboxes":
        return (value as string[]).map((v) => t(`questions.${step}.options.${v}.label`)).join(", ");
      case "select":
        return step === "country" ? capitalise(t(`countries.${String(value)}`)) : t(`sectors.${String(value)}`);
      case "date":
        return formatDate(String(value), lang);
      case "text":
        return String(value);
    }
  };
  return path.map((step) => {
    const question = t(qKey(step, "title", answers), values);
    return {
      id: step,
      key: question,
      value: answerText(step),
      href: localePath(`${stepPath(step)}?change=${changeFrom}`, lang),
      changeLabel: t("actions.changeHidden", { question }),
    };
  });
}
