// Limits on the public doors that create records or send email (issue 12): how many submissions
// one address may make a day, and how many acknowledgements one recipient may be sent a day.
// The second is what stops mail bombing: anyone can type a stranger's address into a form, so
// the case is still created (a real person's request is never lost) but the stranger is sent at
// most a handful of our emails a day, whatever the forms, addresses or sessions used.
// Counters live in the shared store (server/limits/index.ts): they hold across instances.
import { isLimited, secondsToWait, type Limits } from "./index.js";

export const PUBLIC_LIMITS = {
  /**
   * Records created through public forms (contact, concerns, adjustments, nuisance) per address a
   * day. An advice agency behind one address may send a few dozen in a day; a script sends thousands.
   */
  submissionsPerAddress: { points: 100, duration: 86_400 },
  /** Acknowledgement emails to one recipient a day, across every public form. */
  acknowledgementsPerRecipient: { points: 5, duration: 86_400 },
} as const;

/**
 * The key for one mailbox: lower case, without a "+tag" (delivered to the same mailbox by most
 * providers), and without dots in a Gmail local part (Gmail ignores them). Only for counting:
 * the email still goes to the address as typed.
 */
export function recipientKey(email: string): string {
  const at = email.trim().toLowerCase().lastIndexOf("@");
  if (at < 1) return email.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  let local = address.slice(0, at);
  const domain = address.slice(at + 1).replace(/\.$/, "");
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const gmail = domain === "gmail.com" || domain === "googlemail.com";
  if (gmail) local = local.replaceAll(".", "");
  return `${local}@${gmail ? "gmail.com" : domain}`;
}

export type SubmissionCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

export function publicLimits(limits: Limits) {
  // limits.create returns the same limiter for the same name and settings, so this is cheap per request.
  const perAddress = limits.create({ keyPrefix: "public-submit-ip", ...PUBLIC_LIMITS.submissionsPerAddress });
  const perRecipient = limits.create({ keyPrefix: "ack-recipient", ...PUBLIC_LIMITS.acknowledgementsPerRecipient });
  return {
    /** Counts one submission from this address; refused once over the day's quota. */
    async submission(address: string): Promise<SubmissionCheck> {
      try {
        await perAddress.consume(address);
        return { ok: true };
      } catch (error) {
        if (!isLimited(error)) throw error;
        return { ok: false, retryAfterSeconds: secondsToWait(error) };
      }
    },
    /** True when one more acknowledgement may go to this recipient today (and counts it). */
    async acknowledge(email: string): Promise<boolean> {
      try {
        await perRecipient.consume(recipientKey(email));
        return true;
      } catch (error) {
        if (!isLimited(error)) throw error;
        return false;
      }
    },
  };
}
