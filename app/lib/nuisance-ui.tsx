// Pieces the nuisance journey's pages share: a contact in one line and the contacts so far (the
// page frame is JourneyPage in app/components/journey.tsx, as for every journey).
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDate } from "./format";
import type { Lang } from "./lang";
import type { DraftContact } from "./nuisance";

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
