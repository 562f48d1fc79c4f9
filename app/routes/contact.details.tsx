import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, JOURNEY_FORM_ID, Legend, TextInput } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { contactGuard, ContactDetailsSchema, type ContactDraft } from "~/lib/contact";
import { readForm, validate } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getDraft, getSession, setDraft } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const draft = getDraft<ContactDraft>(session, "contact");
  const missing = contactGuard("/contact/details", draft);
  if (missing) throw redirect(localePath(missing, langFromPath(new URL(request.url).pathname)));
  return { name: draft.name ?? "", email: draft.email ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, ContactDetailsSchema);
  if (!result.ok) return data(result, { status: 400 });
  const session = await getSession(request, context);
  setDraft(session, "contact", { ...getDraft(session, "contact"), ...result.value });
  return redirect(localePath("/contact/check", langFromPath(new URL(request.url).pathname)), { headers: await commitSession(context, session) });
}

export default function ContactDetails() {
  const { t } = useTranslation("contact");
  const to = useLocalePath();
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : saved;
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  return (
    <>
      <BackLink to={params.get("change") ? to("/contact/check") : to("/contact")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("details.title")} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          <Form method="post" action={`?${params.toString()}`} noValidate id={JOURNEY_FORM_ID}>
            <CsrfInput />
            <fieldset className="govuk-fieldset">
              <Legend legend={t("details.title")} isPageHeading />
              <TextInput id="name" label={t("details.nameLabel")} autoComplete="name" spellCheck={false} error={errors.name ? t(errors.name) : undefined} defaultValue={values.name} />
              <TextInput
                id="email"
                type="email"
                label={t("details.emailLabel")}
                hint={t("details.emailHint")}
                autoComplete="email"
                spellCheck={false}
                error={errors.email ? t(errors.email) : undefined}
                defaultValue={values.email}
              />
            </fieldset>
            <Button>{t("common:actions.continue")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
