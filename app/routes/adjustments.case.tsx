// An optional case reference, checked against real cases.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { TextInput } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { CaseSchema, previousStep, stepPath } from "~/lib/adjustments";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { readForm, validate } from "~/lib/forms.server";
import { useLocalePath } from "~/lib/use-lang";
import { findCaseByReference } from "../../server/adjustments";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "case");
  return { caseReference: draft.caseReference ?? "", changing, back: stepPath(previousStep("case", draft)!) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, CaseSchema);
  if (!result.ok) return data(result, { status: 400 });
  let caseReference = "";
  if (result.value.caseReference) {
    const found = await findCaseByReference(context.services.prisma, result.value.caseReference);
    if (found.state !== "found") {
      const key = found.state === "invalid" ? "invalid" : "unknown";
      return data({ ok: false as const, errors: { caseReference: `adjustments:errors.caseReference.${key}` }, values: { caseReference: result.value.caseReference } }, { status: 400 });
    }
    caseReference = found.reference;
  }
  const { session, draft, lang, changing } = await journeyPage(request, context, "case");
  return saveAndContinue(context, session, { ...draft, caseReference, caseAnswered: true }, "case", lang, changing);
}

export default function CaseReference() {
  const { t } = useTranslation("adjustments");
  const to = useLocalePath();
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const value = result && !result.ok ? (result.values.caseReference ?? "") : saved.caseReference;
  return (
    <JourneyPage title={t("case.title")} back={saved.changing ? to("/adjustments/check") : to(saved.back)} errors={errors}>
      <TextInput
        id="caseReference"
        isPageHeading
        optional
        label={t("case.title")}
        hint={t("case.hint")}
        width="10"
        spellCheck={false}
        error={errors.caseReference ? t(errors.caseReference) : undefined}
        defaultValue={value}
      />
    </JourneyPage>
  );
}
