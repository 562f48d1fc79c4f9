// What the two pages a /track link opens have in common: a case (track.case.$token) and an
// adjustment request or nuisance report (track.record.$token). Both show the same frame: a
// "link not working" page for an unknown or expired token, the "added" banner after a post, the
// emails we sent (never internal notes), what the person has sent us, and the message field.
// Each page keeps only what differs: how it loads, what it accepts (files on a case) and its
// heading. Texts come from the page's own namespace, which has the same keys under "page".
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { redirect, useSearchParams } from "react-router";
import { Link } from "~/components/link";
import { ErrorSummary, Textarea } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDateTime } from "~/lib/format";
import { langFromPath, localePath } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";

export type TrackNamespace = "correspondence" | "track-records";

/** The longest message either page takes. */
export const TRACK_MESSAGE_MAX = 5000;

export type TrackSentEmail = { id: string; subject: string; text: string; at: string };
export type TrackAddedItem = { id: string; text: string; at: string; files?: number };

/** After a message is added: back to the same page (same language) with the "added" banner. */
export const addedRedirect = (request: Request, path: string) => redirect(localePath(`${path}?added=1`, langFromPath(new URL(request.url).pathname)));

/** The page for a token that is unknown or expired: one way back, to /track. */
export function TrackLinkExpired({ ns }: { ns: TrackNamespace }) {
  const { t } = useTranslation(ns);
  const to = useLocalePath();
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

/** The page around the content: title, error summary (the message field), the "added" banner. */
export function TrackPageFrame({ ns, title, error, children }: { ns: TrackNamespace; title: string; error: string | null; children: ReactNode }) {
  const { t } = useTranslation(ns);
  const [params] = useSearchParams();
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
        {children}
      </div>
    </div>
  );
}

/** The emails we sent them, newest first, as plain text (never rendered as HTML). */
export function TrackSentEmails({ ns, sent }: { ns: TrackNamespace; sent: readonly TrackSentEmail[] }) {
  const { t } = useTranslation(ns);
  const lang = useLang();
  return (
    <>
      <h2 className="govuk-heading-m">{t("page.sentHeading")}</h2>
      {sent.length === 0 ? (
        <p className="govuk-body">{t("page.noneSent")}</p>
      ) : (
        sent.map((e) => (
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
    </>
  );
}

/** What they have sent us: the start of each message, and how many files came with it. */
export function TrackAddedList({ ns, added }: { ns: TrackNamespace; added: readonly TrackAddedItem[] }) {
  const { t } = useTranslation(ns);
  const lang = useLang();
  if (added.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{t("page.addedHeading")}</h2>
      <ul className="govuk-list" data-testid="added">
        {added.map((m) => (
          <li key={m.id} style={{ overflowWrap: "anywhere" }}>
            {formatDateTime(m.at, lang)}: {m.text.slice(0, 300)}
            {m.files ? ` (${t("page.filesCount", { count: m.files })})` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The message field, with its limit and the error (already translated) when there is one. */
export function TrackMessageField({ ns, error, defaultValue }: { ns: TrackNamespace; error: string | null; defaultValue?: string }) {
  const { t } = useTranslation(ns);
  return (
    <Textarea
      id="message"
      label={t("page.message")}
      hint={t("page.messageHint")}
      rows={6}
      maxLength={TRACK_MESSAGE_MAX}
      limitText={t("page.limit", { count: TRACK_MESSAGE_MAX })}
      error={error ?? undefined}
      defaultValue={defaultValue}
    />
  );
}
