// What would help: everyone sees the written and the spoken/contact options (no yes/no gate).
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Checkboxes, FormGroup, Hint, InlineError, Textarea } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { NeedsSchema } from "~/lib/adjustments";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { formatNumber } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { CONTACT_NEEDS, OTHER_NEED_MAX, WRITTEN_NEEDS } from "../../server/domain/adjustments/codes";
import { mergeNeeds } from "../../server/domain/adjustments/needs";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

const HINTED = new Set(["relay_uk", "bsl", "call_times", "single_contact"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "needs");
  return { codes: (draft.needs ?? []).map((n) => n.code as string), other: draft.other ?? "", changing };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, NeedsSchema);
  if (!result.ok) return data({ ...result, codes: form.getAll("needs").map(String) }, { status: 400 });
  const { session, draft, lang, changing } = await journeyPage(request, context, "needs");
  const next = { ...draft, needs: mergeNeeds(result.value.needs, draft.needs ?? []), other: result.value.other };
  return saveAndContinue(context, session, next, "needs", lang, changing);
}

export default function Needs() {
  const { t } = useTranslation("adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const codes = result && !result.ok ? result.codes : saved.codes;
  const other = result && !result.ok ? (result.values.other ?? "") : saved.other;
  const choice = (code: string) => ({ value: code, label: t(`need.${code}`), hint: HINTED.has(code) ? t(`needHint.${code}`) : undefined });
  const back = saved.changing ? to("/adjustments/check") : to("/adjustments");
  const describedBy = errors.needs ? "needs-hint needs-error" : "needs-hint";
  return (
    <JourneyPage title={t("needs.title")} back={back} errors={errors}>
      <h1 className="govuk-heading-l">{t("needs.title")}</h1>
      {/* One question in two groups of boxes: one hint and one error for both (the kit's parts). */}
      <FormGroup error={errors.needs}>
        <Hint id="needs" hint={t("needs.hint")} />
        <InlineError id="needs" error={errors.needs ? t(errors.needs) : undefined} />
        <Checkboxes name="needs" legend={t("needs.writtenLegend")} options={WRITTEN_NEEDS.map(choice)} values={codes} describedBy={describedBy} />
        <Checkboxes name="needs" idPrefix="needs-contact" legend={t("needs.contactLegend")} options={CONTACT_NEEDS.map(choice)} values={codes} describedBy={describedBy} />
      </FormGroup>
      <Textarea
        id="other"
        label={t("needs.otherLabel")}
        optional
        hint={t("needs.otherHint")}
        rows={4}
        error={errors.other ? t(errors.other) : undefined}
        defaultValue={other}
        maxLength={OTHER_NEED_MAX}
        limitText={t("needs.otherLimit", { limit: formatNumber(OTHER_NEED_MAX, lang) })}
      />
    </JourneyPage>
  );
}
