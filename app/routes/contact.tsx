import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, JOURNEY_FORM_ID, Textarea } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { ContactQuestionSchema, QUESTION_MAX, type ContactDraft } from "~/lib/contact";
import { formatNumber } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getDraft, getSession, setDraft } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { cachedPage } from "~/lib/page-cache.server";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };
// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  return { question: getDraft<ContactDraft>(session, "contact").question ?? "", limit: QUESTION_MAX };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, ContactQuestionSchema);
  if (!result.ok) return data(result, { status: 400 });
  const session = await getSession(request, context);
  setDraft(session, "contact", { ...getDraft(session, "contact"), ...result.value });
  const lang = langFromPath(new URL(request.url).pathname);
  const change = new URL(request.url).searchParams.get("change") === "1";
  return redirect(localePath(change ? "/contact/check" : "/contact/details", lang), { headers: await commitSession(context, session) });
}

export default function ContactQuestion() {
  const { t } = useTranslation("contact");
  const lang = useLang();
  const to = useLocalePath();
  const { question, limit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.errors : {};
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  return (
    <>
      <BackLink to={params.get("change") ? to("/contact/check") : to("/")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("question.title")} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          <Form method="post" action={`?${params.toString()}`} noValidate id={JOURNEY_FORM_ID}>
            <CsrfInput />
            <Textarea
              id="question"
              isPageHeading
              label={t("question.title")}
              hint={
                <>
                  <span className="govuk-!-display-block govuk-!-margin-bottom-2">{t("question.intro")}</span>
                  {t("question.hint")}
                </>
              }
              error={errors.question ? t(errors.question) : undefined}
              defaultValue={result && !result.ok ? result.values.question : question}
              maxLength={limit}
              limitText={t("question.characterLimit", { limit: formatNumber(limit, lang) })}
            />
            <Button>{t("common:actions.continue")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
