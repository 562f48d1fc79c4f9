// What would help: the "alternative formats" list everyone sees (no yes/no gate first),
// the follow-up questions some answers need, and the persisted shape of a chosen need.
import { z } from "zod";

/** Written information from us. */
export const WRITTEN_NEEDS = [
  "large_print",
  "bold",
  "double_spacing",
  "coloured_paper",
  "font",
  "audio",
  "braille",
  "easy_read",
  "accessible_document",
  "email_not_post",
] as const;

/** Speaking to us and being contacted. */
export const CONTACT_NEEDS = [
  "relay_uk",
  "bsl",
  "lip_speaker",
  "phone_not_writing",
  "writing_not_phone",
  "call_times",
  "single_contact",
  "more_time",
  "form_help",
  "meeting",
  "welsh",
] as const;

export const NEED_CODES = [...WRITTEN_NEEDS, ...CONTACT_NEEDS] as const;
export type NeedCode = (typeof NEED_CODES)[number];
/** "other" stands for the free-text need in decisions and summaries. */
export type AgreeableCode = NeedCode | "other";

export const isNeedCode = (value: unknown): value is NeedCode => typeof value === "string" && (NEED_CODES as readonly string[]).includes(value);

export const LARGE_PRINT_SIZES = ["16", "18", "20", "24", "28"] as const;
export const PAPER_COLOURS = ["cream", "yellow", "blue", "pink", "green", "lilac"] as const;
/** Fonts we can set in an email; anything else is written down for the officer (fontName). */
export const FONTS = ["arial", "verdana", "tahoma", "century_gothic", "comic_sans", "other"] as const;
export const BRAILLE_GRADES = ["1", "2", "not_sure"] as const;
export const BSL_KINDS = ["video_relay", "interpreter"] as const;
export const MEETING_KINDS = ["in_person", "video"] as const;

export const FOLLOW_UP_TEXT_MAX = 200;
export const OTHER_NEED_MAX = 500;

/**
 * The follow-up questions, by need. `required` ones must be answered before the
 * journey continues; `more_time` only asks (optionally) how much longer.
 */
export const FOLLOW_UPS = {
  large_print: { field: "size", options: LARGE_PRINT_SIZES, required: true },
  coloured_paper: { field: "colour", options: PAPER_COLOURS, required: true },
  font: { field: "font", options: FONTS, required: true },
  braille: { field: "grade", options: BRAILLE_GRADES, required: true },
  bsl: { field: "bsl", options: BSL_KINDS, required: true },
  call_times: { field: "times", options: null, required: true },
  more_time: { field: "extra", options: null, required: false },
  meeting: { field: "meeting", options: MEETING_KINDS, required: true },
} as const satisfies Partial<Record<NeedCode, { field: string; options: readonly string[] | null; required: boolean }>>;

export type FollowUpNeed = keyof typeof FOLLOW_UPS;
export const hasFollowUp = (code: NeedCode): code is FollowUpNeed => code in FOLLOW_UPS;

/** One chosen need with its follow-up answers, as stored (AdjustmentRequest.needs, version 1). */
export const NeedSchema = z.object({
  code: z.enum(NEED_CODES),
  size: z.enum(LARGE_PRINT_SIZES).optional(),
  colour: z.enum(PAPER_COLOURS).optional(),
  font: z.enum(FONTS).optional(),
  fontName: z.string().max(FOLLOW_UP_TEXT_MAX).optional(),
  grade: z.enum(BRAILLE_GRADES).optional(),
  bsl: z.enum(BSL_KINDS).optional(),
  times: z.string().max(FOLLOW_UP_TEXT_MAX).optional(),
  extra: z.string().max(FOLLOW_UP_TEXT_MAX).optional(),
  meeting: z.enum(MEETING_KINDS).optional(),
});
export type Need = z.output<typeof NeedSchema>;
export const NeedsSchema = z.array(NeedSchema);

/** Reads stored needs defensively: unknown entries are dropped, never trusted. */
export function readNeeds(value: unknown): Need[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = NeedSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Chosen codes in the order of the list people saw, each once. */
export function orderCodes(codes: readonly string[]): NeedCode[] {
  const chosen = new Set(codes);
  return NEED_CODES.filter((code) => chosen.has(code));
}

/**
 * Keeps follow-up answers only for needs still chosen and only the field that
 * belongs to each need: unticking "large print" forgets the size.
 */
export function mergeNeeds(codes: readonly string[], previous: readonly Need[]): Need[] {
  return orderCodes(codes).map((code) => {
    const before = previous.find((n) => n.code === code);
    if (!before || !hasFollowUp(code)) return { code };
    const field = FOLLOW_UPS[code].field;
    const kept: Need = { code };
    const value = before[field as keyof Need];
    if (value !== undefined) (kept as Record<string, unknown>)[field] = value;
    if (code === "font" && before.font === "other" && before.fontName) kept.fontName = before.fontName;
    return kept;
  });
}

/** Needs whose required follow-up is not answered yet. */
export function missingFollowUps(needs: readonly Need[]): NeedCode[] {
  return needs
    .filter((n) => hasFollowUp(n.code))
    .filter((n) => {
      const spec = FOLLOW_UPS[n.code as FollowUpNeed];
      if (!spec.required) return false;
      const value = n[spec.field as keyof Need];
      if (value === undefined || value === "") return true;
      return n.code === "font" && n.font === "other" && !n.fontName;
    })
    .map((n) => n.code);
}

/** The codes a decision can agree to: every chosen need, plus "other" when they wrote one. */
export function agreeableCodes(needs: readonly Need[], otherNeed: string | null | undefined): AgreeableCode[] {
  const codes: AgreeableCode[] = needs.map((n) => n.code);
  if (otherNeed && otherNeed.trim()) codes.push("other");
  return codes;
}

/** The language we write in: Welsh when they asked for Welsh, otherwise the language of the pages they used. */
export function correspondenceLanguage(pageLanguage: "en" | "cy", needs: readonly Need[]): "en" | "cy" {
  return needs.some((n) => n.code === "welsh") ? "cy" : pageLanguage;
}
