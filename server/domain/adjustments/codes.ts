// The codes of the "alternative formats" list and its follow-up options: plain constants with
// no zod, so pages that run in the browser can import them.
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
export type Need = {
  code: NeedCode;
  size?: (typeof LARGE_PRINT_SIZES)[number];
  colour?: (typeof PAPER_COLOURS)[number];
  font?: (typeof FONTS)[number];
  fontName?: string;
  grade?: (typeof BRAILLE_GRADES)[number];
  bsl?: (typeof BSL_KINDS)[number];
  times?: string;
  extra?: string;
  meeting?: (typeof MEETING_KINDS)[number];
};
