// Contact details: a name, and an email address, a phone number or both.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Hint, Legend, TextInput } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { ContactSchema, previousStep, stepPath } from "~/lib/adjustments";
import { journeyPage, saveAndContinue } from "~/lib/adjustments.server";
import { readForm, validate } from "~/lib/forms.server";
import { useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, changing } = await journeyPage(request, context, "contact");
  return { name: draft.name ?? "", email: draft.email ?? "", phone: draft.phone ?? "", changing, back: stepPath(previousStep("contact", draft)!) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, ContactSchema);
  if (!result.ok) return data(result, { status: 400 });
  const { session, draft, lang, changing } = await journeyPage(request, context, "contact");
  return saveAndContinue(context, session, { ...draft, ...result.value }, "contact", lang, changing);
}

export default function ContactDetails() {
  const { t } = useTranslation("adjustments");
  const to = useLocalePath();
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? { name: result.values.name ?? "", email: result.values.email ?? "", phone: result.values.phone ?? "" } : saved;
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <JourneyPage title={t("contactDetails.title")} back={saved.changing ? to("/adjustments/check") : to(saved.back)} errors={errors}>
      <fieldset className="govuk-fieldset" aria-describedby="contact-hint">
        <Legend legend={t("contactDetails.title")} isPageHeading />
        <Hint id="contact" hint={t("contactDetails.hint")} />
        <TextInput id="name" label={t("contactDetails.name")} autoComplete="name" spellCheck={false} error={err("name")} defaultValue={values.name} />
        <TextInput id="email" type="email" label={t("contactDetails.email")} hint={t("contactDetails.emailHint")} autoComplete="email" spellCheck={false} error={err("email")} defaultValue={values.email} />
        <TextInput id="phone" type="tel" label={t("contactDetails.phone")} hint={t("contactDetails.phoneHint")} autoComplete="tel" width="20" error={err("phone")} defaultValue={values.phone} />
      </fieldset>
    </JourneyPage>
  );
}
