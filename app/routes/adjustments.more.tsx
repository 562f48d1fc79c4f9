// Follow-up questions for the needs chosen (large-print size, Braille grade, when to call…):
// a page of their own instead of conditional reveals, so they work without JavaScript.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Radios, TextInput } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { applyFollowUps, followUpSchema, previousStep, stepPath } from "~/lib/adjustments";
import { describeNeed } from "~/lib/adjustments-labels";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { readForm, validate } from "~/lib/forms.server";
import { useLocalePath } from "~/lib/use-lang";
import { BRAILLE_GRADES, BSL_KINDS, FONTS, LARGE_PRINT_SIZES, MEETING_KINDS, PAPER_COLOURS, type Need } from "../../server/domain/adjustments/codes";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "more");
  return { needs: draft.needs ?? [], changing, back: stepPath(previousStep("more", draft) ?? "needs") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { session, draft, lang, changing } = await journeyPage(request, context, "more");
  const needs = draft.needs ?? [];
  const result = validate(form, followUpSchema(needs));
  if (!result.ok) return data(result, { status: 400 });
  const next = { ...draft, needs: applyFollowUps(needs, result.value as Record<string, unknown>), moreAnswered: true };
  return saveAndContinue(context, session, next, "more", lang, changing);
}

export default function More() {
  const { t } = useTranslation("adjustments");
  const to = useLocalePath();
  const { needs, changing, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const posted = result && !result.ok ? result.values : null;
  const value = (need: Need, field: keyof Need) => (posted ? (posted[field] ?? "") : ((need[field] as string | undefined) ?? ""));
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const has = (code: Need["code"]) => needs.find((n) => n.code === code);
  const radios = (need: Need | undefined, field: "size" | "colour" | "font" | "grade" | "bsl" | "meeting", options: readonly string[], label: (o: string) => string, hint?: string) =>
    need ? <Radios key={field} name={field} legend={t(`more.${field}`)} hint={hint} error={err(field)} value={value(need, field)} options={options.map((o) => ({ value: o, label: label(o) }))} /> : null;
  const font = has("font");
  const times = has("call_times");
  const extra = has("more_time");
  return (
    <JourneyPage title={t("more.title")} back={changing ? to("/adjustments/check") : to(back)} errors={errors}>
      <h1 className="govuk-heading-l">{t("more.title")}</h1>
      <ul className="govuk-list govuk-list--bullet">
        {needs.map((n) => (
          <li key={n.code}>{describeNeed({ code: n.code }, t)}</li>
        ))}
      </ul>
      {radios(has("large_print"), "size", LARGE_PRINT_SIZES, (o) => t("more.sizeOption", { size: o }), t("more.sizeHint"))}
      {radios(has("coloured_paper"), "colour", PAPER_COLOURS, (o) => t(`colour.${o}`))}
      {radios(font, "font", FONTS, (o) => t(`fontName.${o}`))}
      {font ? <TextInput id="fontName" label={t("more.fontName")} optional error={err("fontName")} defaultValue={value(font, "fontName")} /> : null}
      {radios(has("braille"), "grade", BRAILLE_GRADES, (o) => t(`grade.${o}`))}
      {radios(has("bsl"), "bsl", BSL_KINDS, (o) => t(`bsl.${o}`))}
      {times ? <TextInput id="times" label={t("more.times")} hint={t("more.timesHint")} error={err("times")} defaultValue={value(times, "times")} /> : null}
      {extra ? <TextInput id="extra" label={t("more.extra")} hint={t("more.extraHint")} optional error={err("extra")} defaultValue={value(extra, "extra")} /> : null}
      {radios(has("meeting"), "meeting", MEETING_KINDS, (o) => t(`meeting.${o}`))}
    </JourneyPage>
  );
}
