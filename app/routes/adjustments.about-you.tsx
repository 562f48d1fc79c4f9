// Optional and sensitive: what they find hard. Why we ask, who can read it, and consent to keep it.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { SingleCheckbox, Textarea } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { DIFFICULTY_MAX, DifficultySchema, previousStep, stepPath } from "~/lib/adjustments";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { formatNumber } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { useLang, useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "about-you");
  return { difficulty: draft.difficulty ?? "", consent: Boolean(draft.consent), changing, back: stepPath(previousStep("about-you", draft)!) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, DifficultySchema);
  if (!result.ok) return data(result, { status: 400 });
  const { session, draft, lang, changing } = await journeyPage(request, context, "about-you");
  const difficulty = result.value.difficulty;
  const next = { ...draft, difficulty, consent: Boolean(difficulty) && result.value.consent === "yes", difficultyAnswered: true };
  return saveAndContinue(context, session, next, "about-you", lang, changing);
}

export default function AboutYou() {
  const { t } = useTranslation("adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? { difficulty: result.values.difficulty ?? "", consent: result.values.consent === "yes" } : saved;
  return (
    <JourneyPage title={t("difficulty.title")} back={saved.changing ? to("/adjustments/check") : to(saved.back)} errors={errors}>
      <h1 className="govuk-heading-l">
        {t("difficulty.title")} ({t("common:optional")})
      </h1>
      <h2 className="govuk-heading-s">{t("difficulty.whyHeading")}</h2>
      <p className="govuk-body">{t("difficulty.why")}</p>
      <h2 className="govuk-heading-s">{t("difficulty.whoHeading")}</h2>
      <p className="govuk-body">{t("difficulty.who")}</p>
      <Textarea
        id="difficulty"
        label={<span className="govuk-visually-hidden">{t("difficulty.title")}</span>}
        optional
        hint={t("difficulty.hint")}
        rows={6}
        error={errors.difficulty ? t(errors.difficulty) : undefined}
        defaultValue={values.difficulty}
        maxLength={DIFFICULTY_MAX}
        limitText={t("difficulty.limit", { limit: formatNumber(DIFFICULTY_MAX, lang) })}
      />
      <SingleCheckbox name="consent" legend={t("difficulty.consentLegend")} label={t("difficulty.consent")} error={errors.consent ? t(errors.consent) : undefined} checked={values.consent} />
    </JourneyPage>
  );
}
