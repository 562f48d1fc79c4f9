// Server-side wording for the chat: transcripts and emails in English and Welsh. server/ never
// imports app/: dates come from the browser-safe shared/format, text from server/i18n, and the
// out-of-hours acknowledgement is the contact form's (server/contact/enquiry).
import type { TFunction } from "i18next";
import { formatDate, formatDateTime } from "../../shared/format.js";
import { serverT } from "../i18n/locales.js";

export { enquiryAcknowledgement } from "../contact/enquiry.js";

export type Lang = "en" | "cy";

export function chatT(lang: Lang, ns: "widget" | "email" | "email-chat"): TFunction {
  return serverT(lang, ns);
}

export function transcriptLabels(lang: Lang) {
  const t = chatT(lang, "widget");
  return { title: t("transcript.title"), you: t("transcript.you"), adviser: t("transcript.adviser"), system: t("transcript.system"), date: (iso: string) => formatDateTime(iso, lang) };
}

type Email = { to: string; subject: string; text: string; language: Lang; kind: string };

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
