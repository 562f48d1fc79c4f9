import { describe, expect, it } from "vitest";
import { isOpen, parseOfficeHours } from "./office-hours";

const hours = parseOfficeHours("09:00-17:00", ["2026-12-24"]);

describe("isOpen (Europe/London)", () => {
  it.each([
    ["Wednesday 10:00 GMT", "2026-12-02T10:00:00Z", true],
    ["Wednesday 08:59 GMT", "2026-12-02T08:59:00Z", false],
    ["Wednesday 17:00 GMT (closed at the hour)", "2026-12-02T17:00:00Z", false],
    ["Saturday", "2026-12-05T12:00:00Z", false],
    ["Christmas Day (bank holiday)", "2026-12-25T12:00:00Z", false],
    ["Boxing Day substitute, Monday 28 Dec", "2026-12-28T12:00:00Z", false],
    ["configured closed date", "2026-12-24T12:00:00Z", false],
    ["BST: 08:30 UTC is 09:30 in London", "2026-06-03T08:30:00Z", true],
    ["BST: 16:30 UTC is 17:30 in London", "2026-06-03T16:30:00Z", false],
    ["Easter Monday", "2026-04-06T12:00:00Z", false],
  ])("%s", (_name, iso, expected) => expect(isOpen(hours, new Date(iso))).toBe(expected));

  it.each(["9-5", "17:00-09:00", "09:00"])("rejects %s", (value) => expect(() => parseOfficeHours(value)).toThrow(RangeError));
});
