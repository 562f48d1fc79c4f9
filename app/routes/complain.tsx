// Complain about our service (an RCC case), on one page: GOV.UK question pattern, a plain form
// that works without JavaScript, the confirmation rendered from the POST (with an idempotency key
// so a double click makes one complaint). Opened from a case's tracking page (?track=<token>), it
// is about that case and replies go to the case's address; opened on its own, a case reference is
// optional and linked only when it is the person's own (server/complaints/public-complaint.ts).
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { z } from "zod";
import { Button, ConfirmationPanel, CsrfInput, DateInput, ErrorSummary, submittedDate, Textarea, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate } from "~/lib/format";
import { guardSubmission, readForm } from "~/lib/forms.server";
import { langFromPath } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { complaintInTime, isFutureDate, submitPublicComplaint } from "../../server/complaints/public-complaint";
import { accessFor } from "../../server/correspondence/track-access";
import { parseDateParts } from "../../server/domain/concerns/dates";
import { parseReference } from "../../server/domain/cases";

const TEXT_MAX = 5000;
const text = (max: number, required?: string) => (required ? z.string().trim().min(1, required).max(max, "errors.tooLong") : z.string().trim().max(max, "errors.tooLong"));
const ComplaintSchema = z.object({
  reference: z.string().trim().max(40, "errors.reference").refine((v) => v === "" || parseReference(v) !== null, "errors.reference"),
  whatHappened: text(TEXT_MAX, "errors.whatHappened"),
  lateReason: text(TEXT_MAX),
  putRight: text(TEXT_MAX),
  name: text(200, "errors.name"),
  email: z.string().trim().max(254, "errors.email").pipe(z.email("errors.email")),
  idempotencyKey: z.uuid(),
});
const FIELDS = ["reference", "whatHappened", "lateReason", "putRight", "name", "email", "idempotencyKey", "eventOn-day", "eventOn-month", "eventOn-year"] as const;

/** The case the tracking link is for, when the page was opened from one. */
async function fromTracking(context: LoaderFunctionArgs["context"], token: string | null) {
  if (!token) return null;
  const access = await accessFor(context.services.prisma, token, context.services.now());
  return access && access.kind === "case" ? access : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("track");
  const access = await fromTracking(context, token);
  return { idempotencyKey: crypto.randomUUID(), tracking: access ? { token: token!, reference: access.reference } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  const access = await fromTracking(context, String(form.get("track") ?? "") || null);
  const now = context.services.now();
  // From a tracking link, the case and the address are the link's, whatever the form says.
  const parsed = ComplaintSchema.safeParse({ ...values, ...(access ? { reference: access.reference, email: access.email } : {}) });
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const date = parseDateParts({ day: values["eventOn-day"], month: values["eventOn-month"], year: values["eventOn-year"] });
  if (!date.ok) errors.eventOn = `errors.eventOn.${date.error}`;
  else if (isFutureDate(date.iso, now)) errors.eventOn = "errors.eventOn.future";
  // Older than 3 months: the reason is needed, so a manager can decide whether to look at it.
  else if (!complaintInTime(date.iso, now) && !values.lateReason.trim()) errors.lateReason = "errors.lateReason";
  if (!parsed.success || !date.ok || Object.keys(errors).length > 0) return data({ kind: "invalid" as const, errors, values }, { status: 400 });
  const lang = langFromPath(new URL(request.url).pathname);
  const input = parsed.data;
  // Like every public journey's last step (issue 12): the fill-time check, the day's submissions
  // from this address, and the day's acknowledgements to this recipient (anyone can type a
  // stranger's address here; from a tracking link it is the address the case already holds).
  const { acknowledge } = await guardSubmission(request, context, form, input.email);
  const result = await submitPublicComplaint(
    { prisma: context.services.prisma, now: context.services.now },
    {
      complaint: { name: input.name, email: input.email, reference: input.reference || undefined, confirmed: Boolean(access), eventOn: date.iso, whatHappened: input.whatHappened, putRight: input.putRight, lateReason: input.lateReason },
      lang,
      idempotencyKey: `complaint-${input.idempotencyKey}`,
      acknowledge,
    },
  );
  if (result.created) context.services.mailWorker.kick();
  const answerBy = await context.services.prisma.case.findUnique({ where: { reference: result.reference }, select: { answerDueAt: true } });
  return { kind: "done" as const, reference: result.reference, about: result.about, inTime: result.inTime, answerBy: answerBy?.answerDueAt.toISOString() ?? null };
}

export default function Complain() {
  const { t } = useTranslation("complain");
  const to = useLocalePath();
  const { idempotencyKey, tracking } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();

  if (result?.kind === "done") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("done.title")} />
          <ConfirmationPanel title={t("done.title")} referenceLabel={t("done.reference")} reference={result.reference} />
          {result.about ? <p className="govuk-body">{t("done.about", { about: result.about })}</p> : null}
          <p className="govuk-body">{result.inTime && result.answerBy ? t("done.next", { date: formatDate(result.answerBy, lang) }) : t("done.late")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/")}>
              {t("done.back")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const errors: Record<string, string> = result?.kind === "invalid" ? result.errors : {};
  const values: Record<string, string> = result?.kind === "invalid" ? result.values : {};
  const message = (key: string | undefined) => (key ? t(key, { count: TEXT_MAX }) : undefined);
  const order = ["reference", "whatHappened", "eventOn", "lateReason", "putRight", "name", "email"];
  const summary = order.filter((f) => errors[f]).map((field) => ({ field: field === "eventOn" ? "eventOn-day" : field, message: message(errors[field])! }));
  const limit = t("limit", { count: TEXT_MAX });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("title")} error={summary.length > 0} />
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">{t("title")}</h1>
        <p className="govuk-body">{t("intro")}</p>
        <p className="govuk-body">{t("window")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey || idempotencyKey} />
          {tracking ? (
            <>
              <input type="hidden" name="track" value={tracking.token} />
              <p className="govuk-inset-text" data-testid="complaint-about">
                {t("fromTracking", { reference: tracking.reference })}
              </p>
            </>
          ) : (
            <TextInput id="reference" label={t("reference.label")} hint={t("reference.hint")} width="10" spellCheck={false} autoComplete="off" error={message(errors.reference)} defaultValue={values.reference} />
          )}
          <Textarea id="whatHappened" label={t("whatHappened.label")} hint={t("whatHappened.hint")} maxLength={TEXT_MAX} limitText={limit} error={message(errors.whatHappened)} defaultValue={values.whatHappened} />
          <DateInput
            name="eventOn"
            legend={t("eventOn.legend")}
            hint={t("eventOn.hint")}
            error={message(errors.eventOn)}
            value={submittedDate(values, "eventOn")}
          />
          <Textarea id="lateReason" label={t("lateReason.label")} hint={t("lateReason.hint")} rows={4} maxLength={TEXT_MAX} limitText={limit} error={message(errors.lateReason)} defaultValue={values.lateReason} />
          <Textarea id="putRight" label={t("putRight.label")} rows={4} maxLength={TEXT_MAX} limitText={limit} error={message(errors.putRight)} defaultValue={values.putRight} />
          <TextInput id="name" label={t("name.label")} autoComplete="name" error={message(errors.name)} defaultValue={values.name} />
          {tracking ? null : (
            <TextInput id="email" type="email" label={t("email.label")} hint={t("email.hint")} autoComplete="email" spellCheck={false} error={message(errors.email)} defaultValue={values.email} />
          )}
          <Button>{t("submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
