// The general-question journey (/contact): its answers, their validation and the next page.
import { z } from "zod";
import { canShow, walkPages, type PageList } from "../../server/domain/journey/engine";

export const QUESTION_MAX = 2000;
export const NAME_MAX = 100;

export const ContactQuestionSchema = z.object({
  question: z
    .string({ error: "contact:errors.question.required" })
    .trim()
    .min(1, "contact:errors.question.required")
    .max(QUESTION_MAX, "contact:errors.question.tooLong"),
});

export const ContactDetailsSchema = z.object({
  name: z.string({ error: "contact:errors.name.required" }).trim().min(1, "contact:errors.name.required").max(NAME_MAX, "contact:errors.name.tooLong"),
  email: z
    .string({ error: "contact:errors.email.required" })
    .trim()
    .min(1, "contact:errors.email.required")
    .max(254, "contact:errors.email.invalid")
    .pipe(z.email("contact:errors.email.invalid")),
});

export const ContactSubmissionSchema = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

export const ContactDraftSchema = ContactQuestionSchema.extend(ContactDetailsSchema.shape);
export type ContactDraft = z.output<typeof ContactDraftSchema> & { idempotencyKey?: string };

export const CONTACT_PAGES = ["/contact", "/contact/details", "/contact/check"] as const;
export type ContactPage = (typeof CONTACT_PAGES)[number];

/** The journey for the engine (server/domain/journey/engine.ts): a page is answered when its schema accepts the draft. */
export const CONTACT_JOURNEY: PageList<ContactPage, Partial<ContactDraft>> = {
  pages: CONTACT_PAGES,
  answered: (page, draft) =>
    page === "/contact" ? ContactQuestionSchema.safeParse(draft).success : page === "/contact/details" ? ContactDetailsSchema.safeParse(draft).success : false,
};

export const walkContact = (draft: Partial<ContactDraft>) => walkPages(CONTACT_JOURNEY, draft);

/** The first page whose answer is missing: where a deep link ahead of the answers goes back to. */
export function nextContactStep(draft: Partial<ContactDraft>): ContactPage {
  return walkContact(draft).next ?? "/contact/check";
}

/** Whether a page can be shown with these answers, else where to go instead. */
export function contactGuard(page: ContactPage, draft: Partial<ContactDraft>): ContactPage | null {
  const walk = walkContact(draft);
  return canShow(walk, page) ? null : (walk.next ?? "/contact/check");
}
