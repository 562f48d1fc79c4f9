// Pieces the nuisance journey's pages share: a contact in one line, the contacts so far, and the
// page frame (back link, title, error summary, a plain form that works without JavaScript).
import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button, CsrfInput, ErrorSummary } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { formatDate } from "./format";
import type { Lang } from "./lang";
import type { DraftContact } from "./nuisance";
import { JOURNEY_FORM_ID } from "~/components/form/typed";

export function contactWhen(c: DraftContact, t: TFunction, lang: Lang): string {
  return c.time ? t("contact.whenAt", { date: formatDate(c.date, lang), time: c.time }) : t("contact.whenNoTime", { date: formatDate(c.date, lang) });
}

export function contactFrom(c: DraftContact, t: TFunction): string {
  if (c.fromStatus === "withheld") return t("contact.withheld");
  if (c.fromStatus === "unknown" || !c.from) return t("contact.unknownFrom");
  return c.from;
}

/** "Live sales call, 1 December 2026 at 14:30, from 07700 900123" — as text, never HTML. */
export function describeContact(c: DraftContact, t: TFunction, lang: Lang): string {
  return t("contact.oneLine", { kind: t(`kind.${c.kind}`), when: contactWhen(c, t, lang), from: contactFrom(c, t) });
}

export function ContactsSoFar({ contacts, lang }: { contacts: DraftContact[]; lang: Lang }) {
  const { t } = useTranslation("nuisance");
  if (contacts.length === 0) return null;
  return (
    <div className="govuk-inset-text" data-testid="contacts-so-far">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{t("soFar.heading", { count: contacts.length })}</h2>
      <ul className="govuk-list govuk-list--bullet govuk-!-font-size-16">
        {contacts.map((c) => (
          <li key={c.id}>{describeContact(c, t, lang)}</li>
        ))}
      </ul>
    </div>
  );
}

export function NuisancePage({
  title,
  back,
  errors,
  children,
  submit,
  multipart = false,
  before,
}: {
  title: string;
  back: string;
  errors: Record<string, string>;
  children: ReactNode;
  submit?: string;
  multipart?: boolean;
  before?: ReactNode;
}) {
  const { t } = useTranslation("nuisance");
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  return (
    <>
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} error={summary.length > 0} />
          <ErrorSummary errors={summary} />
          {before}
          <Form method="post" noValidate encType={multipart ? "multipart/form-data" : undefined} id={JOURNEY_FORM_ID}>
            <CsrfInput />
            {children}
            <Button>{submit ?? t("common:actions.continue")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
