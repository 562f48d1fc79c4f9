// GOV.UK date inputs (day, month, year in three boxes): reading them into a calendar date,
// and the checks a date in this journey must pass. Error codes, not messages: the page
// turns them into text in the person's language.
import type { IsoDate } from "../cases/working-days.js";

export type DateParts = { day?: string | null; month?: string | null; year?: string | null };
export type DatePart = "day" | "month" | "year";

export type DateError =
  /** Nothing entered. */
  | "required"
  /** Some parts entered, `missing` says which are not. */
  | "incomplete"
  /** Not a date that exists (31 February, month 13, letters). */
  | "not_real"
  /** The year is not 4 digits. */
  | "year_format"
  /** After today, for something that has already happened. */
  | "future"
  /** Before an earlier date of the same story (a reply before the request). */
  | "too_early";

export type ParsedDate =
  | { ok: true; iso: IsoDate }
  | { ok: false; error: DateError; /** the boxes to mark as wrong */ parts: DatePart[]; missing?: DatePart[] };

const PARTS: DatePart[] = ["day", "month", "year"];
const EARLIEST_YEAR = 1900;

/** Reads the three boxes. Spaces are ignored; leading zeros are fine ("03"). */
export function parseDateParts(input: DateParts): ParsedDate {
  const raw = {
    day: (input.day ?? "").replace(/\s+/g, ""),
    month: (input.month ?? "").replace(/\s+/g, ""),
    year: (input.year ?? "").replace(/\s+/g, ""),
  };
  const missing = PARTS.filter((p) => raw[p] === "");
  if (missing.length === 3) return { ok: false, error: "required", parts: [...PARTS] };
  if (missing.length > 0) return { ok: false, error: "incomplete", parts: missing, missing };
  const notNumbers = PARTS.filter((p) => !/^\d+$/.test(raw[p]));
  if (notNumbers.length > 0) return { ok: false, error: "not_real", parts: notNumbers };
  if (raw.year.length !== 4) return { ok: false, error: "year_format", parts: ["year"] };
  const day = Number(raw.day);
  const month = Number(raw.month);
  const year = Number(raw.year);
  if (month < 1 || month > 12) return { ok: false, error: "not_real", parts: ["month"] };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return { ok: false, error: "not_real", parts: ["day"] };
  if (year < EARLIEST_YEAR) return { ok: false, error: "not_real", parts: ["year"] };
  return { ok: true, iso: `${raw.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/**
 * Where a date that could not be read went wrong, for its message and its error summary link:
 * `code` ends the message key ("incomplete_day_month" names the missing boxes, as GOV.UK's
 * "The date must include a day and month"), `box` is the first wrong box (the link's target) and
 * `parts` the boxes to mark.
 */
export function dateFailure(parsed: Extract<ParsedDate, { ok: false }>): { code: string; box: DatePart; parts: DatePart[] } {
  const code = parsed.error === "incomplete" ? `incomplete_${parsed.missing!.join("_")}` : parsed.error;
  return { code, box: parsed.parts[0]!, parts: parsed.parts };
}

/** The three boxes for a stored date, to show it again. */
export function dateToParts(iso: IsoDate | undefined | null): Required<{ [K in DatePart]: string }> {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return { day: "", month: "", year: "" };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/**
 * A date that has happened: not after today, and not before `notBefore` (the latest earlier
 * date the person gave, e.g. a reply cannot come before the request it answers).
 */
export function checkPastDate(iso: IsoDate, rules: { today: IsoDate; notBefore?: IsoDate | null }): "future" | "too_early" | null {
  if (iso > rules.today) return "future";
  if (rules.notBefore && iso < rules.notBefore) return "too_early";
  return null;
}
