// "Save and come back later": email a single-use link to the answers so far.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { z } from "zod";
import { Button, CsrfInput, ErrorSummary, TextInput } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { hasStarted, loadJourney, safeFrom, saveConcernDraft } from "~/lib/concerns.server";
import { mayEmailTypedAddress, readForm, validate } from "~/lib/forms.server";
import { formatDate } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { serverT } from "~/lib/locales.server";
import { commitSession } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";
import { forgetDraft, saveDraft } from "../../server/concerns/drafts";

const SaveSchema = z.object({
  email: z.string({ error: "save.emailRequired" }).trim().min(1, "save.emailRequired").max(254, "save.emailInvalid").pipe(z.email("save.emailInvalid")),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { url, lang, draft } = await loadJourney(request, context);
  if (!hasStarted(draft)) throw redirect(localePath("/concerns", lang));
  return { email: draft.report.email ?? draft.saved?.email ?? "", from: safeFrom(url.searchParams.get("from")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { url, lang, session, draft } = await loadJourney(request, context);
  if (!hasStarted(draft)) throw redirect(localePath("/concerns", lang));
  const result = validate(form, SaveSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values, failed: false }, { status: 400 });
  // Anyone can type a stranger's address: at most the day's emails to one mailbox, shared with
  // the forms' acknowledgements. Checked before anything is saved, so a refusal leaves nothing.
  if (!(await mayEmailTypedAddress(context, result.value.email))) return data({ errors: { email: "save.limited" }, values: { email: result.value.email }, failed: false }, { status: 429 });
  const { prisma, now, mailer, config, logger } = context.services;
  const withId = { ...draft, journeyId: draft.journeyId || crypto.randomUUID() };
  const saved = await saveDraft({ prisma, now }, { data: { journeyId: withId.journeyId, answers: withId.answers as Record<string, unknown>, report: withId.report as Record<string, unknown> }, language: lang });
  const t = serverT(lang, "email-concerns");
  const link = `${config.publicUrl}${localePath(`/concerns/resume/${saved.token}`, lang)}`;
  const until = formatDate(saved.expiresAt, lang);
  try {
    // Sent now rather than queued, so the link's token is never stored in clear.
    await mailer.send({
      to: result.value.email,
      subject: t("saveLink.subject"),
      text: [t("saveLink.greeting"), "", t("saveLink.body"), "", link, "", t("saveLink.expiry", { date: until }), "", t("saveLink.ignore"), "", t("saveLink.signoff")].join("\n"),
      language: lang,
    });
  } catch (error) {
    logger.warn({ err: { message: (error as Error).message }, draftId: saved.id }, "save-for-later email failed");
    await forgetDraft({ prisma, now }, saved.id);
    return data({ errors: { email: "save.failed" }, values: { email: result.value.email }, failed: true }, { status: 503 });
  }
  saveConcernDraft(session, { ...withId, saved: { email: result.value.email, until: saved.expiresAt.toISOString() } });
  return redirect(localePath(`/concerns/saved?from=${encodeURIComponent(safeFrom(url.searchParams.get("from")))}`, lang), { headers: await commitSession(context, session) });
}

export default function SaveForLater() {
  const { t } = useTranslation("concerns");
  const to = useLocalePath();
  const { email, from } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  return (
    <>
      <BackLink to={to(from)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("save.title")} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          <span className="govuk-caption-l">{t("caption")}</span>
          <h1 className="govuk-heading-l">{t("save.title")}</h1>
          <p className="govuk-body">{t("save.body")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <TextInput id="email" type="email" label={t("save.email")} autoComplete="email" spellCheck={false} error={errors.email ? t(errors.email) : undefined} defaultValue={(result?.values as Record<string, string> | undefined)?.email ?? email} />
            <Button>{t("save.submit")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
