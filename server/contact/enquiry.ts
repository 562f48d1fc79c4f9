// A general question (ENQ) from the contact journey or a chat's "leave a message": the case and
// its acknowledgement email, written together in one transaction by createCase.
import { formatDate } from "../../shared/format";
import type { Lang } from "../../shared/lang";
import { createCase } from "../domain/cases";
import { serverT } from "../i18n/locales";
import type { Services } from "../services";

export type Enquiry = { name: string; email: string; question: string };

export async function submitEnquiry(services: Pick<Services, "prisma" | "now" | "mailWorker">, input: { enquiry: Enquiry; lang: Lang; idempotencyKey: string; acknowledge?: boolean }) {
  const { prisma, now, mailWorker } = services;
  const { enquiry, lang } = input;
  const result = await createCase(
    { prisma, now },
    {
      type: "ENQ",
      channel: "web_form",
      language: lang,
      summary: enquiry.question,
      subject: enquiry.name,
      details: { form: "contact", version: 1, question: enquiry.question },
      customer: { name: enquiry.name, email: enquiry.email, preferredLanguage: lang },
      idempotencyKey: input.idempotencyKey,
      // acknowledge false: the recipient's daily limit is met (server/limits/public.ts); the case stands.
      emails: (created) => (input.acknowledge === false ? [] : [enquiryAcknowledgement(lang, { reference: created.reference, name: enquiry.name, email: enquiry.email, question: enquiry.question, answerBy: created.clocks.answerBy })]),
    },
  );
  if (result.created) mailWorker.kick();
  return result.case;
}

export function enquiryAcknowledgement(lang: Lang, input: { reference: string; name: string; email: string; question: string; answerBy: Date }) {
  const t = serverT(lang, "email");
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
