// One-off or ongoing.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Radios } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { DurationSchema, previousStep, stepPath } from "~/lib/adjustments";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { readForm, validate } from "~/lib/forms.server";
import { useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "duration");
  return { duration: draft.duration ?? "", changing, back: stepPath(previousStep("duration", draft)!) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, DurationSchema);
  if (!result.ok) return data(result, { status: 400 });
  const { session, draft, lang, changing } = await journeyPage(request, context, "duration");
  return saveAndContinue(context, session, { ...draft, duration: result.value.duration }, "duration", lang, changing);
}

export default function Duration() {
  const { t } = useTranslation("adjustments");
  const to = useLocalePath();
  const { duration, changing, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  return (
    <JourneyPage title={t("duration.title")} back={changing ? to("/adjustments/check") : to(back)} errors={errors}>
      <Radios
        name="duration"
        isPageHeading
        legendSize="l"
        legend={t("duration.title")}
        error={errors.duration ? t(errors.duration) : undefined}
        value={duration}
        options={[
          { value: "one_off", label: t("duration.one_off"), hint: t("duration.one_offHint") },
          { value: "ongoing", label: t("duration.ongoing"), hint: t("duration.ongoingHint") },
        ]}
      />
    </JourneyPage>
  );
}
