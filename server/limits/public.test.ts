import { describe, expect, it } from "vitest";
import { createLimits } from "./index";
import { PUBLIC_LIMITS, publicLimits, recipientKey } from "./public";

describe("recipientKey", () => {
  it.each([
    ["Someone@Example.org", "someone@example.org"],
    [" someone@example.org ", "someone@example.org"],
    ["someone+forms1@example.org", "someone@example.org"],
    ["some.one@example.org", "some.one@example.org"],
    ["Some.One+x@GMail.com", "someone@gmail.com"],
    ["s.o.m.e.o.n.e@googlemail.com", "someone@gmail.com"],
    ["+tag@example.org", "+tag@example.org"],
    ["not-an-address", "not-an-address"],
  ])("%s counts as %s", (input, key) => {
    expect(recipientKey(input)).toBe(key);
  });
});

describe("publicLimits", () => {
  it("allows the day's acknowledgements to one mailbox however its address is written, then refuses", async () => {
    const limits = createLimits({ secret: "t" });
    const p = publicLimits(limits);
    const n = PUBLIC_LIMITS.acknowledgementsPerRecipient.points;
    const spellings = ["victim@example.org", "Victim@example.org", "victim+1@example.org", "victim+2@EXAMPLE.org"];
    const results = [];
    for (let i = 0; i < n + 2; i++) results.push(await p.acknowledge(spellings[i % spellings.length]!));
    expect(results).toEqual([...Array(n).fill(true), false, false]);
    expect(await p.acknowledge("someone-else@example.org")).toBe(true);
    await limits.close();
  });

  it("counts submissions per address and says when to come back", async () => {
    const limits = createLimits({ secret: "t" });
    const p = publicLimits(limits);
    for (let i = 0; i < PUBLIC_LIMITS.submissionsPerAddress.points; i++) expect(await p.submission("203.0.113.5")).toEqual({ ok: true });
    const refused = await p.submission("203.0.113.5");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(3600);
    expect(await p.submission("203.0.113.6")).toEqual({ ok: true });
    await limits.close();
  });
});
