import { useTranslation } from "react-i18next";
import { data, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, SummaryList } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { ContactDraftSchema, ContactSubmissionSchema, nextContactStep, type ContactDraft } from "~/lib/contact";
import { submitEnquiry } from "~/lib/contact.server";
import { guardSubmission, readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getDraft, getSession, setDraft } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const session = await getSession(request, context);
  const draft = getDraft<ContactDraft>(session, "contact");
  const step = nextContactStep(draft);
  if (step !== "/contact/check") throw redirect(localePath(step, lang));
  // One key per completed journey: a double click or a resubmit after "back" finds the same case.
  if (!draft.idempotencyKey) {
    setDraft(session, "contact", { ...draft, idempotencyKey: crypto.randomUUID().replaceAll("-", "") });
    const fresh = getDraft<ContactDraft>(session, "contact");
    return data({ draft: fresh }, { headers: await commitSession(context, session) });
  }
  return { draft };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const form = await readForm(request, context);
  const submission = ContactSubmissionSchema.safeParse({ idempotencyKey: form.get("idempotencyKey") });
  const session = await getSession(request, context);
  const done = session.get("submitted")?.contact;
  const draft = ContactDraftSchema.safeParse(getDraft(session, "contact"));
  if (!submission.success) throw data({ reason: "badRequest" }, { status: 400 });
  if (!draft.success) {
    // Sent already (the draft is gone): show the confirmation for that same case.
    if (done) return redirect(localePath("/contact/confirmation", lang));
    throw redirect(localePath("/contact", lang));
  }
  const { acknowledge } = await guardSubmission(request, context, form, draft.data.email);
  const created = await submitEnquiry(context, { draft: draft.data, lang, idempotencyKey: submission.data.idempotencyKey, acknowledge });
  setDraft(session, "contact", undefined);
  session.set("submitted", { ...(session.get("submitted") ?? {}), contact: { reference: created.reference, email: draft.data.email } });
  return redirect(localePath("/contact/confirmation", lang), { headers: await commitSession(context, session) });
}

export default function ContactCheck() {
  const { t } = useTranslation("contact");
  const to = useLocalePath();
  const lang = useLang();
  const { draft } = useLoaderData<typeof loader>();
  const rows = [
    ["question", t("check.question"), draft.question, "/contact?change=1", t("check.changeQuestion")],
    ["name", t("check.name"), draft.name, "/contact/details?change=1", t("check.changeName")],
    ["email", t("check.email"), draft.email, "/contact/details?change=1", t("check.changeEmail")],
    ["language", t("check.language"), t(`languageName.${lang}`), null, null],
  ] as const;
  return (
    <>
      <BackLink to={to("/contact/details")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("check.title")} />
          <h1 className="govuk-heading-l">{t("check.title")}</h1>
          <SummaryList
            className="govuk-!-margin-bottom-9"
            preWrap
            rows={rows.map(([id, key, value, href, changeLabel]) => ({ id, key, value, href: href ? to(href) : undefined, changeLabel: changeLabel ?? undefined }))}
          />
          <h2 className="govuk-heading-m">{t("check.declarationHeading")}</h2>
          <p className="govuk-body">{t("check.declaration")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="idempotencyKey" value={draft.idempotencyKey} />
            <Button>{t("check.submit")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
