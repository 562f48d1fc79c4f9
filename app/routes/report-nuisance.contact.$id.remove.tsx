// Remove one contact from the report, after asking.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Radios } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { readForm, validate } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { BASE, RemoveSchema } from "~/lib/nuisance";
import { requirePage, saveAndGo } from "~/lib/nuisance.server";
import { describeContact } from "~/lib/nuisance-ui";
import { useLang, useLocalePath } from "~/lib/use-lang";

async function find(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  const loaded = await requirePage(request, context, "contacts");
  const contact = loaded.draft.contacts.find((c) => c.id === id);
  if (!contact) throw redirect(localePath(`${BASE}/contacts`, loaded.lang));
  return { ...loaded, contact };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { contact } = await find(request, context, params.id!);
  return { contact };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const loaded = await find(request, context, params.id!);
  const result = validate(form, RemoveSchema);
  if (!result.ok) return data(result, { status: 400 });
  if (result.value.confirm === "no") return redirect(localePath(`${BASE}/contacts`, loaded.lang));
  const { idempotencyKey: _changed, ...rest } = loaded.draft;
  const contacts = loaded.draft.contacts.filter((c) => c.id !== loaded.contact.id);
  return saveAndGo(context, loaded, { ...rest, contacts }, contacts.length ? `${BASE}/contacts` : `${BASE}/kind`);
}

export default function Remove() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const lang = useLang();
  const { contact } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  return (
    <JourneyPage ns="nuisance" title={t("remove.title")} back={to(`${BASE}/contacts`)} errors={errors}>
      <Radios
        name="confirm"
        legend={t("remove.title")}
        legendSize="l"
        isPageHeading
        hint={describeContact(contact, t, lang)}
        error={errors.confirm ? t(errors.confirm) : undefined}
        options={[
          { value: "yes", label: t("remove.yes") },
          { value: "no", label: t("remove.no") },
        ]}
      />
    </JourneyPage>
  );
}
