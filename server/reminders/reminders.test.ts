// The pure rules of reminders, table-driven: when a "come back on" reminder is due (London
// dates, never early), and who hears about a staff reminder (its officer if active, every manager).
import { describe, expect, it } from "vitest";
import { isDue } from "./concern-reminders";
import { recipientsFor, type DueItem } from "./staff-reminders";

describe("isDue", () => {
  it.each([
    ["2027-01-04", "2027-01-03", false],
    ["2027-01-04", "2027-01-04", true],
    ["2027-01-04", "2027-01-05", true],
    ["2026-12-31", "2027-01-01", true],
    ["2027-01-10", "2027-01-09", false],
  ])("due on %s, today %s → %s", (dueOn, today, expected) => {
    expect(isDue(dueOn, today)).toBe(expected);
  });
});

describe("recipientsFor", () => {
  const item = (subjectId: string, assignedToId: string | null): DueItem => ({ kind: "clock", subjectId, reference: "RFA0000001", dueAt: new Date(0), assignedToId });
  it.each<[string, DueItem[], string[], string[], Record<string, string[]>]>([
    ["allocated: the officer and each manager", [item("a", "o1")], ["m1", "m2"], ["o1", "m1", "m2"], { o1: ["a"], m1: ["a"], m2: ["a"] }],
    ["unallocated: the managers only", [item("a", null)], ["m1"], ["m1"], { m1: ["a"] }],
    ["an inactive officer is not told; the managers are", [item("a", "gone")], ["m1"], ["m1"], { m1: ["a"] }],
    ["a manager allocated the case hears once", [item("a", "m1")], ["m1"], ["m1"], { m1: ["a"] }],
    ["no managers: only the officer", [item("a", "o1"), item("b", "o2")], [], ["o1", "o2"], { o1: ["a"], o2: ["b"] }],
    ["nothing due: nobody", [], ["m1"], ["m1"], {}],
  ])("%s", (_name, items, managers, active, expected) => {
    const by = recipientsFor(items, managers, new Set(active));
    expect(Object.fromEntries([...by].map(([id, list]) => [id, list.map((i) => i.subjectId)]))).toEqual(expected);
  });
});
