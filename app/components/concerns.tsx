// Pieces the concerns pages share: the summary of the journey's answers and the list of
// other bodies that can help.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { qKey, stepPath, type ChangeFrom } from "~/lib/concerns";
import { capitalise } from "~/lib/concerns-ui";
import { formatDate } from "~/lib/format";
import { useLang, useLocalePath } from "~/lib/use-lang";
// Only the light domain modules: this runs in the page bundle.
import type { Answers } from "../../server/domain/concerns/answers.js";
import { helper as findHelper } from "../../server/domain/concerns/remit.js";
import { STEP_ANSWER, STEP_INPUT, type Step } from "../../server/domain/concerns/steps.js";

/** The answers on the path, as a GOV.UK summary list with a Change link for each. */
export function JourneyAnswers({ path, answers, changeFrom }: { path: Step[]; answers: Answers; changeFrom: ChangeFrom }) {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const values = { organisation: answers.organisation ?? "" };
  const answerText = (step: Step): string => {
    const value = answers[STEP_ANSWER[step]];
    const input = STEP_INPUT[step];
    if (value === undefined) return "";
    switch (input.kind) {
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
  return (
    <dl className="govuk-summary-list" data-testid="journey-answers">
      {path.map((step) => {
        const question = t(qKey(step, "title", answers), values);
        return (
          <div key={step} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{question}</dt>
            <dd className="govuk-summary-list__value ds-pre-wrap">{answerText(step)}</dd>
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={to(`${stepPath(step)}?change=${changeFrom}`)}>
                {t("common:actions.change")}
                <span className="govuk-visually-hidden"> {t("actions.changeHidden", { question })}</span>
              </Link>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Other bodies that can help, from the maintained list in server/domain/concerns/remit.ts. */
export function HelperList({ ids }: { ids: string[] }) {
  const { t } = useTranslation("concerns");
  return (
    <ul className="govuk-list ds-helpers" data-testid="helpers">
      {ids.map((id) => {
        const h = findHelper(id);
        const name = t(`helpers.${id}.name`);
        return (
          <li key={id} className="govuk-!-margin-bottom-4" data-helper={id}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{name}</h3>
            <p className="govuk-body govuk-!-margin-bottom-1">{t(`helpers.${id}.what`)}</p>
            <a className="govuk-link" href={h.url} rel="noreferrer">
              {t("helpers.visit", { name })}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
