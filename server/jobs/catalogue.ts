// Every background job Doorstep runs, by name: the data it carries (checked with zod when the
// job runs, since it comes back out of the database) and how its queue behaves. A job name that
// is not here does not type-check, so `jobs.send("reminder-typo", …)` fails at `npx tsc`.
//
// Adding a job (for example a reminder another area needs): add an entry here, then either
// `jobs.schedule(name, cron, handler)` for work on a timetable or `jobs.work(name, handler)` plus
// `jobs.send(name, data, { startAfter })` for work at a given time. See docs/decisions/0009-job-queue.md.
import { z } from "zod";

export type QueuePolicy = "standard" | "short" | "singleton" | "stately";

export type JobDefinition = {
  data: z.ZodType<Record<string, unknown>>;
  /** `stately`: at most one waiting and one running in the whole deployment (timetabled work). */
  policy: QueuePolicy;
  /** Retries after the first failure, with exponential back-off from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A run still active after this long is taken as lost (its instance died) and retried. */
  expireInSeconds: number;
};

const none = z.object({}).strict();

/** Timetabled housekeeping: one run at a time, a few retries a minute or more apart. */
const housekeeping = { data: none, policy: "stately", retryLimit: 4, retryDelaySeconds: 60, expireInSeconds: 15 * 60 } as const;

export const JOB_CATALOGUE = {
  /**
   * Delivers the outbox to the back-office webhook. One run holds the relay for about a minute
   * and queues its successor, so one instance relays at a time and a dead instance's turn
   * expires after two minutes; the claiming SQL keeps even overlapping runs correct.
   */
  "outbox-relay": { data: none, policy: "stately", retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 120 },
  /** Sends queued EmailMessage rows (each row keeps its own back-off); same shape as the relay. */
  "mail-deliver": { data: none, policy: "stately", retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 120 },
  /** Closed cases two years after their last activity, chats, nuisance reports, emails, events. */
  "retention-records": { ...housekeeping, expireInSeconds: 60 * 60 },
  "retention-sessions": housekeeping,
  /** Concerns drafts and never-sent uploads after 30 days, and crash leftovers. */
  "retention-drafts": housekeeping,
  /** Nuisance reports after NUISANCE_RETENTION_DAYS, unattached .eml files, and the daily summary rebuild. */
  "retention-nuisance": housekeeping,
  /** Adjustment requests no longer in force, two years after their last change (server/retention/retention.ts). */
  "retention-adjustments": housekeeping,
  /** Chat housekeeping from server/chat (transcripts past their period). */
  "chat-housekeeping": housekeeping,
  /** Reminder emails falling due (server/reminders): each row is claimed before it is sent. */
  "reminders-due": housekeeping,
  /** Staff reminders: reviews, checks, callbacks and clocks falling due (server/reminders). */
  "staff-reminders": housekeeping,
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOB_CATALOGUE;
export type JobData<N extends JobName> = z.output<(typeof JOB_CATALOGUE)[N]["data"]>;
export const JOB_NAMES = Object.keys(JOB_CATALOGUE) as JobName[];
