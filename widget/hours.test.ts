import { describe, expect, it } from "vitest";
import { clockTime, officeTimes } from "./hours";

describe("office hours as people read them", () => {
  it.each([
    ["09:00", "9am"],
    ["00:00", "12am"],
    ["12:00", "12pm"],
    ["12:30", "12:30pm"],
    ["17:30", "5:30pm"],
    ["23:59", "11:59pm"],
  ])("%s reads %s", (value, text) => expect(clockTime(value)).toBe(text));

  it("gives the times of a range, and none for 'always', 'closed' or nothing", () => {
    expect(officeTimes("09:00-17:00")).toEqual({ opens: "9am", closes: "5pm" });
    expect(officeTimes("08:30-18:15")).toEqual({ opens: "8:30am", closes: "6:15pm" });
    expect(officeTimes("always")).toBeNull();
    expect(officeTimes("closed")).toBeNull();
    expect(officeTimes(undefined)).toBeNull();
  });
});
