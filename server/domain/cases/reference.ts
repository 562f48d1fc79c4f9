import { z } from "zod";
import { CASE_TYPES, type CaseType } from "./case-types.js";

/** Every reference is exactly this long: prefix + zero-padded number. */
export const REFERENCE_LENGTH = 10;

export interface ParsedReference {
  readonly type: CaseType;
  readonly number: number;
}

/** Largest number that still fits in 10 characters after the type's prefix. */
export function maxReferenceNumber(type: CaseType): number {
  return 10 ** (REFERENCE_LENGTH - type.length) - 1;
}

export function formatReference(type: CaseType, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > maxReferenceNumber(type)) {
    throw new RangeError(
      `Reference number for ${type} must be an integer from 1 to ${maxReferenceNumber(type)}, got ${n}`,
    );
  }
  return type + String(n).padStart(REFERENCE_LENGTH - type.length, "0");
}

// Longest prefixes first, and the digits must fill the rest exactly, so
// "FS50012345" can only ever be FS50 + 012345 (no type is a prefix of another
// today, but the ordering keeps this true if one is added later).
const PREFIXES = [...CASE_TYPES].sort((a, b) => b.length - a.length);
const REFERENCE_RE = new RegExp(`^(${PREFIXES.join("|")})(\\d+)$`);

/**
 * Accepts what people type or paste: any case, surrounding or inner spaces
 * ("rfa 001 2345"). Returns null rather than throwing, because this is used
 * on untrusted input such as email subjects and search boxes.
 */
export function parseReference(input: string): ParsedReference | null {
  const s = input.replace(/\s+/g, "").toUpperCase();
  if (s.length !== REFERENCE_LENGTH) return null;
  const m = REFERENCE_RE.exec(s);
  if (!m) return null;
  const type = m[1] as CaseType;
  const digits = m[2]!;
  if (type.length + digits.length !== REFERENCE_LENGTH) return null;
  const number = Number(digits);
  if (number < 1) return null;
  return { type, number };
}

/** Validates and normalises to the canonical upper-case form. */
export const ReferenceSchema = z.string().transform((value, ctx) => {
  const parsed = parseReference(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "Enter a valid case reference, like RFA0012345" });
    return z.NEVER;
  }
  return formatReference(parsed.type, parsed.number);
});

/** How a reference is quoted in email subjects so replies attach to the case. */
export function referenceTag(reference: string): string {
  return `[Ref. ${reference}]`;
}

const TAG_RE = /\[\s*Ref\.?\s*([A-Za-z0-9 ]{10,20}?)\s*\]/i;

/** Finds the case reference quoted in an email subject, or null. */
export function extractReference(subject: string): string | null {
  const m = TAG_RE.exec(subject);
  if (!m) return null;
  const parsed = parseReference(m[1]!);
  return parsed ? formatReference(parsed.type, parsed.number) : null;
}

/**
 * The database owns uniqueness: an implementation increments one counter row
 * per type atomically (e.g. UPDATE … SET value = value + 1 RETURNING value),
 * so two concurrent intakes can never get the same number.
 */
export interface ReferenceAllocator {
  next(type: CaseType): Promise<number>;
}

export async function allocateReference(
  allocator: ReferenceAllocator,
  type: CaseType,
): Promise<string> {
  return formatReference(type, await allocator.next(type));
}
