// One question of the concerns assistant, whichever it is: the journey is computed from the
// answers so far, so a page ahead of them sends the person back to the first unanswered one.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, Checkboxes, ChooseOne, CsrfInput, DateInput, ErrorSummary, type FieldError, JOURNEY_FORM_ID, type Option, Radios, submittedDate, TextInput } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { qKey, stepPath } from "~/lib/concerns";
import { capitalise, errorText } from "~/lib/concerns-ui";
import { floorFor, loadJourney, parseChangeFrom, pathAfterAnswer, pathBefore, redirectToJourney, saveConcernDraft } from "~/lib/concerns.server";
import { readForm, validate } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { commitSession } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { canShow, dateToParts, EEA_COUNTRIES, evaluate, isStep, previousStep, sectorGroupsFor, STEP_INPUT, type Answers, type Step } from "../../server/domain/concerns";
import { NO_EXCEPTION } from "../../server/domain/concerns/answers.js";
import { STEP_ANSWER } from "../../server/domain/concerns/steps.js";
import { stepSchema } from "../../server/domain/concerns/step-schema";
import { cachedPage } from "~/lib/page-cache.server";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };
// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!isStep(params.step)) throw data({ reason: "notFound" }, { status: 404 });
  const step: Step = params.step;
  const { url, lang, draft, evaluation, today } = await loadJourney(request, context);
  // Only questions already asked, and the next one, can be shown.
  if (!canShow(evaluation, step)) redirectToJourney(evaluation, lang);
  const change = parseChangeFrom(url);
  const previous = previousStep(evaluation, step);
  const back = change === "check" ? "/concerns/report/check" : change === "result" ? "/concerns/result" : previous ? stepPath(previous) : "/concerns";
  const value = draft.answers[STEP_ANSWER[step]];
  const floor = STEP_INPUT[step].kind === "date" ? floorFor(step, draft.answers, evaluation) : null;
  return {
    step,
    kind: STEP_INPUT[step].kind,
    options: (step === "country" ? EEA_COUNTRIES : step === "sector" ? [] : (STEP_INPUT[step].options ?? [])) as string[],
    // Organisation types: only those that fit the request, in groups.
    sectorGroups: step === "sector" ? sectorGroupsFor(draft.answers.topic).map((g) => ({ id: g.id, sectors: [...g.sectors] as string[] })) : [],
    value: typeof value === "string" ? value : "",
    values: Array.isArray(value) ? (value as string[]) : [],
    date: dateToParts(typeof value === "string" && STEP_INPUT[step].kind === "date" ? value : null),
    answers: { topic: draft.answers.topic, whatHappened: draft.answers.whatHappened, organisation: draft.answers.organisation } as Answers,
    back,
    change,
    floor,
    exampleYear: Number(today.slice(0, 4)) - 1,
    canSave: Object.keys(draft.answers).length > 0,
    lang,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!isStep(params.step)) throw data({ reason: "notFound" }, { status: 404 });
  const step: Step = params.step;
  const form = await readForm(request, context);
  const { url, lang, session, draft, evaluation, today } = await loadJourney(request, context);
  if (!canShow(evaluation, step)) redirectToJourney(evaluation, lang);
  const parsed = validate(form, stepSchema(step, { answers: draft.answers, path: pathBefore(evaluation, step), today }));
  if (!parsed.ok) {
    // One question a page, so one error. Ticked boxes go back as a list (values keeps one per name).
    const values: Record<string, string | string[]> = STEP_INPUT[step].kind === "checkboxes" ? { [STEP_ANSWER[step]]: form.getAll(STEP_ANSWER[step]).map(String) } : parsed.values;
    return data({ error: parsed.fieldErrors[0]!, values }, { status: 400 });
  }
  const answers: Answers = { ...draft.answers, [STEP_ANSWER[step]]: parsed.value };
  const updated = { ...draft, answers };
  saveConcernDraft(session, updated);
  const next = evaluate(answers, today);
  return redirect(localePath(pathAfterAnswer(next, updated, parseChangeFrom(url), step), lang), { headers: await commitSession(context, session) });
}

export default function ConcernQuestion() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { step, answers } = page;
  const error = result?.error as FieldError | undefined;
  const submitted = result?.values as Record<string, string | string[]> | undefined;
  const name = STEP_ANSWER[step];
  const values = { organisation: answers.organisation ?? "" };
  const title = t(qKey(step, "title", answers), values);
  const message = error ? errorText(t, error, lang) : undefined;
  const hintKey = qKey(step, "hint", answers);
  const hint = t(hintKey, { ...values, defaultValue: "" }) || undefined;
  const optionText = (value: string, part: "label" | "hint") => t(`${qKey(step, "options", answers)}.${value}.${part}`, { defaultValue: "" });
  const options: Option[] = page.options.map((value) => ({ value, label: optionText(value, "label"), hint: optionText(value, "hint") || undefined }));
  const dateHint = (
    <>
      {hint ? <span className="govuk-!-display-block govuk-!-margin-bottom-2">{hint}</span> : null}
      {t("date.hint", { example: `27 3 ${page.exampleYear}` })}
    </>
  );

  let field;
  switch (page.kind) {
    case "radios":
      field = <Radios name={name} legend={title} hint={hint} error={message} options={options} value={(submitted?.[name] as string) ?? page.value} isPageHeading />;
      break;
    case "checkboxes":
      field = (
        <Checkboxes
          name={name}
          legend={title}
          hint={hint}
          error={message}
          options={options}
          values={(submitted?.[name] as string[]) ?? page.values}
          exclusive={NO_EXCEPTION}
          dividerText={t("questions.exceptions.or")}
          isPageHeading
        />
      );
      break;
    case "select": {
      // Few choices are radios, many a select: ChooseOne decides (the threshold is in the kit).
      const question = { name, question: title, hint, error: message, value: page.value, placeholder: t(`questions.${step}.choose`), isPageHeading: true };
      field =
        step === "country" ? (
          <ChooseOne
            {...question}
            options={page.options.map((code) => ({ value: code, label: capitalise(t(`countries.${code}`)) })).sort((a, b) => a.label.localeCompare(b.label, lang === "cy" ? "cy" : "en-GB"))}
          />
        ) : (
          <ChooseOne {...question} groups={page.sectorGroups.map((g) => ({ label: t(`sectorGroups.${g.id}`), options: g.sectors.map((value) => ({ value, label: t(`sectors.${value}`) })) }))} />
        );
      break;
    }
    case "text":
      field = <TextInput id={name} label={title} hint={hint} error={message} defaultValue={(submitted?.[name] as string) ?? page.value} isPageHeading autoComplete="organization" />;
      break;
    case "date":
      field = (
        <DateInput
          name={name}
          legend={title}
          hint={dateHint}
          error={message}
          errorParts={error?.parts}
          value={submitted ? submittedDate(submitted, name) : page.date}
          isPageHeading
        />
      );
      break;
  }

  return (
    <>
      <BackLink to={to(page.back)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} error={Boolean(error)} />
          <ErrorSummary errors={error && message ? [{ field: error.field, message }] : []} />
          <span className="govuk-caption-l">{t("caption")}</span>
          <Form method="post" action={page.change ? `?change=${page.change}` : undefined} noValidate id={JOURNEY_FORM_ID}>
            <CsrfInput />
            {field}
            <Button>{t("actions.continue")}</Button>
          </Form>
          {page.canSave ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={to(`/concerns/save?from=${encodeURIComponent(stepPath(step))}`)}>
                {t("actions.save")}
              </Link>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
