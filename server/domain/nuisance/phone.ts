// Phone numbers as people type them: parsed with libphonenumber-js (the full metadata, so the
// number's type is known) into E.164, so one caller counts once however the number was typed.
// Anything that cannot be a phone number is kept exactly as typed and marked unparsed: people
// copy what their phone shows, and a report is never refused for it.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type NumberStatus = "given" | "withheld" | "unknown";

export type ParsedNumber = {
  /** What the person typed, trimmed. */
  typed: string;
  /** E.164 (+447700900123) when the number could be a real phone number; null otherwise. */
  e164: string | null;
  /** Typed something, but it cannot be a phone number. */
  unparsed: boolean;
  /** A UK premium-rate number (09…, 087…, 118…): the phone-paid services regulator's business. */
  premiumRate: boolean;
};

const MAX_TYPED = 40;

/** "Number withheld", "Private number", "Unknown" and the like, as phones display them. */
const WITHHELD = /^(number\s*)?(withheld|private|hidden|anonymous|blocked|no caller id|restricted)(\s*number)?$/i;
const UNKNOWN = /^(unknown|unavailable|not available|n\/?a|none)(\s*number)?$/i;

/** What a typed number means before parsing: a real number, or a phone's "withheld"/"unknown" display. */
export function numberStatusOf(typed: string): NumberStatus {
  const t = typed.trim();
  if (t === "") return "unknown";
  if (WITHHELD.test(t)) return "withheld";
  if (UNKNOWN.test(t)) return "unknown";
  return "given";
}

export function parsePhone(input: string): ParsedNumber {
  const typed = input.trim().slice(0, MAX_TYPED);
  if (typed === "") return { typed, e164: null, unparsed: false, premiumRate: false };
  // Directory enquiry numbers (118 xxx) are six-digit short codes libphonenumber does not treat as
  // phone numbers, yet they are premium rate and a known nuisance.
  const digits = typed.replace(/[\s().-]/g, "");
  if (/^118\d{3}$/.test(digits)) return { typed, e164: `+44${digits}`, unparsed: false, premiumRate: true };
  // Letters (other than a leading "tel:") mean it is not a number as typed; do not guess.
  if (/[a-z]/i.test(typed.replace(/^tel:/i, "").replace(/\bext?\.?\s*\d+$/i, ""))) return { typed, e164: null, unparsed: true, premiumRate: false };
  const parsed = parsePhoneNumberFromString(typed.replace(/^tel:/i, ""), "GB");
  // isPossible rather than isValid: Ofcom's drama ranges and newly allocated blocks are still numbers
  // people receive calls from; the length and country are what make it a phone number.
  if (!parsed || !parsed.isPossible()) return { typed, e164: null, unparsed: true, premiumRate: false };
  const e164 = parsed.number;
  return { typed, e164, unparsed: false, premiumRate: isUkPremiumRate(e164) };
}

/** 09… premium rate, 087… (charged "service" numbers) and 118… directory enquiries. */
export function isUkPremiumRate(e164: string): boolean {
  return /^\+44(9|87|118)/.test(e164);
}

/** A number for people to read: national format for UK numbers, international otherwise. */
export function displayNumber(e164: string): string {
  if (/^\+44118\d{3}$/.test(e164)) return e164.replace("+44", "");
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === "44" ? parsed.formatNational() : parsed.formatInternational();
}
