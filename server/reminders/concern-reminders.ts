// "Email me on that day": a person the concerns assistant told to wait (outcome "wait", come back
// on a date) asks us to email them that day, in their language, with a link straight back to
// their saved answers, now ready to report, and a link to stop the reminder.
//
// No working link is ever stored in clear: the reminder keeps the SHA-256 of its stop token and the
// journey's id; when it is due, a fresh resume token replaces the saved draft's tokenHash and a
// fresh stop token replaces the reminder's, and both are only in the email. Sending claims the row
// with a lease first, so overlapping sweeps (two instances, a retried job) send it once.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { hashToken, saveDraft, type SavedData } from "../concerns/drafts.js";
import type { Prisma } from "../db";
import { londonDate } from "../domain/cases/working-days.js";
import { serverT } from "../i18n/locales.js";
import type { Mailer } from "../mail/mailer.js";

export type Lang = "en" | "cy";
type Deps = { prisma: Prisma; now: () => Date };

/** A claimed reminder not marked sent after this long is taken as lost with its instance. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** Sent and stopped reminders (they hold an email address) are deleted after this. */
export const REMINDER_RETENTION_MS = 30 * 24 * 3600_000;
/** The saved answers are kept until a few days after the reminder day, so the link still works. */
const DRAFT_GRACE_MS = 14 * 24 * 3600_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
export const isStopTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const ReminderRequestSchema = z.object({
  email: z.string({ error: "remind.emailRequired" }).trim().min(1, "remind.emailRequired").max(254, "remind.emailInvalid").pipe(z.email("remind.emailInvalid")),
});

/** The London-date comparison the sweep uses: due on or before today, never early. */
export function isDue(dueOn: string, today: string): boolean {
  return dueOn <= today;
}

function londonNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/**
 * Saves the journey (kept until after the reminder day) and records the reminder. Returns the stop
 * token for the confirmation email: the only time it exists outside an email.
 */
export async function requestConcernReminder(deps: Deps, input: { email: string; language: Lang; dueOn: string; data: SavedData }): Promise<{ id: string; stopToken: string }> {
  const now = deps.now();
  const keepUntil = new Date(londonNoon(input.dueOn).getTime() + DRAFT_GRACE_MS);
  await saveDraft(deps, { data: input.data, language: input.language, keepUntil });
  const stopToken = newToken();
  // One reminder per journey: asking again replaces the date and address.
  const row = await deps.prisma.$transaction(async (tx) => {
    await tx.reminder.updateMany({ where: { journeyId: input.data.journeyId, sentAt: null, stoppedAt: null }, data: { stoppedAt: now } });
    return tx.reminder.create({ data: { tokenHash: hash(stopToken), email: input.email, language: input.language, dueOn: input.dueOn, journeyId: input.data.journeyId, createdAt: now }, select: { id: true } });
  });
  return { id: row.id, stopToken };
}

/** The one-click stop: true when a reminder was waiting and is now stopped (or was already). */
export async function stopReminder(deps: Deps, token: string): Promise<"stopped" | "already" | "unknown"> {
  if (!isStopTokenShaped(token)) return "unknown";
  const row = await deps.prisma.reminder.findUnique({ where: { tokenHash: hash(token) }, select: { id: true, sentAt: true, stoppedAt: true } });
  if (!row) return "unknown";
  if (row.stoppedAt) return "already";
  await deps.prisma.reminder.update({ where: { id: row.id }, data: { stoppedAt: deps.now() } });
  return "stopped";
}

/** Whether a stop link is still good (the page that shows the one button; opening it changes nothing). */
export async function findReminder(deps: Deps, token: string) {
  if (!isStopTokenShaped(token)) return null;
  return deps.prisma.reminder.findUnique({ where: { tokenHash: hash(token) }, select: { dueOn: true, language: true, sentAt: true, stoppedAt: true } });
}

/** The reminder's email text, in its language. */
export function reminderEmail(lang: Lang, links: { resume: string | null; start: string; stop: string }, dueOn: string) {
  const t = serverT(lang, "email-reminders");
  const date = new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(londonNoon(dueOn));
  const text = [
    t("due.greeting"),
    "",
    t("due.body", { date }),
    "",
    links.resume ? t("due.resume") : t("due.startAgain"),
    links.resume ?? links.start,
    "",
    t("due.stop"),
    links.stop,
    "",
    t("due.signoff"),
  ].join("\n");
  return { subject: t("due.subject"), text };
}

export function confirmationEmail(lang: Lang, stop: string, dueOn: string) {
  const t = serverT(lang, "email-reminders");
  const date = new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(londonNoon(dueOn));
  return { subject: t("confirm.subject"), text: [t("confirm.body", { date }), "", t("confirm.stop"), stop, "", t("due.signoff")].join("\n") };
}

const paths = (lang: Lang, publicUrl: string) => {
  const prefix = lang === "cy" ? "/cy" : "";
  return {
    resume: (token: string) => `${publicUrl}${prefix}/concerns/resume/${token}`,
    start: `${publicUrl}${prefix}/concerns`,
    stop: (token: string) => `${publicUrl}${prefix}/reminders/stop/${token}`,
  };
};

export const stopUrl = (lang: Lang, publicUrl: string, token: string) => paths(lang, publicUrl).stop(token);

/**
 * Sends every reminder due on or before today (London) that is neither sent nor stopped. Safe to
 * run from several instances at once and again after a crash: each row is claimed with a lease
 * before its email goes, and marked sent after. Deletes reminders past their retention.
 */
export async function sendDueReminders(deps: Deps & { mailer: Mailer; publicUrl: string; logger?: { warn: (o: object, m: string) => void } }): Promise<{ sent: number; failed: number }> {
  const now = deps.now();
  const today = londonDate(now);
  const leaseCutoff = new Date(now.getTime() - CLAIM_LEASE_MS);
  const claimable = { sentAt: null, stoppedAt: null, OR: [{ claimedAt: null }, { claimedAt: { lt: leaseCutoff } }] };
  let sent = 0;
  let failed = 0;
  const tried = new Set<string>();
  for (;;) {
    const due = await deps.prisma.reminder.findMany({ where: { ...claimable, dueOn: { lte: today }, id: { notIn: [...tried] } }, select: { id: true }, orderBy: { dueOn: "asc" }, take: 50 });
    if (due.length === 0) break;
    for (const { id } of due) {
      tried.add(id);
      const claim = await deps.prisma.reminder.updateMany({ where: { id, ...claimable }, data: { claimedAt: now } });
      if (claim.count === 0) continue;
      const reminder = await deps.prisma.reminder.findUniqueOrThrow({ where: { id } });
      if (!isDue(reminder.dueOn, today)) continue;
      const lang = reminder.language as Lang;
      const to = paths(lang, deps.publicUrl);
      // A fresh link to the newest saved copy of their answers, if it is still kept.
      const draft = await deps.prisma.concernDraft.findFirst({ where: { journeyId: reminder.journeyId, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, select: { id: true } });
      let resume: string | null = null;
      if (draft) {
        const token = newToken();
        await deps.prisma.concernDraft.update({ where: { id: draft.id }, data: { tokenHash: hashToken(token) } });
        resume = to.resume(token);
      }
      const stop = newToken();
      await deps.prisma.reminder.update({ where: { id }, data: { tokenHash: hash(stop) } });
      const mail = reminderEmail(lang, { resume, start: to.start, stop: to.stop(stop) }, reminder.dueOn);
      try {
        await deps.mailer.send({ to: reminder.email, subject: mail.subject, text: mail.text, language: lang });
      } catch (error) {
        // Released for the next sweep; no address or link in the log.
        failed++;
        deps.logger?.warn({ reminderId: id, err: { message: (error as Error).message } }, "reminder email failed");
        await deps.prisma.reminder.update({ where: { id }, data: { claimedAt: null } });
        continue;
      }
      await deps.prisma.reminder.update({ where: { id }, data: { sentAt: now } });
      sent++;
    }
  }
  const old = new Date(now.getTime() - REMINDER_RETENTION_MS);
  await deps.prisma.reminder.deleteMany({ where: { OR: [{ sentAt: { lt: old } }, { stoppedAt: { lt: old } }] } });
  return { sent, failed };
}
