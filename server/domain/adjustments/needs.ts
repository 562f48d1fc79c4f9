// What would help: the "alternative formats" list everyone sees (no yes/no gate first),
// the follow-up questions some answers need, and the persisted shape of a chosen need.
import { z } from "zod";
import {
  BRAILLE_GRADES,
  BSL_KINDS,
  FOLLOW_UP_TEXT_MAX,
  FOLLOW_UPS,
  FONTS,
  hasFollowUp,
  LARGE_PRINT_SIZES,
  MEETING_KINDS,
  NEED_CODES,
  PAPER_COLOURS,
  type AgreeableCode,
  type FollowUpNeed,
  type Need,
  type NeedCode,
} from "./codes.js";

export * from "./codes.js";

/** The stored shape of a need, checked whenever it is read back. */
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
}) satisfies z.ZodType<Need>;
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
