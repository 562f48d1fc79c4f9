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
  /** Acknowledgement emails to one recipient a day, across every public form (and chat transcripts, save for later). */
  acknowledgementsPerRecipient: { points: 5, duration: 86_400 },
  /**
   * Tracking-link emails (/track) to one recipient a day, across all their cases and records. Each
   * goes only to the address the record holds, but that address was typed by whoever made the
   * record: without this, a hundred cases made with a stranger's address are 300 links an hour.
   */
  trackLinksPerRecipient: { points: 10, duration: 86_400 },
  /**
   * Uploads (concerns files, nuisance .eml files) per address a day: bytes and files. A whole
   * concern journey holds 6 files of 5 MB; this is three full journeys' worth.
   */
  uploadBytesPerAddress: { points: 100 * 1024 * 1024, duration: 86_400 },
  uploadFilesPerAddress: { points: 60, duration: 86_400 },
  /**
   * Files uploaded into one submission (a concern journey, a nuisance draft) a day, removed ones
   * included: room for replacing a few, not for churning storage through remove-and-upload.
   */
  uploadFilesPerSubmission: { points: 20, duration: 86_400 },
  /**
   * New chats (a place in the chat queue) started from one address an hour. A second tab of the
   * same browser rejoins its chat and is not counted. Without it, a script makes new connections
   * and fills the queue, so every real customer is told it is full.
   */
  chatStartsPerAddress: { points: 10, duration: 3_600 },
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

/**
 * `perAddress: false` (demo mode, config.publicAddressQuotas) leaves out the quotas per address;
 * the limits per recipient and per submission always apply.
 */
export function publicLimits(limits: Limits, options: { perAddress: boolean; submissionsPerDay?: number } = { perAddress: true }) {
  // limits.create returns the same limiter for the same name and settings, so this is cheap per request.
  // PUBLIC_SUBMISSIONS_PER_DAY (config) may set the day's submissions lower, for a quick test over
  // HTTP; that limiter is made only where submissions are counted (guardSubmission, which passes
  // the configured value), since one name made twice with different settings is an error.
  const perAddress = () => limits.create({ keyPrefix: "public-submit-ip", ...PUBLIC_LIMITS.submissionsPerAddress, points: options.submissionsPerDay ?? PUBLIC_LIMITS.submissionsPerAddress.points });
  const perRecipient = limits.create({ keyPrefix: "ack-recipient", ...PUBLIC_LIMITS.acknowledgementsPerRecipient });
  const uploadBytes = limits.create({ keyPrefix: "upload-bytes-ip", ...PUBLIC_LIMITS.uploadBytesPerAddress });
  const uploadFiles = limits.create({ keyPrefix: "upload-files-ip", ...PUBLIC_LIMITS.uploadFilesPerAddress });
  const uploadsInto = limits.create({ keyPrefix: "upload-files-submission", ...PUBLIC_LIMITS.uploadFilesPerSubmission });
  const trackLinks = limits.create({ keyPrefix: "track-link-recipient", ...PUBLIC_LIMITS.trackLinksPerRecipient });
  const chatStarts = limits.create({ keyPrefix: "chat-start-ip", ...PUBLIC_LIMITS.chatStartsPerAddress });
  const within = async (attempt: () => Promise<unknown>) => {
    try {
      await attempt();
      return true;
    } catch (error) {
      if (!isLimited(error)) throw error;
      return false;
    }
  };
  return {
    /** Counts one submission from this address; refused once over the day's quota. */
    async submission(address: string): Promise<SubmissionCheck> {
      if (!options.perAddress) return { ok: true };
      try {
        await perAddress().consume(address);
        return { ok: true };
      } catch (error) {
        if (!isLimited(error)) throw error;
        return { ok: false, retryAfterSeconds: secondsToWait(error) };
      }
    },
    /**
     * True when these files may be stored (and counts them): per submission (`submission` is the
     * journey's or draft's id) and per address, files and bytes. All three are asked, so a refused
     * upload still counts against the day: a script cannot probe for the edge for free.
     */
    async uploads(address: string, submission: string, files: number, bytes: number): Promise<boolean> {
      if (files === 0) return true;
      const results = await Promise.all([
        within(() => uploadsInto.consume(submission, files)),
        ...(options.perAddress ? [within(() => uploadFiles.consume(address, files)), within(() => uploadBytes.consume(address, Math.max(1, bytes)))] : []),
      ]);
      return results.every(Boolean);
    },
    /** True when this address may start one more chat this hour (and counts it). */
    async chatStart(address: string): Promise<boolean> {
      if (!options.perAddress) return true;
      return within(() => chatStarts.consume(address));
    },
    /** True when one more tracking link may go to this recipient today (and counts it). */
    async trackLink(email: string): Promise<boolean> {
      return within(() => trackLinks.consume(recipientKey(email)));
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
