// The page a /track link opens: the case's status, what we have sent the person (never internal
// notes), what they have added, and, while the case is open, a form to add a message and files
// (stored like concern uploads: content-checked, size-limited, only ever downloaded by staff).
// Works without JavaScript: a plain multipart form. The frame it shares with the page for
// adjustment requests and nuisance reports is in app/lib/track-page.tsx.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, useParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, FileUpload } from "~/components/form";
import { countPublicPost, isGenuinePublicForm } from "~/lib/forms.server";
import { addedRedirect, TRACK_MESSAGE_MAX, TrackAddedList, TrackLinkExpired, TrackMessageField, TrackPageFrame, TrackSentEmails } from "~/lib/track-page";
import { useLocalePath } from "~/lib/use-lang";
import { receiveUploads } from "../../server/concerns/uploads";
import { publicLimits } from "../../server/limits/public";
import { mailJourneyId } from "../../server/correspondence/attachments";
import { accessFor, addFromTrackPage, caseForAccess, newInboundId } from "../../server/correspondence/track-access";
import { UPLOAD_ACCEPT } from "../../server/domain/concerns/uploads";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const { prisma, now } = context.services;
  const access = await accessFor(prisma, params.token ?? "", now());
  const found = access ? await caseForAccess(prisma, access) : null;
  if (!found) return data({ ok: false as const }, { status: 404 });
  return {
    ok: true as const,
    reference: found.case.reference,
    open: found.case.status !== "closed",
    sent: found.sent.map((e) => ({ id: e.id, subject: e.subject, text: e.text, at: (e.sentAt ?? e.createdAt).toISOString() })),
    added: found.added.map((m) => ({ id: m.id, text: m.text, files: m.attachmentCount, at: m.receivedAt.toISOString() })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { prisma, now, config } = context.services;
  // Its body is read by receiveUploads, not readForm: the per-address limit on public form posts
  // is counted here, first, as readForm does (issue 12: messages at machine speed were unlimited).
  await countPublicPost(context);
  const access = await accessFor(prisma, params.token ?? "", now());
  const found = access ? await caseForAccess(prisma, access) : null;
  if (!access || !found) throw data({ reason: "notFound" }, { status: 404 });
  if (found.case.status === "closed") return data({ error: "correspondence:page.closedNote" }, { status: 409 });
  const inboundId = newInboundId();
  const received = await receiveUploads({ prisma, dataDir: config.dataDir, now }, request, {
    journeyId: mailJourneyId(inboundId),
    alreadyUploaded: 0,
    field: "files",
    accept: (form) => isGenuinePublicForm(context.csrfToken, form),
    // The message is checked before any file is kept, so a refused post leaves no files behind;
    // and the day's upload limits apply here as on the concerns form (server/limits/public.ts).
    valid: (form) => String(form.get("message") ?? "").trim().length <= TRACK_MESSAGE_MAX,
    allow: (files, bytes) => publicLimits(context.services.limits, { perAddress: config.publicAddressQuotas }).uploads(context.clientIp, `track:${access.reference}`, files, bytes),
  });
  if (!received.ok && received.reason === "csrf") throw data({ reason: "expired" }, { status: 403 });
  if (!received.ok && received.reason === "invalid") return data({ error: "correspondence:errors.tooLong", message: String(received.form?.get("message") ?? "") }, { status: 400 });
  if (!received.ok) return data({ error: "correspondence:errors.files", message: String(received.form?.get("message") ?? "") }, { status: 400 });
  const message = String(received.form.get("message") ?? "").trim();
  if (message.length > TRACK_MESSAGE_MAX) return data({ error: "correspondence:errors.tooLong", message }, { status: 400 });
  if (!message && received.stored.length === 0) return data({ error: "correspondence:errors.message", message }, { status: 400 });
  await addFromTrackPage({ prisma, publicUrl: config.publicUrl, now }, { inboundId, caseId: found.case.id, email: access.email, text: message, files: received.stored.length });
  context.services.mailWorker.kick();
  return addedRedirect(request, `/track/case/${params.token}`);
}

export default function TrackCasePage() {
  const { t } = useTranslation("correspondence");
  const to = useLocalePath();
  const { token } = useParams();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!page.ok) return <TrackLinkExpired ns="correspondence" />;
  const error = result && "error" in result ? t(result.error) : null;
  return (
    <TrackPageFrame ns="correspondence" title={t("page.title", { reference: page.reference })} error={error}>
      <h1 className="govuk-heading-l">{t("page.title", { reference: page.reference })}</h1>
      <p className="govuk-body">
        {t("page.stage")}: <strong className="govuk-tag">{page.open ? t("page.open") : t("page.closed")}</strong>
      </p>
      <TrackSentEmails ns="correspondence" sent={page.sent} />
      <TrackAddedList ns="correspondence" added={page.added} />
      <h2 className="govuk-heading-m">{t("page.addHeading")}</h2>
      {page.open ? (
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <TrackMessageField ns="correspondence" error={error} defaultValue={result && "message" in result ? String(result.message) : undefined} />
          <FileUpload id="files" label={t("page.files")} hint={t("page.filesHint")} accept={UPLOAD_ACCEPT} />
          <Button>{t("page.send")}</Button>
        </Form>
      ) : (
        <p className="govuk-body">{t("page.closedNote", { reference: page.reference })}</p>
      )}
      {/* A complaint about our service, about this case (issue 14): the form knows the case from the link. */}
      <p className="govuk-body">
        <Link className="govuk-link" to={to(`/complain?track=${encodeURIComponent(token ?? "")}`)} data-testid="complain-link">
          {t("complain:link")}
        </Link>
      </p>
    </TrackPageFrame>
  );
}
