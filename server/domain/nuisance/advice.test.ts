import { describe, expect, it } from "vitest";
import { tpsAppliedTo } from "./advice.js";

describe("TPS registration per contact", () => {
  const registered = { tps: "yes" as const, registeredOn: "2026-11-01" };
  it.each([
    ["a call 28 days after registering", registered, "live_call", "2026-11-29", true],
    ["a call 27 days after: not yet in force", registered, "live_call", "2026-11-28", false],
    ["a recorded call, registration date not given", { tps: "yes" as const, registeredOn: null }, "recorded_call", "2026-11-02", true],
    ["a text: not the TPS's", registered, "text", "2026-12-30", false],
    ["an email", registered, "email", "2026-12-30", false],
    ["a fax (the FPS, not the TPS)", registered, "fax", "2026-12-30", false],
    ["not registered", { tps: "no" as const, registeredOn: null }, "live_call", "2026-12-30", false],
    ["not sure", { tps: "not_sure" as const, registeredOn: null }, "live_call", "2026-12-30", false],
  ] as const)("%s", (_name, about, kind, date, expected) => {
    expect(tpsAppliedTo(about, { kind, date })).toBe(expected);
  });
});
