// "Email me on that day": for a person the concerns assistant told to wait. Saves their answers
// until after the day and records a reminder (server/reminders/concern-reminders.ts); the reminder
// job emails them that day, in this page's language, with a link back to their answers.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, TextInput } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { loadJourney } from "~/lib/concerns.server";
import { guardSubmission, readForm, validate } from "~/lib/forms.server";
import { formatDate } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { confirmationEmail, ReminderRequestSchema, requestConcernReminder, stopReminder, stopUrl } from "../../server/reminders/concern-reminders";

/** The journey's "come back on" date, or a redirect: only a "wait" answer offers a reminder. */
async function waiting(request: Request, context: LoaderFunctionArgs["context"]) {
  const journey = await loadJourney(request, context);
  const outcome = journey.evaluation.outcome;
  if (!outcome || outcome.kind !== "wait") throw redirect(localePath("/concerns/result", journey.lang));
  return { ...journey, comeBackOn: outcome.comeBackOn };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, comeBackOn } = await waiting(request, context);
  return { comeBackOn, email: draft.report.email ?? draft.saved?.email ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { lang, draft, comeBackOn } = await waiting(request, context);
  const result = validate(form, ReminderRequestSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  // Anyone can type a stranger's address: the public limits (fill time, quota per address, emails
  // per recipient a day) apply. Over the recipient's limit nothing is set up: a reminder is only email.
  const { acknowledge } = await guardSubmission(request, context, form, result.value.email);
  if (!acknowledge) return data({ errors: { email: "remind.failed" }, values: { email: result.value.email } }, { status: 429 });
  const { prisma, now, mailer, config, logger } = context.services;
  const journeyId = draft.journeyId || crypto.randomUUID();
  const saved = await requestConcernReminder({ prisma, now }, { email: result.value.email, language: lang, dueOn: comeBackOn, data: { journeyId, answers: draft.answers as Record<string, unknown>, report: draft.report as Record<string, unknown> } });
  const mail = confirmationEmail(lang, stopUrl(lang, config.publicUrl, saved.stopToken), comeBackOn);
  try {
    // Sent now rather than queued, so the stop link's token is never stored in clear.
    await mailer.send({ to: result.value.email, subject: mail.subject, text: mail.text, language: lang });
  } catch (error) {
    logger.warn({ err: { message: (error as Error).message }, reminderId: saved.id }, "reminder confirmation email failed");
    await stopReminder({ prisma, now }, saved.stopToken);
    return data({ errors: { email: "remind.failed" }, values: { email: result.value.email } }, { status: 503 });
  }
  return redirect(localePath("/concerns/remind?sent=1", lang));
}

export default function RemindMe() {
  const { t } = useTranslation("reminders");
  const lang = useLang();
  const to = useLocalePath();
  const [params] = useSearchParams();
  const { comeBackOn, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  const date = formatDate(comeBackOn, lang);
  if (params.get("sent") === "1" && summary.length === 0) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("remind.doneTitle")} />
          <span className="govuk-caption-l">{t("concerns:caption")}</span>
          <h1 className="govuk-heading-l">{t("remind.doneTitle")}</h1>
          <p className="govuk-body" data-testid="reminder-set">
            {t("remind.done", { date })}
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/concerns/result")}>
              {t("remind.back")}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <>
      <BackLink to={to("/concerns/result")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("remind.title")} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          <span className="govuk-caption-l">{t("concerns:caption")}</span>
          <h1 className="govuk-heading-l">{t("remind.title")}</h1>
          <p className="govuk-body">{t("remind.body", { date })}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <TextInput id="email" type="email" label={t("remind.email")} autoComplete="email" spellCheck={false} error={errors.email ? t(errors.email) : undefined} defaultValue={(result?.values as Record<string, string> | undefined)?.email ?? email} />
            <Button>{t("remind.submit")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
