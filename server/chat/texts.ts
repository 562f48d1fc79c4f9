// Server-side wording for the chat: transcripts and emails in English and Welsh, read straight
// from the locale files. server/ never imports app/, so the London date format is a server copy
// of app/lib/format.ts's (the "journeys" engineer is making a browser-safe shared folder; once
// it is on main, both should use that one).
import i18next, { type TFunction } from "i18next";
import cyEmail from "../../locales/cy/email.json";
import cyEmailChat from "../../locales/cy/email-chat.json";
import cyWidget from "../../locales/cy/widget.json";
import enEmail from "../../locales/en/email.json";
import enEmailChat from "../../locales/en/email-chat.json";
import enWidget from "../../locales/en/widget.json";

export type Lang = "en" | "cy";

const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    en: { widget: enWidget, email: enEmail, "email-chat": enEmailChat },
    cy: { widget: cyWidget, email: cyEmail, "email-chat": cyEmailChat },
  },
  fallbackLng: false,
  defaultNS: "widget",
  ns: ["widget", "email", "email-chat"],
  interpolation: { escapeValue: false },
  initAsync: false,
} as Parameters<typeof i18n.init>[0]);

export function chatT(lang: Lang, ns: "widget" | "email" | "email-chat"): TFunction {
  return i18n.getFixedT(lang, ns);
}

const MONTHS: Record<Lang, { long: string[]; short: string[] }> = {
  en: {
    long: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  cy: {
    long: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
    short: ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"],
  },
};

const londonParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function inLondon(value: Date | string) {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: Number(parts.month) - 1, day: Number(parts.day), hour: parts.hour!.padStart(2, "0"), minute: parts.minute! };
}

/** "25 November 2026" / "25 Tachwedd 2026", on the London calendar. */
export function formatDate(value: Date | string, lang: Lang): string {
  const d = inLondon(value);
  return `${d.day} ${MONTHS[lang].long[d.month]} ${d.year}`;
}

/** "25 Nov 2026, 14:05" / "25 Tach 2026, 14:05" on the London clock. */
export function formatDateTime(value: Date | string, lang: Lang): string {
  const d = inLondon(value);
  return `${d.day} ${MONTHS[lang].short[d.month]} ${d.year}, ${d.hour}:${d.minute}`;
}

export function transcriptLabels(lang: Lang) {
  const t = chatT(lang, "widget");
  return { title: t("transcript.title"), you: t("transcript.you"), adviser: t("transcript.adviser"), system: t("transcript.system"), date: (iso: string) => formatDateTime(iso, lang) };
}

type Email = { to: string; subject: string; text: string; language: Lang; kind: string };

/** The acknowledgement for a message left out of hours (the same words as the contact form's). */
export function enquiryAcknowledgement(lang: Lang, input: { reference: string; name: string; email: string; question: string; answerBy: Date }): Email {
  const t = chatT(lang, "email");
  const values = { reference: input.reference, name: input.name, date: formatDate(input.answerBy, lang) };
  const text = [
    t("enquiryAcknowledgement.greeting", values),
    "",
    t("enquiryAcknowledgement.body", values),
    "",
    t("enquiryAcknowledgement.next", values),
    "",
    t("enquiryAcknowledgement.quote", values),
    "",
    t("enquiryAcknowledgement.question"),
    input.question,
    "",
    t("enquiryAcknowledgement.signoff"),
  ].join("\n");
  return { to: input.email, subject: t("enquiryAcknowledgement.subject", values), text, language: lang, kind: "enquiry_acknowledgement" };
}

/** The acknowledgement a customer gets when an adviser turns their chat into a case. */
export function chatCaseAcknowledgement(lang: Lang, input: { reference: string; name: string | null; email: string; summary: string; answerBy: Date }): Email {
  const t = chatT(lang, "email-chat");
  const values = { reference: input.reference, name: input.name ?? "", date: formatDate(input.answerBy, lang) };
  const text = [
    input.name ? t("caseAcknowledgement.greeting", values) : t("caseAcknowledgement.greetingNoName"),
    "",
    t("caseAcknowledgement.body", values),
    "",
    t("caseAcknowledgement.next", values),
    "",
    t("caseAcknowledgement.quote", values),
    "",
    t("caseAcknowledgement.summary"),
    input.summary,
    "",
    t("caseAcknowledgement.signoff"),
  ].join("\n");
  return { to: input.email, subject: t("caseAcknowledgement.subject", values), text, language: lang, kind: "chat_case_acknowledgement" };
}
