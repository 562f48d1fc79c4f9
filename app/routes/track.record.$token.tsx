// The page a /track link opens for an adjustment request (ADJ…) or a nuisance report (NUI…): the
// status and what we have sent the person; on an adjustment request, what they have sent us and
// a form to send a message (until the adjustment is removed). Never the sensitive "what you find
// hard", never anything staff wrote for themselves. A plain form: works without JavaScript.
// The frame it shares with the page for cases is in app/lib/track-page.tsx.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { z } from "zod";
import { Button, CsrfInput } from "~/components/form";
import { formatDate, formatDateTime } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { addedRedirect, TRACK_MESSAGE_MAX, TrackAddedList, TrackLinkExpired, TrackMessageField, TrackPageFrame, TrackSentEmails } from "~/lib/track-page";
import { useLang } from "~/lib/use-lang";
import { addAdjustmentMessage, canAddMessage, recordAccessFor, recordForAccess } from "../../server/tracking/records";

const MessageSchema = z.object({ message: z.string().trim().min(1, "errors.message").max(TRACK_MESSAGE_MAX, "errors.tooLong") });

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
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message, message: String(form.get("message") ?? "").slice(0, TRACK_MESSAGE_MAX * 2) }, { status: 400 });
  const { prisma, now, config, mailWorker } = context.services;
  await addAdjustmentMessage({ prisma, publicUrl: config.publicUrl, now }, { requestId: found.record.id, reference: found.record.reference, text: parsed.data.message });
  mailWorker.kick();
  return addedRedirect(request, `/track/record/${params.token}`);
}

export default function TrackRecordPage() {
  const { t } = useTranslation("track-records");
  const lang = useLang();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!page.ok) return <TrackLinkExpired ns="track-records" />;
  const { record } = page;
  const error = result && "error" in result ? t(result.error, { count: TRACK_MESSAGE_MAX }) : null;
  const title = t("page.title", { kind: t(`kinds.${record.kind}`).toLowerCase(), reference: record.reference });
  return (
    <TrackPageFrame ns="track-records" title={title} error={error}>
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
      <TrackSentEmails ns="track-records" sent={page.sent} />
      <TrackAddedList ns="track-records" added={page.added} />
      {record.kind === "adjustment" ? (
        <>
          <h2 className="govuk-heading-m">{t("page.addHeading")}</h2>
          {page.canAdd ? (
            <Form method="post" noValidate>
              <CsrfInput />
              <TrackMessageField ns="track-records" error={error} defaultValue={result && "message" in result ? String(result.message) : undefined} />
              <Button>{t("page.send")}</Button>
            </Form>
          ) : (
            <p className="govuk-body">{t("page.removedNote")}</p>
          )}
        </>
      ) : null}
    </TrackPageFrame>
  );
}
