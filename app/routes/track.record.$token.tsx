// The page a /track link opens for an adjustment request (ADJ…) or a nuisance report (NUI…): the
// status and what we have sent the person; on an adjustment request, what they have sent us and
// a form to send a message (until the adjustment is removed). Never the sensitive "what you find
// hard", never anything staff wrote for themselves. A plain form: works without JavaScript.
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { Button, CsrfInput, ErrorSummary, Textarea } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate, formatDateTime } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { addAdjustmentMessage, canAddMessage, recordAccessFor, recordForAccess } from "../../server/tracking/records";

const RECORD_MESSAGE_MAX = 5000;

const MessageSchema = z.object({ message: z.string().trim().min(1, "errors.message").max(RECORD_MESSAGE_MAX, "errors.tooLong") });

async function load(context: LoaderFunctionArgs["context"], token: string) {
  const { prisma, now } = context.services;
  const access = await recordAccessFor(prisma, token, now());
  return access ? recordForAccess(prisma, access) : null;
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const found = await load(context, params.token ?? "");
  if (!found) return data({ ok: false as const }, { status: 404 });
  return { ok: true as const, record: found.record, canAdd: canAddMessage(found.record), sent: found.sent, added: found.added };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const found = await load(context, params.token ?? "");
  if (!found) throw data({ reason: "notFound" }, { status: 404 });
  if (!canAddMessage(found.record)) return data({ error: "page.removedNote", message: "" }, { status: 409 });
  // readForm checks the CSRF token (and the form limits) before anything is read.
  const form = await readForm(request, context);
  const parsed = MessageSchema.safeParse({ message: String(form.get("message") ?? "") });
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message, message: String(form.get("message") ?? "").slice(0, RECORD_MESSAGE_MAX * 2) }, { status: 400 });
  await addAdjustmentMessage({ prisma: context.services.prisma, now: context.services.now }, { requestId: found.record.id, reference: found.record.reference, text: parsed.data.message });
  return redirect(localePath(`/track/record/${params.token}?added=1`, langFromPath(new URL(request.url).pathname)));
}

export default function TrackRecordPage() {
  const { t } = useTranslation("track-records");
  const lang = useLang();
  const to = useLocalePath();
  const [params] = useSearchParams();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!page.ok) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("page.expiredTitle")} />
          <h1 className="govuk-heading-l">{t("page.expiredTitle")}</h1>
          <p className="govuk-body">{t("page.expired")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/track")}>
              {t("page.again")}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const { record } = page;
  const error = result && "error" in result ? t(result.error, { count: RECORD_MESSAGE_MAX }) : null;
  const title = t("page.title", { kind: t(`kinds.${record.kind}`).toLowerCase(), reference: record.reference });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} error={Boolean(error)} />
        <ErrorSummary errors={error ? [{ field: "message", message: error }] : []} />
        {params.get("added") === "1" ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="status" data-testid="added-banner">
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t("page.added")}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{record.reference}</span>
        <h1 className="govuk-heading-l">{t(`kinds.${record.kind}`)}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("result.status")}</dt>
            <dd className="govuk-summary-list__value" data-testid="record-status">
              {t(`status.${record.kind}.${record.status}`)}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("result.received")}</dt>
            <dd className="govuk-summary-list__value">{formatDate(record.receivedAt, lang)}</dd>
          </div>
          {record.decisionDueAt ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("result.decisionBy")}</dt>
              <dd className="govuk-summary-list__value">{formatDateTime(record.decisionDueAt, lang)}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="govuk-heading-m">{t("page.sentHeading")}</h2>
        {page.sent.length === 0 ? (
          <p className="govuk-body">{t("page.noneSent")}</p>
        ) : (
          page.sent.map((e) => (
            <details key={e.id} className="govuk-details" data-testid="sent">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  {e.subject} – {formatDateTime(e.at, lang)}
                </span>
              </summary>
              <div className="govuk-details__text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {e.text}
              </div>
            </details>
          ))
        )}
        {page.added.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t("page.addedHeading")}</h2>
            <ul className="govuk-list" data-testid="added">
              {page.added.map((m) => (
                <li key={m.id} style={{ overflowWrap: "anywhere" }}>
                  {formatDateTime(m.at, lang)}: {m.text.slice(0, 300)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {record.kind === "adjustment" ? (
          <>
            <h2 className="govuk-heading-m">{t("page.addHeading")}</h2>
            {page.canAdd ? (
              <Form method="post" noValidate>
                <CsrfInput />
                <Textarea
                  id="message"
                  label={t("page.message")}
                  hint={t("page.messageHint")}
                  rows={6}
                  maxLength={RECORD_MESSAGE_MAX}
                  limitText={t("page.limit", { count: RECORD_MESSAGE_MAX })}
                  error={error ?? undefined}
                  defaultValue={result && "message" in result ? String(result.message) : undefined}
                />
                <Button>{t("page.send")}</Button>
              </Form>
            ) : (
              <p className="govuk-body">{t("page.removedNote")}</p>
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}
