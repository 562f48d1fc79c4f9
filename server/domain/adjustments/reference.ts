// Adjustment request references: ADJ and seven digits (ADJ0000012), ten characters like case
// references but never a case reference (parseReference for cases refuses them).

export const ADJUSTMENT_PREFIX = "ADJ";
export const ADJUSTMENT_REFERENCE_LENGTH = 10;
const DIGITS = ADJUSTMENT_REFERENCE_LENGTH - ADJUSTMENT_PREFIX.length;
export const MAX_ADJUSTMENT_NUMBER = 10 ** DIGITS - 1;

export function formatAdjustmentReference(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ADJUSTMENT_NUMBER) {
    throw new RangeError(`Adjustment reference number must be an integer from 1 to ${MAX_ADJUSTMENT_NUMBER}, got ${n}`);
  }
  return ADJUSTMENT_PREFIX + String(n).padStart(DIGITS, "0");
}

/** Accepts any case and inner spaces ("adj 000 0012"); null when it is not one. */
export function parseAdjustmentReference(input: string): string | null {
  const s = input.replace(/\s+/g, "").toUpperCase();
  const m = /^ADJ(\d{7})$/.exec(s);
  if (!m || Number(m[1]) < 1) return null;
  return s;
}
