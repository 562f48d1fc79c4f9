import type { AppLoadContext } from "react-router";
import { createCase } from "../../server/domain/cases";
import type { ContactDraft } from "./contact";
import { formatDate } from "./format";
import type { Lang } from "./lang";
import { serverT } from "./locales.server";

/** Turns a completed contact journey into an ENQ case with its acknowledgement email. */
export async function submitEnquiry(context: AppLoadContext, input: { draft: ContactDraft; lang: Lang; idempotencyKey: string }) {
  const { prisma, now, mailWorker } = context.services;
  const { draft, lang } = input;
  const result = await createCase(
    { prisma, now },
    {
      type: "ENQ",
      channel: "web_form",
      language: lang,
      summary: draft.question,
      subject: draft.name,
      details: { form: "contact", version: 1, question: draft.question },
      customer: { name: draft.name, email: draft.email, preferredLanguage: lang },
      idempotencyKey: input.idempotencyKey,
      emails: (created) => [enquiryAcknowledgement(lang, { reference: created.reference, name: draft.name, email: draft.email, question: draft.question, answerBy: created.clocks.answerBy })],
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
