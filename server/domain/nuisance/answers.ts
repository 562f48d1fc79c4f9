// The answers of a nuisance report's "About you" and "Your details" pages: one zod schema per
// page reads the posted form into what the draft and the stored report keep, so the types are
// `z.output` of the schemas and declared nowhere else (issue 13). Messages are i18n keys of the
// nuisance namespace.
import { z } from "zod";
import type { IsoDate } from "../cases/working-days.js";
import { dateFailure, parseDateParts } from "../concerns/dates.js";

export const PREFERENCE_ANSWERS = ["yes", "no", "not_sure"] as const;
export const CONSENT_ANSWERS = ["no", "consented", "customer", "not_sure"] as const;

const dateBox = z.string().optional().default("");

/**
 * The "About you" page: TPS/FPS registration and since when (optional, only with "yes"), consent
 * or being a customer, and whether they asked the caller to stop. `today` is the London date: a
 * registration date cannot be after it.
 */
export function aboutYouPage(today: IsoDate) {
  return z
    .object({
      tps: z.enum(PREFERENCE_ANSWERS, { error: "errors.tps.required" }),
      "registered-day": dateBox,
      "registered-month": dateBox,
      "registered-year": dateBox,
      consent: z.enum(CONSENT_ANSWERS, { error: "errors.consent.required" }),
      askedToStop: z.enum(["yes", "no"], { error: "errors.askedToStop.required" }),
    })
    .transform((v, ctx) => {
      let registeredOn: IsoDate | null = null;
      const parts = { day: v["registered-day"], month: v["registered-month"], year: v["registered-year"] };
      if (v.tps === "yes" && (parts.day || parts.month || parts.year)) {
        // Each message names the date ("The date you registered …") and the issue names its box,
        // so the error summary links to the first wrong box and only the wrong ones are marked.
        const parsed = parseDateParts(parts);
        if (!parsed.ok) {
          const { code, box, parts: wrong } = dateFailure(parsed);
          ctx.addIssue({ code: "custom", message: `errors.registered.${code}`, path: ["registered"], params: { box, parts: wrong } });
          return z.NEVER;
        }
        if (parsed.iso > today) {
          ctx.addIssue({ code: "custom", message: "errors.registered.future", path: ["registered"], params: { box: "day" } });
          return z.NEVER;
        }
        registeredOn = parsed.iso;
      }
      return { tps: v.tps, registeredOn, consent: v.consent, askedToStop: v.askedToStop };
    });
}
export type AboutYou = z.output<ReturnType<typeof aboutYouPage>>;

const optionalText = (max: number, key: string) => z.string().trim().max(max, key).optional().default("");

/** The "Your details" page: optional, unless they want a reply (then a name and a way to reach them). */
export const YourDetailsPage = z
  .object({
    wantsReply: z.enum(["yes", "no"], { error: "errors.wantsReply.required" }),
    name: optionalText(200, "errors.name.tooLong"),
    email: optionalText(254, "errors.email.invalid").refine((v) => v === "" || z.email().safeParse(v).success, "errors.email.invalid"),
    phone: optionalText(40, "errors.phone.invalid"),
    remember: z.string().optional(),
  })
  .refine((v) => v.wantsReply === "no" || v.name !== "", { message: "errors.name.required", path: ["name"] })
  .refine((v) => v.wantsReply === "no" || v.email !== "" || v.phone !== "", { message: "errors.email.requiredForReply", path: ["email"] })
  .transform((v) => ({
    wantsReply: v.wantsReply === "yes",
    name: v.name,
    email: v.email,
    phone: v.phone,
    // "Use the same details next time" only when there are details to use.
    remember: v.remember === "yes" && Boolean(v.name || v.email || v.phone),
  }));
export type YourDetailsAnswers = z.output<typeof YourDetailsPage>;

/** What the stored report keeps of "Your details": no empty strings, and nothing of the device cookie. */
export type YourDetails = { wantsReply: boolean; name: string | null; email: string | null; phone: string | null };

export function storedDetails(you: YourDetailsAnswers): YourDetails {
  return { wantsReply: you.wantsReply, name: you.name || null, email: you.email || null, phone: you.phone || null };
}
