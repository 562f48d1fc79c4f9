import { describe, expect, it } from "vitest";
import { CASE_TYPES } from "./case-types.js";
import {
  adjustmentDecisionDueAt,
  adjustmentReviewDueAt,
  callbackDueAt,
  clockState,
  complaintDeadline,
  computeCaseClocks,
  isComplaintInTime,
  nextDueClock,
  type CaseClocks,
  type CaseProgress,
} from "./clocks.js";

const d = (s: string) => new Date(s);
const iso = (x: Date) => x.toISOString();

describe("computeCaseClocks", () => {
  it.each([
    // type, openedAt, queueBy, underWayBy, answerBy, closeBy
    ["RFA", "2025-01-06T09:00:00Z", "2025-01-09T23:59:59.999Z", "2025-01-20T23:59:59.999Z", "2025-02-05T23:59:59.999Z", "2025-07-06T22:59:59.999Z"],
    ["COM", "2025-01-06T09:00:00Z", "2025-01-13T23:59:59.999Z", "2025-01-20T23:59:59.999Z", "2025-02-05T23:59:59.999Z", "2025-07-06T22:59:59.999Z"],
    // Maundy Thursday evening before Easter 2025 (BST)
    ["FS50", "2025-04-17T18:30:00Z", "2025-04-24T22:59:59.999Z", "2025-05-01T22:59:59.999Z", "2025-05-17T22:59:59.999Z", "2025-10-17T22:59:59.999Z"],
    // opened in GMT, calendar clocks land in BST
    ["ENQ", "2025-03-20T12:00:00Z", "2025-03-25T23:59:59.999Z", "2025-04-03T22:59:59.999Z", "2025-04-19T22:59:59.999Z", "2025-09-20T22:59:59.999Z"],
    // opened 31 August: 6 months clamps to 28 Feb
    ["ELE", "2025-08-31T10:00:00Z", "2025-09-03T22:59:59.999Z", "2025-09-14T22:59:59.999Z", "2025-09-30T22:59:59.999Z", "2026-02-28T23:59:59.999Z"],
    // RCC: acknowledge (under way) within 5 working days, over Christmas 2026
    ["RCC", "2026-12-23T15:00:00Z", "2026-12-30T23:59:59.999Z", "2027-01-04T23:59:59.999Z", "2027-01-22T23:59:59.999Z", "2027-06-23T22:59:59.999Z"],
    // late-evening BST: London date is already the next day
    ["RFA", "2025-06-13T23:30:00Z", "2025-06-18T22:59:59.999Z", "2025-06-28T22:59:59.999Z", "2025-07-14T22:59:59.999Z", "2025-12-14T23:59:59.999Z"],
  ] as const)("%s opened %s", (type, opened, queueBy, underWayBy, answerBy, closeBy) => {
    const c = computeCaseClocks(type, d(opened));
    expect(iso(c.acknowledgeBy)).toBe(iso(d(opened)));
    expect(iso(c.queueBy)).toBe(queueBy);
    expect(iso(c.underWayBy)).toBe(underWayBy);
    expect(iso(c.answerBy)).toBe(answerBy);
    expect(iso(c.closeBy)).toBe(closeBy);
  });

  it("acknowledgeBy is a copy, not the caller's Date", () => {
    const opened = d("2025-01-06T09:00:00Z");
    const c = computeCaseClocks("RFA", opened);
    expect(c.acknowledgeBy).not.toBe(opened);
  });

  it.each(CASE_TYPES.map((t) => [t]))("%s clocks are in order", (type) => {
    const c = computeCaseClocks(type, d("2025-05-01T12:00:00Z"));
    expect(c.acknowledgeBy <= c.queueBy).toBe(true);
    expect(c.queueBy <= c.underWayBy).toBe(true);
    expect(c.underWayBy <= c.answerBy).toBe(true);
    expect(c.answerBy <= c.closeBy).toBe(true);
  });
});

describe("callbackDueAt (2 working days)", () => {
  it.each([
    ["2025-01-06T09:00:00Z", "2025-01-08T23:59:59.999Z", "Monday"],
    ["2025-01-10T17:45:00Z", "2025-01-14T23:59:59.999Z", "Friday evening"],
    ["2025-04-17T10:00:00Z", "2025-04-23T22:59:59.999Z", "before Easter"],
    ["2025-12-24T10:00:00Z", "2025-12-30T23:59:59.999Z", "Christmas Eve"],
  ])("%s → %s (%s)", (at, expected) => {
    expect(iso(callbackDueAt(d(at)))).toBe(expected);
  });
});

describe("adjustmentDecisionDueAt (48 elapsed hours, rolled to end of next working day)", () => {
  it.each([
    ["2025-01-06T10:00:00Z", "2025-01-08T10:00:00.000Z", "Monday → Wednesday same time"],
    ["2025-01-08T10:00:00Z", "2025-01-10T10:00:00.000Z", "Wednesday → Friday same time"],
    ["2025-01-09T10:00:00Z", "2025-01-13T23:59:59.999Z", "Thursday → Saturday → end of Monday"],
    ["2025-01-10T10:00:00Z", "2025-01-13T23:59:59.999Z", "Friday → Sunday → end of Monday"],
    ["2025-01-11T10:00:00Z", "2025-01-13T10:00:00.000Z", "Saturday → Monday same time"],
    ["2025-04-16T10:00:00Z", "2025-04-22T22:59:59.999Z", "Wednesday → Good Friday → end of Tuesday"],
    ["2025-03-28T12:00:00Z", "2025-03-31T22:59:59.999Z", "Friday → Sunday of the clock change → end of Monday (BST)"],
    ["2025-03-29T12:00:00Z", "2025-03-31T12:00:00.000Z", "48 elapsed hours across spring forward (13:00 BST)"],
  ])("%s → %s (%s)", (at, expected) => {
    expect(iso(adjustmentDecisionDueAt(d(at)))).toBe(expected);
  });
});

describe("adjustmentReviewDueAt (2 years)", () => {
  it.each([
    ["2025-01-06T10:00:00Z", "2027-01-06T23:59:59.999Z"],
    ["2024-02-29T10:00:00Z", "2026-02-28T23:59:59.999Z"],
    ["2025-07-01T09:00:00Z", "2027-07-01T22:59:59.999Z"],
  ])("%s → %s", (at, expected) => {
    expect(iso(adjustmentReviewDueAt(d(at)))).toBe(expected);
  });
});

describe("clockState", () => {
  const due = d("2025-01-15T23:59:59.999Z"); // end of Wed 15 Jan
  it.each([
    ["2025-01-10T12:00:00Z", null, "on_time"],
    ["2025-01-12T23:59:59Z", null, "on_time"], // Sunday: due in 3 days
    ["2025-01-13T00:00:00Z", null, "due_soon"], // Monday: due in 2 days
    ["2025-01-15T12:00:00Z", null, "due_soon"], // due today
    ["2025-01-15T23:59:59.999Z", null, "due_soon"],
    ["2025-01-16T00:00:00Z", null, "overdue"],
    ["2025-01-20T00:00:00Z", "2025-01-15T23:59:59.999Z", "met"],
    ["2025-01-10T00:00:00Z", "2025-01-09T10:00:00Z", "met"],
    ["2025-01-10T00:00:00Z", "2025-01-16T00:00:00Z", "missed"],
    ["2025-01-20T00:00:00Z", "2025-01-17T10:00:00Z", "missed"],
  ])("now %s done %s → %s", (now, done, expected) => {
    expect(clockState(due, d(now), done ? d(done) : null)).toBe(expected);
  });

  it("counts due_soon in London dates (BST)", () => {
    const dueBst = d("2025-06-18T22:59:59.999Z"); // end of Wed 18 June London
    expect(clockState(dueBst, d("2025-06-15T23:30:00Z"))).toBe("due_soon"); // already Mon 16 in London
    expect(clockState(dueBst, d("2025-06-15T22:30:00Z"))).toBe("on_time"); // still Sun 15 in London
  });
});

describe("nextDueClock", () => {
  const clocks: CaseClocks = computeCaseClocks("RFA", d("2025-01-06T09:00:00Z"));
  const t = d("2025-01-07T10:00:00Z");
  it.each<[string, CaseProgress, string | null]>([
    ["nothing done", {}, "queueBy"],
    ["queued", { queuedAt: t }, "underWayBy"],
    ["under way", { queuedAt: t, underWayAt: t }, "answerBy"],
    ["under way without a recorded queue time", { underWayAt: t }, "answerBy"],
    ["answered", { queuedAt: t, underWayAt: t, answeredAt: t }, "closeBy"],
    ["closed", { queuedAt: t, closedAt: t }, null],
    ["closed straight away", { closedAt: t }, null],
    ["nulls count as not done", { queuedAt: null, underWayAt: null }, "queueBy"],
  ])("%s → %s", (_label, progress, expected) => {
    const next = nextDueClock(clocks, progress);
    expect(next?.name ?? null).toBe(expected);
    if (next) expect(next.dueAt).toBe(clocks[next.name]);
  });

  it("picks the earliest due when a later clock is due first", () => {
    const odd: CaseClocks = { ...clocks, underWayBy: d("2025-01-07T00:00:00Z") };
    expect(nextDueClock(odd, {})).toEqual({ name: "underWayBy", dueAt: odd.underWayBy });
  });
});

describe("isComplaintInTime (3 months from the event)", () => {
  it.each([
    ["2025-01-15", "2025-04-15T22:00:00Z", true, "last day"],
    ["2025-01-15", "2025-04-15T23:30:00Z", false, "after midnight London on the last day (BST)"],
    ["2025-01-15", "2025-04-16T09:00:00Z", false, "a day late"],
    ["2025-01-15", "2025-01-15T09:00:00Z", true, "same day"],
    ["2025-11-30", "2026-02-28T12:00:00Z", true, "clamped to the end of February"],
    ["2025-11-30", "2026-03-01T12:00:00Z", false, "after the clamp"],
    ["2025-06-10", "2025-06-01T12:00:00Z", false, "event after the complaint"],
  ])("event %s received %s → %s (%s)", (event, received, expected) => {
    expect(isComplaintInTime(event, d(received))).toBe(expected);
  });

  it("accepts a Date for the event (London date taken)", () => {
    // 23:30 UTC on 14 Jan in winter is still 14 Jan in London
    expect(isComplaintInTime(d("2025-01-14T23:30:00Z"), d("2025-04-14T12:00:00Z"))).toBe(true);
    expect(isComplaintInTime(d("2025-01-14T23:30:00Z"), d("2025-04-15T12:00:00Z"))).toBe(false);
  });

  it("exposes the deadline", () => {
    expect(complaintDeadline("2025-11-30")).toBe("2026-02-28");
  });
});
