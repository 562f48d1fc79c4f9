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

  it("limits uploads per submission, and files and bytes per address", async () => {
    const limits = createLimits({ secret: "t" });
    const p = publicLimits(limits);
    const { uploadFilesPerSubmission, uploadBytesPerAddress } = PUBLIC_LIMITS;
    // One journey churning files: refused once past its own limit; another journey still may.
    for (let i = 0; i < uploadFilesPerSubmission.points; i++) expect(await p.uploads("198.51.100.1", "journey-a", 1, 1000)).toBe(true);
    expect(await p.uploads("198.51.100.1", "journey-a", 1, 1000)).toBe(false);
    expect(await p.uploads("198.51.100.1", "journey-b", 1, 1000)).toBe(true);
    // Bytes from one address across journeys.
    expect(await p.uploads("198.51.100.2", "journey-c", 1, uploadBytesPerAddress.points - 10)).toBe(true);
    expect(await p.uploads("198.51.100.2", "journey-d", 1, 100)).toBe(false);
    expect(await p.uploads("198.51.100.3", "journey-e", 1, 100)).toBe(true);
    expect(await p.uploads("198.51.100.3", "journey-e", 0, 0)).toBe(true);
    // Without the per-address quotas (demo mode) the per-submission limit still holds.
    const demo = publicLimits(limits, { perAddress: false });
    expect(await demo.uploads("198.51.100.2", "journey-f", 1, 100)).toBe(true);
    expect(await demo.submission("203.0.113.200")).toEqual({ ok: true });
    for (let i = 0; i < uploadFilesPerSubmission.points - 1; i++) await demo.uploads("198.51.100.2", "journey-f", 1, 1);
    expect(await demo.uploads("198.51.100.2", "journey-f", 1, 1)).toBe(false);
    await limits.close();
  });

  it("counts new chats per address an hour, another address apart; not in demo mode", async () => {
    const limits = createLimits({ secret: "t" });
    const p = publicLimits(limits);
    const n = PUBLIC_LIMITS.chatStartsPerAddress.points;
    const results = [];
    for (let i = 0; i < n + 1; i++) results.push(await p.chatStart("203.0.113.40"));
    expect(results).toEqual([...Array(n).fill(true), false]);
    expect(await p.chatStart("203.0.113.41")).toBe(true);
    expect(await publicLimits(limits, { perAddress: false }).chatStart("203.0.113.40")).toBe(true);
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
