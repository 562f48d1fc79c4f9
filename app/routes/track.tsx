// Check the progress of a case: reference and email in, the stage in plain words out.
// A plain HTML form (public pages ship no JavaScript); the answer is rendered from the POST so
// the email address never goes into a URL.
import { useTranslation } from "react-i18next";
import { data, useActionData, type ActionFunctionArgs, type HeadersFunction } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { trackAllowed, trackCase, TrackSchema } from "~/lib/track.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { langFromPath } from "~/lib/lang";
import { sendTrackLink } from "../../server/correspondence/track-access";
import { publicLimits } from "../../server/limits/public";
import { parseRecordReference, sendRecordLink, trackRecord } from "../../server/tracking/records";

// Retry-After on a refused lookup.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retry = actionHeaders.get("Retry-After");
  const out: Record<string, string> = {};
  if (retry) out["Retry-After"] = retry;
  return out;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, TrackSchema);
  if (!result.ok) return data({ kind: "invalid" as const, errors: result.errors, values: result.values }, { status: 400 });
  const reference = result.value.reference.replace(/\s+/g, "").toUpperCase();
  const wait = await trackAllowed(context.services.limits, context.clientIp, reference);
  if (wait > 0) {
    return data({ kind: "tooMany" as const, minutes: Math.ceil(wait / 60), values: { reference, email: result.value.email } }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  if (parseRecordReference(reference)) {
    // An adjustment request or a nuisance report: the same answer for "not found" and "not
    // yours", and the link goes only to the address on the record (server/tracking/records.ts).
    const record = await trackRecord(context.services.prisma, { reference, email: result.value.email });
    if (!record) return data({ kind: "notFound" as const, values: { reference, email: result.value.email } }, { status: 404 });
    // At most the day's tracking links to one mailbox, across all its records (server/limits/public.ts).
    const mayLink = await publicLimits(context.services.limits).trackLink(record.email);
    const linkSent = mayLink && (await sendRecordLink(
      { prisma: context.services.prisma, publicUrl: context.services.config.publicUrl, now: context.services.now },
      { record, email: result.value.email, pageLang: langFromPath(new URL(request.url).pathname) },
    ));
    if (linkSent) context.services.mailWorker.kick();
    return { kind: "record" as const, record: { kind: record.kind, reference: record.reference, status: record.status, receivedAt: record.receivedAt, decisionDueAt: record.decisionDueAt }, linkSent };
  }
  const found = await trackCase(context.services.prisma, result.value);
  // Identical for a reference that does not exist and one that is not this person's.
  if (!found) return data({ kind: "notFound" as const, values: { reference, email: result.value.email } }, { status: 404 });
  // The link to add to the case goes only to the address on the case (server/correspondence/track-access.ts).
  const mayLink = await publicLimits(context.services.limits).trackLink(result.value.email);
  const linkSent = mayLink && (await sendTrackLink(
    { prisma: context.services.prisma, publicUrl: context.services.config.publicUrl, now: context.services.now },
    { reference: found.reference, email: result.value.email, language: found.language, pageLang: langFromPath(new URL(request.url).pathname) },
  ));
  if (linkSent) context.services.mailWorker.kick();
  return { kind: "found" as const, found, linkSent };
}

export default function Track() {
  const { t } = useTranslation("track");
  const { t: tr } = useTranslation("track-records");
  const lang = useLang();
  const to = useLocalePath();
  const result = useActionData<typeof action>();
  const errors = result?.kind === "invalid" ? result.errors : {};
  const values: Record<string, string> = result && "values" in result ? result.values : {};
  const summary =
    result?.kind === "invalid"
      ? Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }))
      : result?.kind === "notFound"
        ? [{ field: "reference", message: t("notFound") }]
        : result?.kind === "tooMany"
          ? [{ field: "reference", message: t("tooMany", { count: result.minutes }) }]
          : [];

  if (result?.kind === "record") {
    const r = result.record;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("result.title", { reference: r.reference })} />
          <span className="govuk-caption-l">{r.reference}</span>
          <h1 className="govuk-heading-l">{tr(`kinds.${r.kind}`)}</h1>
          <div className="govuk-panel govuk-panel--confirmation ds-track-panel" data-testid="track-stage">
            <h2 className="govuk-panel__title govuk-!-font-size-27">{tr(`status.${r.kind}.${r.status}`)}</h2>
          </div>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{tr("result.received")}</dt>
              <dd className="govuk-summary-list__value">{formatDate(r.receivedAt, lang)}</dd>
            </div>
            {r.decisionDueAt ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{tr("result.decisionBy")}</dt>
                <dd className="govuk-summary-list__value">{formatDate(r.decisionDueAt, lang)}</dd>
              </div>
            ) : null}
          </dl>
          <p className="govuk-body">{tr(`explain.${r.kind}`)}</p>
          {result.linkSent ? (
            <p className="govuk-inset-text" data-testid="track-link-sent">
              {tr(r.kind === "adjustment" ? "linkSentAdjustment" : "linkSent", { reference: r.reference })}
            </p>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/track")} reloadDocument>
              {tr("result.another")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  if (result?.kind === "found") {
    const c = result.found;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("result.title", { reference: c.reference })} />
          <span className="govuk-caption-l">{c.reference}</span>
          <h1 className="govuk-heading-l">{t(`types.${c.type}`, { defaultValue: t("types.other") })}</h1>
          <div className="govuk-panel govuk-panel--confirmation ds-track-panel" data-testid="track-stage">
            <h2 className="govuk-panel__title govuk-!-font-size-27">{t(`stage.${c.stage}`)}</h2>
          </div>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("result.received")}</dt>
              <dd className="govuk-summary-list__value">{formatDate(c.receivedAt, lang)}</dd>
            </div>
            {c.contactBy ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("result.contactBy")}</dt>
                <dd className="govuk-summary-list__value">{formatDate(c.contactBy, lang)}</dd>
              </div>
            ) : null}
            {c.closedAt ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("result.closed")}</dt>
                <dd className="govuk-summary-list__value">{formatDate(c.closedAt, lang)}</dd>
              </div>
            ) : null}
            {c.officer ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("result.officer")}</dt>
                <dd className="govuk-summary-list__value">{c.officer}</dd>
              </div>
            ) : null}
          </dl>
          <p className="govuk-body">{t(`explain.${c.stage}`)}</p>
          {result.linkSent ? (
            <p className="govuk-inset-text" data-testid="track-link-sent">
              {t("correspondence:linkSent")}
            </p>
          ) : null}
          <h2 className="govuk-heading-m">{t("contact.heading")}</h2>
          <p className="govuk-body">{t("contact.reply", { tag: `[Ref. ${c.reference}]` })}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/contact")}>
              {t("contact.ask")}
            </Link>
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/complain")}>
              {t("complain:title")}
            </Link>
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/track")} reloadDocument>
              {t("result.another")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("title")} error={summary.length > 0} />
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">{t("title")}</h1>
        <p className="govuk-body">{t("intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput id="reference" label={t("reference.label")} hint={t("reference.hint")} width="10" spellCheck={false} autoComplete="off" error={errors.reference ? t(errors.reference) : undefined} defaultValue={values.reference} />
          <TextInput id="email" type="email" label={t("email.label")} hint={t("email.hint")} autoComplete="email" spellCheck={false} error={errors.email ? t(errors.email) : undefined} defaultValue={values.email} />
          <Button>{t("submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
