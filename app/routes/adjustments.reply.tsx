// How to tell them our decision: only the ways their contact details allow, or a letter.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Radios, Textarea } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { ADDRESS_MAX, previousStep, replyOptions, ReplySchema, stepPath } from "~/lib/adjustments";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { formatNumber } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { useLang, useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "reply");
  return {
    options: replyOptions(draft),
    email: draft.email ?? "",
    phone: draft.phone ?? "",
    replyBy: draft.replyBy ?? "",
    address: draft.address ?? "",
    changing,
    back: stepPath(previousStep("reply", draft)!),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { session, draft, lang, changing } = await journeyPage(request, context, "reply");
  const result = validate(form, ReplySchema);
  // A way their contact details do not allow (a tampered form) counts as no choice.
  if (result.ok && !replyOptions(draft).includes(result.value.replyBy)) {
    return data({ ok: false as const, errors: { replyBy: "adjustments:errors.replyBy.required" } as Record<string, string>, values: { address: result.value.address } as Record<string, string> }, { status: 400 });
  }
  if (!result.ok) return data(result, { status: 400 });
  // The address is kept only for a letter: ask only what is needed.
  const address = result.value.replyBy === "letter" ? result.value.address : "";
  return saveAndContinue(context, session, { ...draft, replyBy: result.value.replyBy, address }, "reply", lang, changing);
}

export default function Reply() {
  const { t } = useTranslation("adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? { replyBy: result.values.replyBy ?? "", address: result.values.address ?? "" } : saved;
  return (
    <JourneyPage title={t("reply.title")} back={saved.changing ? to("/adjustments/check") : to(saved.back)} errors={errors}>
      <Radios
        name="replyBy"
        isPageHeading
        legendSize="l"
        legend={t("reply.title")}
        error={errors.replyBy ? t(errors.replyBy) : undefined}
        value={values.replyBy}
        options={saved.options.map((o) => ({ value: o, label: t(`reply.${o}`, { email: saved.email, phone: saved.phone }) }))}
      />
      <Textarea
        id="address"
        label={t("reply.address")}
        hint={t("reply.addressHint")}
        rows={4}
        error={errors.address ? t(errors.address) : undefined}
        defaultValue={values.address}
        maxLength={ADDRESS_MAX}
        limitText={t("needs.otherLimit", { limit: formatNumber(ADDRESS_MAX, lang) })}
      />
    </JourneyPage>
  );
}
