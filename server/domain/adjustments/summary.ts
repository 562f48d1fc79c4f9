// The words on a customer's reasonable-adjustment flag, written for staff: what we agreed,
// what we do instead where we agreed only some, and when it is reviewed. The request's
// reference travels beside it (ActiveFlag.adjustmentReference), not in the words.
import type { AgreeableCode, Need } from "./needs.js";

export type Labeller = {
  /** "Large print (18 point)" etc.: the need with its follow-up answer. */
  need(need: Need): string;
  other(text: string): string;
  instead(text: string): string;
  reviewBy(date: Date): string;
  oneOff(): string;
};

export const FLAG_SUMMARY_MAX = 1000;

export function flagSummary(
  input: {
    needs: readonly Need[];
    otherNeed: string | null;
    agreed: readonly AgreeableCode[];
    instead: string | null;
    reviewAt: Date | null;
  },
  label: Labeller,
): string {
  const agreed = new Set(input.agreed);
  const parts = input.needs.filter((n) => agreed.has(n.code)).map((n) => label.need(n));
  if (agreed.has("other") && input.otherNeed) parts.push(label.other(input.otherNeed));
  // The review comes before the officer's free text, so a long "instead" never cuts it off.
  let text = `${parts.join("; ")}. ${input.reviewAt ? label.reviewBy(input.reviewAt) : label.oneOff()}`;
  if (input.instead) text += ` ${label.instead(input.instead)}`;
  return text.length > FLAG_SUMMARY_MAX ? `${text.slice(0, FLAG_SUMMARY_MAX - 1)}…` : text;
}
