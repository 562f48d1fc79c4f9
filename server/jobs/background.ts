// Doorstep's background work, each piece a job on the queue (server/jobs/queue.ts) so it runs once
// per deployment however many instances run, and a failure retries and shows on /staff/jobs.
// Replaces the per-process timers server/main.ts used to start.
import { purgeExpiredSessions } from "../auth/sessions.js";
import { purgeChats } from "../chat/housekeeping.js";
import { purgeConcerns } from "../concerns/housekeeping.js";
import { purgeNuisance } from "../domain/nuisance/retention.js";
import type { Relay } from "../outbox/relay.js";
import { nuisanceReportsPolicy, purgeAdjustments, retentionPolicies, runRetention, uploadRemover } from "../retention/retention.js";
import { sendDueReminders } from "../reminders/concern-reminders.js";
import { sendStaffReminders } from "../reminders/staff-reminders.js";
import type { Services } from "../services.js";
import type { JobQueue } from "./queue.js";

/** How long one relay or mail turn lasts before it hands over to the next (any instance). */
export const TURN_MS = 50_000;

/** The timetables, in London time. Every minute is also what restarts a turn lost with its instance. */
export const TIMETABLE = {
  "outbox-relay": "* * * * *",
  "mail-deliver": "* * * * *",
  "retention-records": "30 2 * * *",
  "retention-sessions": "*/15 * * * *",
  "retention-drafts": "7,37 * * * *",
  "retention-nuisance": "12,42 * * * *",
  "retention-adjustments": "45 2 * * *",
  "chat-housekeeping": "*/5 * * * *",
  // Reminders go out in the day (London), from 08:00; a missed run is caught by the next.
  "reminders-due": "*/15 8-20 * * *",
  // Staff: hourly through the working day, each thing told once per person (and again if its due time moves).
  "staff-reminders": "5 7-18 * * 1-5",
} as const;

type TurnJob = "outbox-relay" | "mail-deliver";

/**
 * Work done in turns: a turn works for turnMs, then queues the next turn (a stately queue holds
 * one waiting at most, so the every-minute timetable and the hand-over never stack up). One turn
 * runs at a time in the whole deployment; the timetable restarts the chain if an instance died.
 */
export async function scheduleTurns(jobs: JobQueue, name: TurnJob, runFor: (ms: number, signal: AbortSignal) => Promise<void>, turnMs = TURN_MS) {
  await jobs.schedule(name, TIMETABLE[name], async (_data, { signal }) => {
    await runFor(turnMs, signal);
    if (!signal.aborted) await jobs.send(name, {});
  });
  // Start now rather than at the next minute.
  await jobs.send(name, {});
}

type Deps = Pick<Services, "prisma" | "config" | "logger" | "now" | "mailWorker" | "mailer">;

export async function startBackgroundJobs(jobs: JobQueue, services: Deps, options: { relay?: Relay | null; turnMs?: number } = {}) {
  const { prisma, config, logger, now } = services;
  const turnMs = options.turnMs ?? TURN_MS;
  await jobs.start();

  const turns = (name: TurnJob, runFor: (ms: number, signal: AbortSignal) => Promise<void>) => scheduleTurns(jobs, name, runFor, turnMs);
  const relay = options.relay;
  if (relay) await turns("outbox-relay", (ms, signal) => relay.runFor(ms, signal));
  else await jobs.boss.unschedule("outbox-relay").catch(() => undefined);
  await turns("mail-deliver", (ms, signal) => services.mailWorker.runFor(ms, signal));

  const periods = { nuisanceRetentionDays: config.nuisanceRetentionDays, chatRetentionDays: config.chat.retentionDays, webhookConfigured: Boolean(config.webhook) };
  await jobs.schedule("retention-records", TIMETABLE["retention-records"], async () => {
    const reports = await runRetention(prisma, { now: now(), dryRun: false, policies: retentionPolicies(periods), removeFile: uploadRemover(config.dataDir), maxRounds: 200 });
    logger.info({ removed: Object.fromEntries(reports.map((r) => [r.policy, r.removed])) }, "retention run");
  });
  await jobs.schedule("retention-sessions", TIMETABLE["retention-sessions"], async () => {
    await purgeExpiredSessions(prisma, now());
  });
  await jobs.schedule("retention-drafts", TIMETABLE["retention-drafts"], async () => {
    await purgeConcerns(services);
  });
  await jobs.schedule("retention-nuisance", TIMETABLE["retention-nuisance"], async () => {
    // Reports past their period go with their outbox events first (the policy deletes both in one
    // transaction); purgeNuisance then drops unused .eml files and rebuilds the offender summary.
    await runRetention(prisma, { now: now(), dryRun: false, policies: [nuisanceReportsPolicy(config.nuisanceRetentionDays)], maxRounds: 50 });
    await purgeNuisance({ prisma, now, retentionDays: config.nuisanceRetentionDays });
  });
  await jobs.schedule("retention-adjustments", TIMETABLE["retention-adjustments"], async () => {
    const [report] = await purgeAdjustments(prisma, now());
    logger.info({ removed: { adjustment_requests: report?.removed ?? 0 } }, "retention run");
  });
  await jobs.schedule("chat-housekeeping", TIMETABLE["chat-housekeeping"], async () => {
    await purgeChats(services);
  });
  await jobs.schedule("reminders-due", TIMETABLE["reminders-due"], async () => {
    const result = await sendDueReminders({ prisma, now, mailer: services.mailer, publicUrl: config.publicUrl, logger });
    if (result.sent || result.failed) logger.info(result, "reminders sent");
  });
  await jobs.schedule("staff-reminders", TIMETABLE["staff-reminders"], async () => {
    const result = await sendStaffReminders({ prisma, now, publicUrl: config.publicUrl });
    if (result.emails) logger.info(result, "staff reminders queued");
  });
  await jobs.dropUnknownSchedules();
}
