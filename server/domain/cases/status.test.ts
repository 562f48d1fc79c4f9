import { describe, expect, it } from "vitest";
import type { CaseType } from "./case-types.js";
import {
  CASE_ACTION_KINDS,
  CASE_STATUSES,
  CaseStatusSchema,
  allowedActions,
  isOpen,
  transition,
  type CaseAction,
  type CaseSnapshot,
  type CaseStatus,
} from "./status.js";
import type { WorkQueueId } from "./work-queues.js";

const OPENED = new Date("2025-01-06T09:00:00Z");
const T = new Date("2025-01-07T10:00:00Z");
const CLOSED_AT = new Date("2025-01-08T16:00:00Z"); // Wed 8 Jan, London

function snapshot(status: CaseStatus, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const base: CaseSnapshot = {
    type: "RFA",
    status,
    openedAt: OPENED,
    workQueue: status === "received" ? null : "8",
    queuedAt: status === "received" ? null : T,
    underWayAt: status === "under_way" || status === "closed" ? T : null,
    closedAt: status === "closed" ? CLOSED_AT : null,
    outcome: status === "closed" ? "no_action_for_dc" : null,
    reopenCount: 0,
  };
  return { ...base, ...over };
}

const NOW = new Date("2025-01-09T11:00:00Z"); // the day after CLOSED_AT

type Row = [CaseStatus, CaseAction, Partial<CaseSnapshot> | string];

// Every status × every action kind, plus the interesting variants.
const table: Row[] = [
  // received
  ["received", { kind: "queue", workQueue: "8" }, { status: "queued", workQueue: "8", queuedAt: NOW }],
  ["received", { kind: "start" }, "not_queued"],
  ["received", { kind: "close", outcome: "duplicate" }, { status: "closed", closedAt: NOW, outcome: "duplicate" }],
  ["received", { kind: "close", outcome: "not_s50" }, "invalid_outcome"],
  ["received", { kind: "reopen" }, "not_closed"],
  ["received", { kind: "change_type", to: "SEC" }, { type: "SEC" }],
  ["received", { kind: "change_type", to: "RFA" }, "same_type"],
  // queued
  ["queued", { kind: "queue", workQueue: "7" }, { workQueue: "7" }],
  ["queued", { kind: "queue", workQueue: "8" }, "already_in_queue"],
  ["queued", { kind: "queue", workQueue: "99" as WorkQueueId }, "invalid_work_queue"],
  ["queued", { kind: "start" }, { status: "under_way", underWayAt: NOW }],
  ["queued", { kind: "close", outcome: "concern_to_be_raised_with_dc" }, { status: "closed", closedAt: NOW, outcome: "concern_to_be_raised_with_dc" }],
  ["queued", { kind: "close", outcome: "" }, "invalid_outcome"],
  ["queued", { kind: "reopen" }, "not_closed"],
  ["queued", { kind: "change_type", to: "FER" }, { type: "FER" }],
  ["queued", { kind: "change_type", to: "XYZ" as CaseType }, "invalid_type"],
  // under way
  ["under_way", { kind: "queue", workQueue: "7" }, "already_under_way"],
  ["under_way", { kind: "start" }, "already_under_way"],
  ["under_way", { kind: "close", outcome: "improvement_action_plan_agreed" }, { status: "closed", closedAt: NOW, outcome: "improvement_action_plan_agreed" }],
  ["under_way", { kind: "close", outcome: "enforcement_pursued" }, "invalid_outcome"],
  ["under_way", { kind: "reopen" }, "not_closed"],
  ["under_way", { kind: "change_type", to: "SEC" }, { type: "SEC" }],
  // closed
  ["closed", { kind: "queue", workQueue: "7" }, "case_closed"],
  ["closed", { kind: "start" }, "case_closed"],
  ["closed", { kind: "close", outcome: "duplicate" }, "case_closed"],
  [
    "closed",
    { kind: "reopen" },
    { status: "queued", openedAt: NOW, queuedAt: NOW, underWayAt: null, closedAt: null, outcome: null, reopenCount: 1 },
  ],
  ["closed", { kind: "change_type", to: "ENQ" }, "case_closed"],
  // unknown action from untrusted input
  ["queued", { kind: "archive" } as unknown as CaseAction, "unknown_action"],
];

describe("transition", () => {
  it("table covers every status × action kind", () => {
    for (const s of CASE_STATUSES)
      for (const k of CASE_ACTION_KINDS)
        expect(table.some(([st, a]) => st === s && a.kind === k), `${s} × ${k}`).toBe(true);
  });

  it.each(table)("%s + %j → %j", (status, action, expected) => {
    const result = transition(snapshot(status), action, NOW);
    if (typeof expected === "string") {
      expect(result).toEqual({ ok: false, reason: expected });
    } else {
      expect(result).toEqual({ ok: true, next: expected });
    }
  });
});

describe("close validates the outcome for the case's type", () => {
  it.each<[CaseType, string, boolean]>([
    ["FS50", "not_s50", true],
    ["FS50", "not_dpa", false],
    ["ELE", "pecr_does_not_apply", true],
    ["RCC", "created_in_error", true],
    ["RCC", "advice_provided", false],
    ["ENQ", "advice_provided", true],
  ])("%s with %s → ok %s", (type, outcome, ok) => {
    expect(transition(snapshot("under_way", { type }), { kind: "close", outcome }, NOW).ok).toBe(ok);
  });
});

describe("reopen", () => {
  it.each([
    ["2025-01-08T23:59:00Z", "reopen_same_day", "same London day (GMT)"],
    ["2025-01-08T16:00:01Z", "reopen_same_day", "a second later"],
    ["2025-01-09T00:00:00Z", null, "just after midnight London"],
    ["2025-01-07T12:00:00Z", "reopen_before_close", "clock before the close date"],
  ])("now %s → %s (%s)", (now, reason, _why) => {
    const result = transition(snapshot("closed"), { kind: "reopen" }, new Date(now));
    if (reason) expect(result).toEqual({ ok: false, reason });
    else expect(result.ok).toBe(true);
  });

  it("uses the London day, not the UTC day, in summer", () => {
    // Closed 23:30 BST on 10 June = 22:30 UTC; 23:15 UTC is already 11 June in London.
    const closed = snapshot("closed", { closedAt: new Date("2025-06-10T22:30:00Z") });
    expect(transition(closed, { kind: "reopen" }, new Date("2025-06-10T22:45:00Z"))).toEqual({
      ok: false,
      reason: "reopen_same_day",
    });
    expect(transition(closed, { kind: "reopen" }, new Date("2025-06-10T23:15:00Z")).ok).toBe(true);
  });

  it("counts re-opens and starts again as received when there was no queue", () => {
    const closed = snapshot("closed", { workQueue: null, queuedAt: null, reopenCount: 2 });
    expect(transition(closed, { kind: "reopen" }, NOW)).toEqual({
      ok: true,
      next: {
        status: "received",
        openedAt: NOW,
        queuedAt: null,
        underWayAt: null,
        closedAt: null,
        outcome: null,
        reopenCount: 3,
      },
    });
  });

  it("refuses a closed snapshot with no closedAt", () => {
    expect(transition(snapshot("closed", { closedAt: null }), { kind: "reopen" }, NOW)).toEqual({
      ok: false,
      reason: "not_closed",
    });
  });

  it("the re-opened case can be started and closed again", () => {
    let c = snapshot("closed");
    for (const [action, now] of [
      [{ kind: "reopen" }, NOW],
      [{ kind: "start" }, NOW],
      [{ kind: "close", outcome: "dc_action_required" }, NOW],
    ] as const) {
      const r = transition(c, action, now);
      expect(r.ok).toBe(true);
      if (r.ok) c = { ...c, ...r.next };
    }
    expect(c).toMatchObject({ status: "closed", outcome: "dc_action_required", reopenCount: 1, openedAt: NOW });
  });
});

describe("allowedActions", () => {
  it.each<[CaseStatus, Date, string[]]>([
    ["received", NOW, ["queue", "close", "change_type"]],
    ["queued", NOW, ["queue", "start", "close", "change_type"]],
    ["under_way", NOW, ["close", "change_type"]],
    ["closed", NOW, ["reopen"]],
    ["closed", new Date("2025-01-08T20:00:00Z"), []],
  ])("%s at %s → %j", (status, now, expected) => {
    expect(allowedActions(snapshot(status), now)).toEqual(expected);
  });
});

describe("status helpers", () => {
  it.each([
    ["received", true],
    ["queued", true],
    ["under_way", true],
    ["closed", false],
  ] as const)("isOpen(%s) → %s", (status, open) => {
    expect(isOpen(status)).toBe(open);
    expect(CaseStatusSchema.parse(status)).toBe(status);
  });
});
