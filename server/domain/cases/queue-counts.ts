import { CLOCK_RULES, clockState } from "./clocks.js";
import { addCalendarDays, endOfLondonDay, londonDate } from "./working-days.js";

/** The three states an open case's nearest clock can be in, for queue counts. */
export const QUEUE_CLOCK_STATES = ["on_time", "due_soon", "overdue"] as const;
export type QueueClockState = (typeof QUEUE_CLOCK_STATES)[number];

/**
 * The instants that split open cases into the three states, so a database can
 * count them with two comparisons and agree exactly with clockState():
 * overdue when dueAt < overdueBefore (strictly in the past), due_soon when
 * dueAt <= dueSoonUntil (its London date is today or within 2 days), else on time.
 */
export function clockBoundaries(now: Date): { overdueBefore: Date; dueSoonUntil: Date } {
  return {
    overdueBefore: now,
    dueSoonUntil: endOfLondonDay(addCalendarDays(londonDate(now), CLOCK_RULES.dueSoonCalendarDays)),
  };
}

/** The state of an open case's nearest clock; a case with no running clock counts as on time. */
export function queueClockState(nextDueAt: Date | null, now: Date): QueueClockState {
  if (!nextDueAt) return "on_time";
  const state = clockState(nextDueAt, now);
  return state === "overdue" || state === "due_soon" ? state : "on_time";
}

export type QueueCount = { queue: string; on_time: number; due_soon: number; overdue: number; total: number };

/** Folds (queue, state, count) rows into one line per queue, in the order given, leaving out empty queues. */
export function summariseQueues(queues: readonly string[], rows: readonly { queue: string; state: QueueClockState; count: number }[]): QueueCount[] {
  const byQueue = new Map<string, QueueCount>(queues.map((queue) => [queue, { queue, on_time: 0, due_soon: 0, overdue: 0, total: 0 }]));
  for (const row of rows) {
    const line = byQueue.get(row.queue);
    if (!line) continue;
    line[row.state] += row.count;
    line.total += row.count;
  }
  return [...byQueue.values()].filter((line) => line.total > 0);
}
