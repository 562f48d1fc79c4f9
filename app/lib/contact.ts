// The general-question journey (/contact): its answers, their validation and the next page.
import { z } from "zod";

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

/** The first page whose answer is missing: where a deep link ahead of the answers goes back to. */
export function nextContactStep(draft: Partial<ContactDraft>): "/contact" | "/contact/details" | "/contact/check" {
  if (!ContactQuestionSchema.safeParse(draft).success) return "/contact";
  if (!ContactDetailsSchema.safeParse(draft).success) return "/contact/details";
  return "/contact/check";
}
