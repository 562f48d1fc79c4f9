// The contact journey's submission: the work is in server/contact/enquiry.ts.
import type { AppLoadContext } from "react-router";
import { submitEnquiry as submit } from "../../server/contact/enquiry";
import type { ContactDraft } from "./contact";
import type { Lang } from "./lang";

export { enquiryAcknowledgement } from "../../server/contact/enquiry";

export function submitEnquiry(context: AppLoadContext, input: { draft: ContactDraft; lang: Lang; idempotencyKey: string; acknowledge: boolean }) {
  const { name, email, question } = input.draft;
  return submit(context.services, { enquiry: { name, email, question }, lang: input.lang, idempotencyKey: input.idempotencyKey, acknowledge: input.acknowledge });
}
