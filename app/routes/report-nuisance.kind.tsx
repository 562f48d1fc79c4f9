// Choose the kind of the next contact; the contacts so far are shown above.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Radios } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { readForm, validate } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { BASE, CONTACT_KINDS, KindSchema, MAX_CONTACTS } from "~/lib/nuisance";
import { loadDraft } from "~/lib/nuisance.server";
import { ContactsSoFar } from "~/lib/nuisance-ui";
import { useLang, useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, lang } = await loadDraft(request, context);
  if (draft.contacts.length >= MAX_CONTACTS) throw redirect(localePath(`${BASE}/contacts`, lang));
  return { contacts: draft.contacts };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, KindSchema);
  if (!result.ok) return data(result, { status: 400 });
  const { lang } = await loadDraft(request, context);
  return redirect(localePath(`${BASE}/contact/new?kind=${result.value.kind}`, lang));
}

export default function Kind() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const lang = useLang();
  const { contacts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const title = contacts.length ? t("kind.titleAnother") : t("kind.title");
  return (
    <JourneyPage ns="nuisance" title={title} back={to(contacts.length ? `${BASE}/contacts` : BASE)} errors={errors} before={<ContactsSoFar contacts={contacts} lang={lang} />}>
      <Radios
        name="kind"
        legend={title}
        legendSize="l"
        isPageHeading
        error={errors.kind ? t(errors.kind) : undefined}
        options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`), hint: t(`kind.hint.${k}`) }))}
      />
    </JourneyPage>
  );
}
