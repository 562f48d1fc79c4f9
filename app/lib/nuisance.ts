// The nuisance reporting journey, shared by its pages: the draft, page addresses, and the
// zod schemas of the pages after the contacts. Client-safe (no server imports).
import { z } from "zod";
import type { DraftContact } from "../../server/domain/nuisance/contact";
import { CONTACT_KINDS, type ContactKind } from "../../server/domain/nuisance/kinds";

export { CONTACT_KINDS, MAX_CONTACTS, TOPICS, DESCRIPTION_MAX, MESSAGE_MAX } from "../../server/domain/nuisance/kinds";
export type { DraftContact } from "../../server/domain/nuisance/contact";

export type NuisanceDraft = {
  /** Ties uploaded .eml files to this draft until the report is sent. */
  draftId: string;
  contacts: DraftContact[];
  about?: { tps: "yes" | "no" | "not_sure"; registeredOn: string | null; consent: "no" | "consented" | "customer" | "not_sure"; askedToStop: "yes" | "no" };
  you?: { wantsReply: boolean; name: string; email: string; phone: string; remember: boolean };
  idempotencyKey?: string;
};

export const BASE = "/report-nuisance";
export const isKind = (value: unknown): value is ContactKind => typeof value === "string" && (CONTACT_KINDS as readonly string[]).includes(value);

export const KindSchema = z.object({ kind: z.enum(CONTACT_KINDS, { error: "errors.kind.required" }) });
export const AnotherSchema = z.object({ another: z.enum(["yes", "no"], { error: "errors.another.required" }) });
export const RemoveSchema = z.object({ confirm: z.enum(["yes", "no"], { error: "errors.remove.required" }) });

export const AboutSchema = z.object({
  tps: z.enum(["yes", "no", "not_sure"], { error: "errors.tps.required" }),
  "registered-day": z.string().optional().default(""),
  "registered-month": z.string().optional().default(""),
  "registered-year": z.string().optional().default(""),
  consent: z.enum(["no", "consented", "customer", "not_sure"], { error: "errors.consent.required" }),
  askedToStop: z.enum(["yes", "no"], { error: "errors.askedToStop.required" }),
});

const optionalText = (max: number, key: string) => z.string().trim().max(max, key).optional().default("");

export const YouSchema = z
  .object({
    wantsReply: z.enum(["yes", "no"], { error: "errors.wantsReply.required" }),
    name: optionalText(200, "errors.name.tooLong"),
    email: optionalText(254, "errors.email.invalid").refine((v) => v === "" || z.email().safeParse(v).success, "errors.email.invalid"),
    phone: optionalText(40, "errors.phone.invalid"),
    remember: z.string().optional(),
  })
  .refine((v) => v.wantsReply === "no" || v.name !== "", { message: "errors.name.required", path: ["name"] })
  .refine((v) => v.wantsReply === "no" || v.email !== "" || v.phone !== "", { message: "errors.email.requiredForReply", path: ["email"] });

export const SubmissionSchema = z.object({ idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** Where someone part-way through belongs: the first page still to answer. */
export function resumePath(draft: Partial<NuisanceDraft>): string {
  if (!draft.contacts?.length) return `${BASE}/kind`;
  if (!draft.about) return `${BASE}/about-you`;
  if (!draft.you) return `${BASE}/your-details`;
  return `${BASE}/check`;
}
