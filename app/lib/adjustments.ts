// The adjustment request journey (/adjustments): its answers, their validation (messages are
// i18n keys) and which page comes next. One question a page; conditional follow-ups are a
// page of their own, so every step works without JavaScript.
import { isPossiblePhoneNumber } from "libphonenumber-js";
// The mobile metadata: enough to tell a mobile from a landline abroad (the UK rule is ours).
import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";
import { z } from "zod";
import {
  FOLLOW_UP_TEXT_MAX,
  FOLLOW_UPS,
  hasFollowUp,
  missingFollowUps,
  orderCodes,
  OTHER_NEED_MAX,
  type FollowUpNeed,
  type Need,
} from "../../server/domain/adjustments/needs";
import { canShow, previousStep as previousOnWalk, stepAfter, walkPages, type PageList } from "../../server/domain/journey/engine";

export const DIFFICULTY_MAX = 2000;
export const NAME_MAX = 100;
export const ADDRESS_MAX = 500;

const e = (key: string) => `adjustments:errors.${key}`;

/**
 * The draft: each page's answers are the `z.output` of its schema below (declared once), plus
 * what the schemas do not give: the needs with their follow-up answers (the follow-up page adds
 * them to each need), consent as a yes/no, and whether an optional page has been answered.
 */
export type AdjustmentsDraft = Pick<z.output<typeof NeedsSchema>, "other"> & { needs: Need[]; moreAnswered: boolean } & z.output<typeof DurationSchema> &
  z.output<typeof CaseSchema> & { caseAnswered: boolean } & Pick<z.output<typeof DifficultySchema>, "difficulty"> & { consent: boolean; difficultyAnswered: boolean } & z.output<typeof ContactSchema> &
  z.output<typeof ReplySchema> & { idempotencyKey: string };
export type Draft = Partial<AdjustmentsDraft>;

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).optional().default("");
// Unknown checkbox values (a tampered form) are dropped rather than trusted or reported.
const codeList = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) => orderCodes(value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const NeedsSchema = z
  .object({ needs: codeList, other: text(OTHER_NEED_MAX, e("other.tooLong")) })
  .refine((v) => v.needs.length > 0 || v.other.length > 0, { message: e("needs.required"), path: ["needs"] });

/** The follow-up questions for the needs chosen, as one schema. */
export function followUpSchema(needs: readonly Need[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const need of needs) {
    if (!hasFollowUp(need.code)) continue;
    const spec = FOLLOW_UPS[need.code as FollowUpNeed];
    if (spec.options) {
      shape[spec.field] = z.enum(spec.options as unknown as [string, ...string[]], { error: e(`${spec.field}.required`) });
    } else if (spec.required) {
      shape[spec.field] = z.string({ error: e(`${spec.field}.required`) }).trim().min(1, e(`${spec.field}.required`)).max(FOLLOW_UP_TEXT_MAX, e(`${spec.field}.tooLong`));
    } else {
      shape[spec.field] = text(FOLLOW_UP_TEXT_MAX, e(`${spec.field}.tooLong`));
    }
  }
  if (needs.some((n) => n.code === "font")) shape.fontName = text(FOLLOW_UP_TEXT_MAX, e("fontName.tooLong"));
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      if (v.font === "other" && !v.fontName) ctx.addIssue({ code: "custom", message: e("fontName.required"), path: ["fontName"] });
    });
}

/** Puts follow-up answers onto the needs they belong to. */
export function applyFollowUps(needs: readonly Need[], answers: Record<string, unknown>): Need[] {
  return needs.map((need) => {
    if (!hasFollowUp(need.code)) return { code: need.code };
    const field = FOLLOW_UPS[need.code as FollowUpNeed].field;
    const next: Need = { code: need.code };
    const value = answers[field];
    if (typeof value === "string" && value !== "") (next as Record<string, unknown>)[field] = value;
    if (need.code === "font" && answers.font === "other" && typeof answers.fontName === "string" && answers.fontName) next.fontName = answers.fontName;
    return next;
  });
}

export const DurationSchema = z.object({ duration: z.enum(["one_off", "ongoing"], { error: e("duration.required") }) });

export const CaseSchema = z.object({ caseReference: z.string().trim().max(40, e("caseReference.invalid")).optional().default("") });

export const DifficultySchema = z
  .object({
    difficulty: text(DIFFICULTY_MAX, e("difficulty.tooLong")),
    consent: z.literal("yes").optional(),
  })
  .refine((v) => !v.difficulty || v.consent === "yes", { message: e("consent.required"), path: ["consent"] });

export const ContactSchema = z
  .object({
    name: z.string({ error: e("name.required") }).trim().min(1, e("name.required")).max(NAME_MAX, e("name.tooLong")),
    email: z
      .string()
      .trim()
      .max(254, e("email.invalid"))
      .optional()
      .default("")
      .refine((v) => v === "" || z.email().safeParse(v).success, e("email.invalid")),
    phone: z
      .string()
      .trim()
      .max(40, e("phone.invalid"))
      .optional()
      .default("")
      .refine((v) => v === "" || isPossiblePhoneNumber(v, "GB"), e("phone.invalid")),
  })
  .refine((v) => v.email !== "" || v.phone !== "", { message: e("contact.required"), path: ["email"] });

export const ReplySchema = z
  .object({
    replyBy: z.enum(["email", "phone", "text", "letter"], { error: e("replyBy.required") }),
    address: text(ADDRESS_MAX, e("address.tooLong")),
  })
  .refine((v) => v.replyBy !== "letter" || v.address !== "", { message: e("address.required"), path: ["address"] });

/**
 * Whether a number can take text messages. UK numbers: mobiles are 07 (not 070 personal numbers
 * or 076 pagers, apart from 07624 on the Isle of Man); a landline such as 029 2018 0000 cannot.
 * Other countries: what the numbering plan says, and "maybe" counts as yes.
 */
export function canTakeTexts(phone: string): boolean {
  const parsed = parsePhoneNumberFromString(phone, "GB");
  if (!parsed) return false;
  if (parsed.countryCallingCode === "44") return /^7(?!0|6(?!24))/.test(parsed.nationalNumber);
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}

/** The ways we can tell them our decision, given the contact details they gave. */
export function replyOptions(draft: Draft): AdjustmentsDraft["replyBy"][] {
  const options: AdjustmentsDraft["replyBy"][] = [];
  if (draft.email) options.push("email");
  if (draft.phone) options.push("phone");
  if (draft.phone && canTakeTexts(draft.phone)) options.push("text");
  options.push("letter");
  return options;
}

export const SubmissionSchema = z.object({ idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const STEPS = ["needs", "more", "duration", "case", "about-you", "contact", "reply", "check"] as const;
export type Step = (typeof STEPS)[number];

const hasFollowUps = (draft: Draft) => (draft.needs ?? []).some((n) => hasFollowUp(n.code));

/** Whether a step applies to these answers (the follow-up page only when a chosen need has one). */
export function stepApplies(step: Step, draft: Draft): boolean {
  return step !== "more" || hasFollowUps(draft);
}

function stepDone(step: Step, draft: Draft): boolean {
  switch (step) {
    case "needs":
      return (draft.needs?.length ?? 0) > 0 || Boolean(draft.other);
    case "more":
      return Boolean(draft.moreAnswered) && missingFollowUps(draft.needs ?? []).length === 0;
    case "duration":
      return Boolean(draft.duration);
    case "case":
      return Boolean(draft.caseAnswered);
    case "about-you":
      return Boolean(draft.difficultyAnswered);
    case "contact":
      return Boolean(draft.name) && Boolean(draft.email || draft.phone);
    case "reply":
      return Boolean(draft.replyBy) && replyOptions(draft).includes(draft.replyBy!) && (draft.replyBy !== "letter" || Boolean(draft.address));
    case "check":
      // Never answered: the walk always ends here.
      return false;
  }
}

/** The journey for the engine (server/domain/journey/engine.ts): its pages, which apply, which are answered. */
export const ADJUSTMENTS_JOURNEY: PageList<Step, Draft> = { pages: STEPS, applies: stepApplies, answered: stepDone };

export const walkAdjustments = (draft: Draft) => walkPages(ADJUSTMENTS_JOURNEY, draft);

/** The first page whose answer is missing: where a deep link ahead of the answers goes back to. */
export function nextStep(draft: Draft): Step {
  return walkAdjustments(draft).next ?? "check";
}

/**
 * Where a page's "Continue" goes: the next page on the path, answered or not (back, back,
 * Continue shows each page again); when changing from check answers, back there unless the
 * change needs a new answer.
 */
export function afterStep(step: Step, draft: Draft, changing: boolean): Step {
  const walk = walkAdjustments(draft);
  return (changing ? walk.next : stepAfter(walk, step)) ?? "check";
}

/** The page before this one, for the back link. */
export function previousStep(step: Step, draft: Draft): Step | null {
  return previousOnWalk(walkAdjustments(draft), step);
}

/** A page may be shown when it is on the path or is the next one; otherwise the first missing one. */
export function guardStep(step: Step, draft: Draft): Step | null {
  const walk = walkAdjustments(draft);
  return canShow(walk, step) ? null : (walk.next ?? "check");
}

export const stepPath = (step: Step) => (step === "needs" ? "/adjustments/needs" : `/adjustments/${step}`);
