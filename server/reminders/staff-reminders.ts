// Staff reminders, swept hourly on the job queue: adjustment reviews and "check it worked" tasks
// falling due, callbacks and case clocks about to breach. Each goes to the officer it is allocated
// to and to the managers (Doorstep has no team structure: every manager oversees every queue),
// as one digest email per person per sweep, queued through the mail worker.
//
// Never twice: a StaffReminder row per (person, kind, thing, due time) is inserted in the same
// transaction as the digest email; a unique index refuses a second one, so two sweeps at once
// (two instances) or a retried job send each person each reminder once. A thing whose due time
// moves (a review rescheduled, a clock restarted) is a new reminder.
import type { Prisma } from "../db";
import { isUniqueViolation } from "../domain/cases/create-case.js";
import { serverT } from "../i18n/locales.js";

export type StaffReminderKind = "adjustment_review" | "adjustment_check" | "callback" | "clock";

/** How far ahead each kind is reminded of: reviews and checks two days before, breaches a day. */
export const LOOKAHEAD_MS: Record<StaffReminderKind, number> = {
  adjustment_review: 2 * 86_400_000,
  adjustment_check: 2 * 86_400_000,
  callback: 86_400_000,
  clock: 86_400_000,
};
/** At most this many lines in one email; the rest are counted ("and 12 more"). */
export const MAX_LINES = 50;
/** Sent-reminder rows are kept this long, then deleted by the sweep. */
export const SENT_RETENTION_MS = 90 * 86_400_000;
const MAX_ITEMS_PER_KIND = 1000;

export type DueItem = { kind: StaffReminderKind; subjectId: string; reference: string; dueAt: Date; assignedToId: string | null };

/** Everything falling due within its look-ahead (overdue included), oldest first. */
export async function findDueItems(prisma: Prisma, now: Date): Promise<DueItem[]> {
  const until = (kind: StaffReminderKind) => new Date(now.getTime() + LOOKAHEAD_MS[kind]);
  const live = { status: { in: ["agreed", "partly_agreed"] as ("agreed" | "partly_agreed")[] }, removedAt: null };
  const [reviews, checks, callbacks, clocks] = await Promise.all([
    prisma.adjustmentRequest.findMany({ where: { ...live, reviewDueAt: { lte: until("adjustment_review") } }, select: { id: true, reference: true, reviewDueAt: true, assignedToId: true }, orderBy: { reviewDueAt: "asc" }, take: MAX_ITEMS_PER_KIND }),
    prisma.adjustmentRequest.findMany({ where: { ...live, checkedAt: null, checkDueAt: { lte: until("adjustment_check") } }, select: { id: true, reference: true, checkDueAt: true, assignedToId: true }, orderBy: { checkDueAt: "asc" }, take: MAX_ITEMS_PER_KIND }),
    prisma.caseCallback.findMany({ where: { doneAt: null, dueAt: { lte: until("callback") }, case: { status: { not: "closed" } } }, select: { id: true, dueAt: true, case: { select: { reference: true, assignedToId: true } } }, orderBy: { dueAt: "asc" }, take: MAX_ITEMS_PER_KIND }),
    prisma.case.findMany({ where: { status: { not: "closed" }, nextDueAt: { lte: until("clock") } }, select: { id: true, reference: true, nextDueAt: true, assignedToId: true }, orderBy: { nextDueAt: "asc" }, take: MAX_ITEMS_PER_KIND }),
  ]);
  return [
    ...reviews.map((r) => ({ kind: "adjustment_review" as const, subjectId: r.id, reference: r.reference, dueAt: r.reviewDueAt!, assignedToId: r.assignedToId })),
    ...checks.map((r) => ({ kind: "adjustment_check" as const, subjectId: r.id, reference: r.reference, dueAt: r.checkDueAt!, assignedToId: r.assignedToId })),
    ...callbacks.map((c) => ({ kind: "callback" as const, subjectId: c.id, reference: c.case.reference, dueAt: c.dueAt, assignedToId: c.case.assignedToId })),
    ...clocks.map((c) => ({ kind: "clock" as const, subjectId: c.id, reference: c.reference, dueAt: c.nextDueAt!, assignedToId: c.assignedToId })),
  ];
}

/** Who hears about each item: its officer (if any) and every manager, each once. */
export function recipientsFor(items: DueItem[], managers: string[], active: Set<string>): Map<string, DueItem[]> {
  const by = new Map<string, DueItem[]>();
  for (const item of items) {
    const to = new Set(managers);
    if (item.assignedToId && active.has(item.assignedToId)) to.add(item.assignedToId);
    for (const id of to) by.set(id, [...(by.get(id) ?? []), item]);
  }
  return by;
}

function digest(lang: "en" | "cy", items: DueItem[], publicUrl: string, now: Date) {
  const t = serverT(lang, "email-staff-reminders");
  const when = new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
  const prefix = lang === "cy" ? "/cy" : "";
  const lines = items.slice(0, MAX_LINES).map((i) => {
    const path = i.kind.startsWith("adjustment") ? `/staff/adjustments/${i.reference}` : `/staff/cases/${i.reference}`;
    return `- ${t(`kinds.${i.kind}`)} ${i.reference}: ${t(i.dueAt < now ? "overdue" : "due", { when: when.format(i.dueAt) })}\n  ${publicUrl}${prefix}${path}`;
  });
  if (items.length > MAX_LINES) lines.push(t("more", { count: items.length - MAX_LINES }));
  return { subject: t("subject", { count: items.length }), text: [t("intro"), "", ...lines].join("\n") };
}

/**
 * One sweep: finds what falls due, and queues one digest per person of what they have not been
 * told about yet. Staff who speak Welsh get it in Welsh then English.
 */
export async function sendStaffReminders(deps: { prisma: Prisma; now: () => Date; publicUrl: string }): Promise<{ emails: number; reminders: number }> {
  const { prisma } = deps;
  const now = deps.now();
  const items = await findDueItems(prisma, now);
  let emails = 0;
  let reminders = 0;
  if (items.length > 0) {
    // Filtered here rather than with `hasSome`, which the PGlite adapter sends as a malformed enum array.
    const staff = (await prisma.staffUser.findMany({ where: { active: true }, select: { id: true, email: true, roles: true, speaksWelsh: true } })).filter((s) => s.roles.some((r) => r === "case_officer" || r === "manager" || r === "head_of_customer_contact"));
    const byId = new Map(staff.map((s) => [s.id, s]));
    const managers = staff.filter((s) => s.roles.includes("manager")).map((s) => s.id);
    for (const [staffUserId, mine] of recipientsFor(items, managers, new Set(byId.keys()))) {
      const person = byId.get(staffUserId)!;
      const told = await prisma.staffReminder.findMany({ where: { staffUserId, subjectId: { in: mine.map((i) => i.subjectId) } }, select: { kind: true, subjectId: true, dueAt: true } });
      const key = (i: { kind: string; subjectId: string; dueAt: Date }) => `${i.kind}:${i.subjectId}:${i.dueAt.getTime()}`;
      const already = new Set(told.map(key));
      const fresh = mine.filter((i) => !already.has(key(i)));
      if (fresh.length === 0) continue;
      const en = digest("en", fresh, deps.publicUrl, now);
      const cy = person.speaksWelsh ? digest("cy", fresh, deps.publicUrl, now) : null;
      try {
        await prisma.$transaction(async (tx) => {
          const email = await tx.emailMessage.create({
            data: { to: person.email, subject: cy ? `${cy.subject} / ${en.subject}` : en.subject, text: cy ? `${cy.text}\n\n---\n\n${en.text}` : en.text, language: cy ? "cy" : "en", kind: "staff_reminder", createdAt: now, nextAttemptAt: now },
            select: { id: true },
          });
          await tx.staffReminder.createMany({ data: fresh.map((i) => ({ staffUserId, kind: i.kind, subjectId: i.subjectId, dueAt: i.dueAt, emailId: email.id, sentAt: now })) });
        });
      } catch (error) {
        // Another sweep told this person about one of these first: its digest stands, ours is undone.
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      emails++;
      reminders += fresh.length;
    }
  }
  await prisma.staffReminder.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - SENT_RETENTION_MS) } } });
  return { emails, reminders };
}
