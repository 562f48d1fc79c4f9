import { describe, expect, it } from "vitest";
import { clockState } from "./clocks.js";
import { clockBoundaries, queueClockState, summariseQueues } from "./queue-counts.js";

// Wednesday 2 December 2026, 10:00 London (GMT).
const now = new Date("2026-12-02T10:00:00Z");

describe("queueClockState", () => {
  it.each([
    ["no running clock", null, "on_time"],
    ["due yesterday", "2026-12-01T23:59:59.999Z", "overdue"],
    ["due a minute ago", "2026-12-02T09:59:00Z", "overdue"],
    ["due later today", "2026-12-02T23:59:59.999Z", "due_soon"],
    ["due tomorrow", "2026-12-03T23:59:59.999Z", "due_soon"],
    ["due in 2 days", "2026-12-04T23:59:59.999Z", "due_soon"],
    ["due in 3 days", "2026-12-05T23:59:59.999Z", "on_time"],
    ["due in a month", "2027-01-02T23:59:59.999Z", "on_time"],
  ] as const)("%s → %s", (_name, due, expected) => {
    expect(queueClockState(due ? new Date(due) : null, now)).toBe(expected);
  });

  it("agrees with the database boundaries at every hour over a week", () => {
    const { overdueBefore, dueSoonUntil } = clockBoundaries(now);
    for (let h = -48; h < 24 * 7; h++) {
      const due = new Date(now.getTime() + h * 3_600_000 + 1);
      const sql = due < overdueBefore ? "overdue" : due <= dueSoonUntil ? "due_soon" : "on_time";
      expect(sql).toBe(queueClockState(due, now));
      expect(["overdue", "due_soon", "on_time"]).toContain(clockState(due, now));
    }
  });

  it("uses London days in summer time", () => {
    const summer = new Date("2026-07-01T22:30:00Z"); // 23:30 BST on 1 July
    expect(clockBoundaries(summer).dueSoonUntil.toISOString()).toBe("2026-07-03T22:59:59.999Z");
  });
});

describe("summariseQueues", () => {
  it.each([
    ["nothing open", [], []],
    [
      "counts per state, empty queues left out, unknown queues ignored",
      [
        { queue: "6", state: "overdue", count: 2 },
        { queue: "6", state: "on_time", count: 5 },
        { queue: "1", state: "due_soon", count: 1 },
        { queue: "nope", state: "on_time", count: 9 },
      ],
      [
        { queue: "1", on_time: 0, due_soon: 1, overdue: 0, total: 1 },
        { queue: "6", on_time: 5, due_soon: 0, overdue: 2, total: 7 },
      ],
    ],
  ] as const)("%s", (_name, rows, expected) => {
    expect(summariseQueues(["1", "3", "6"], rows)).toEqual(expected);
  });
});
