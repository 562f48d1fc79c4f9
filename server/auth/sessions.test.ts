import { describe, expect, it } from "vitest";
import { expiryFrom } from "./sessions";

describe("session expiry", () => {
  // Written out, not computed from the constants: a changed lifetime has to change this table too.
  it.each([
    { holder: "staff", at: "2026-12-06T09:00:00.000Z", idle: "2026-12-06T09:30:00.000Z", absolute: "2026-12-06T21:00:00.000Z" },
    { holder: "public", at: "2026-12-06T09:00:00.000Z", idle: "2026-12-06T11:00:00.000Z", absolute: "2026-12-06T21:00:00.000Z" },
    // Across midnight, milliseconds kept.
    { holder: "staff", at: "2026-12-06T23:45:10.250Z", idle: "2026-12-07T00:15:10.250Z", absolute: "2026-12-07T11:45:10.250Z" },
    // Elapsed time, not London's clock: the night the clocks go back is still 12 hours long.
    { holder: "public", at: "2026-10-24T20:00:00.000Z", idle: "2026-10-24T22:00:00.000Z", absolute: "2026-10-25T08:00:00.000Z" },
  ] as const)("a $holder session seen at $at idles out at $idle and ends at $absolute", ({ holder, at, idle, absolute }) => {
    const expiry = expiryFrom(new Date(at), holder);
    expect({ idle: expiry.idle.toISOString(), absolute: expiry.absolute.toISOString() }).toEqual({ idle, absolute });
  });
});
