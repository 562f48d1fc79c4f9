import { z } from "zod";
import { isCaseType, type CaseType } from "./case-types.js";
import { isValidOutcome, type OutcomeKey } from "./outcomes.js";
import { WORK_QUEUE_IDS, type WorkQueueId } from "./work-queues.js";
import { londonDate } from "./working-days.js";

/**
 * received: created, not yet in a work queue; queued: in a team's queue;
 * under_way: the customer has been contacted; closed: has an outcome.
 */
export const CASE_STATUSES = ["received", "queued", "under_way", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CaseStatusSchema = z.enum(CASE_STATUSES);

export const OPEN_STATUSES = ["received", "queued", "under_way"] as const satisfies readonly CaseStatus[];

export function isOpen(status: CaseStatus): boolean {
  return status !== "closed";
}

/** The fields of a case the status machine reads and writes. */
export interface CaseSnapshot {
  type: CaseType;
  status: CaseStatus;
  /** Start of the current instance: creation, or the latest re-open. */
  openedAt: Date;
  workQueue: WorkQueueId | null;
  queuedAt: Date | null;
  underWayAt: Date | null;
  closedAt: Date | null;
  outcome: OutcomeKey | null;
  reopenCount: number;
}

export const CASE_ACTION_KINDS = ["queue", "start", "close", "reopen", "change_type"] as const;
export type CaseActionKind = (typeof CASE_ACTION_KINDS)[number];

export type CaseAction =
  | { kind: "queue"; workQueue: WorkQueueId }
  | { kind: "start" }
  | { kind: "close"; outcome: string }
  | { kind: "reopen" }
  | { kind: "change_type"; to: CaseType };

/** Stable codes, so the UI can map each to an i18n message. */
export const TRANSITION_REFUSALS = [
  "case_closed",
  "not_queued",
  "already_in_queue",
  "already_under_way",
  "invalid_work_queue",
  "invalid_outcome",
  "not_closed",
  "reopen_same_day",
  "reopen_before_close",
  "same_type",
  "invalid_type",
  "unknown_action",
] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

export type TransitionResult =
  | { ok: true; next: Partial<CaseSnapshot> }
  | { ok: false; reason: TransitionRefusal };

const refuse = (reason: TransitionRefusal): TransitionResult => ({ ok: false, reason });

/**
 * Pure: returns only the fields to change; the caller writes them (and the
 * outbox event) in one transaction.
 */
export function transition(current: CaseSnapshot, action: CaseAction, now: Date): TransitionResult {
  const { status } = current;
  switch (action.kind) {
    case "queue": {
      if (!(WORK_QUEUE_IDS as readonly string[]).includes(action.workQueue)) return refuse("invalid_work_queue");
      if (status === "received") {
        return { ok: true, next: { status: "queued", workQueue: action.workQueue, queuedAt: now } };
      }
      if (status === "queued") {
        // Redirecting a case sent to the wrong team. queuedAt is kept: the
        // "in its work queue within 3 working days" clock was met (or not)
        // when it first reached a queue.
        if (current.workQueue === action.workQueue) return refuse("already_in_queue");
        return { ok: true, next: { workQueue: action.workQueue } };
      }
      return refuse(status === "closed" ? "case_closed" : "already_under_way");
    }
    case "start": {
      if (status === "queued") return { ok: true, next: { status: "under_way", underWayAt: now } };
      if (status === "received") return refuse("not_queued");
      return refuse(status === "closed" ? "case_closed" : "already_under_way");
    }
    case "close": {
      // Any open case can close: duplicates and cases created in error are
      // closed without ever reaching a queue or the customer.
      if (status === "closed") return refuse("case_closed");
      if (!isValidOutcome(current.type, action.outcome)) return refuse("invalid_outcome");
      return { ok: true, next: { status: "closed", closedAt: now, outcome: action.outcome } };
    }
    case "reopen": {
      if (status !== "closed" || !current.closedAt) return refuse("not_closed");
      // Never on the London calendar day it closed (the procedure's rule, so
      // a re-open always counts as a new, related concern).
      const closedDay = londonDate(current.closedAt);
      const today = londonDate(now);
      if (today === closedDay) return refuse("reopen_same_day");
      if (today < closedDay) return refuse("reopen_before_close");
      // The re-opened instance goes back to the queue it closed from, as the
      // officer who re-opens it already holds it; with no queue it starts
      // again as received.
      return {
        ok: true,
        next: {
          status: current.workQueue ? "queued" : "received",
          openedAt: now,
          queuedAt: current.workQueue ? now : null,
          underWayAt: null,
          closedAt: null,
          outcome: null,
          reopenCount: current.reopenCount + 1,
        },
      };
    }
    case "change_type": {
      if (status === "closed") return refuse("case_closed");
      if (!isCaseType(action.to)) return refuse("invalid_type");
      if (action.to === current.type) return refuse("same_type");
      // The queue is left alone: the caller decides whether to re-route.
      return { ok: true, next: { type: action.to } };
    }
    default:
      return refuse("unknown_action");
  }
}

/**
 * Which kinds of action could succeed now, for showing buttons. close and
 * change_type still need a valid outcome / a different type; queue, while
 * queued, needs a different queue.
 */
export function allowedActions(current: CaseSnapshot, now: Date): CaseActionKind[] {
  switch (current.status) {
    case "received":
      return ["queue", "close", "change_type"];
    case "queued":
      return ["queue", "start", "close", "change_type"];
    case "under_way":
      return ["close", "change_type"];
    case "closed":
      return transition(current, { kind: "reopen" }, now).ok ? ["reopen"] : [];
  }
}
