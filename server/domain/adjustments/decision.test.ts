import { describe, expect, it } from "vitest";
import { canAppeal, canDecide, validateDecision } from "./decision.js";
import { canDecideConference, canSeeDifficulty, canTake } from "./access.js";
import { formatAdjustmentReference, parseAdjustmentReference } from "./reference.js";
import { parseReference } from "../cases/reference.js";

const requested = ["large_print", "phone_not_writing", "other"] as const;

describe("validateDecision", () => {
  it.each([
    [{ outcome: "agree_all" }, { ok: true, agreed: ["large_print", "phone_not_writing", "other"], status: "agreed" }],
    [{ outcome: "agree_some", agreed: ["large_print"], instead: "Letters by email in 18 point" }, { ok: true, agreed: ["large_print"], status: "partly_agreed" }],
    [{ outcome: "agree_some", agreed: ["large_print", "bogus"], instead: "x" }, { ok: true, agreed: ["large_print"], status: "partly_agreed" }],
    [{ outcome: "agree_some", agreed: [], instead: "x" }, { ok: false, errors: { agreed: "agreed_none" } }],
    [{ outcome: "agree_some", agreed: [...requested], instead: "x" }, { ok: false, errors: { agreed: "agreed_all" } }],
    [{ outcome: "agree_some", agreed: ["large_print"], instead: "  " }, { ok: false, errors: { instead: "instead_required" } }],
    [{ outcome: "decline", reasons: "We cannot", alternatives: "Phone calls" }, { ok: true, agreed: [], status: "declined" }],
    [{ outcome: "decline", reasons: "", alternatives: "" }, { ok: false, errors: { reasons: "reasons_required", alternatives: "alternatives_required" } }],
    [{ outcome: "decline", reasons: "x".repeat(2001), alternatives: "y" }, { ok: false, errors: { reasons: "too_long" } }],
  ] as const)("%j", (input, expected) => {
    const result = validateDecision(requested, input as never);
    if (result.ok) expect({ ok: true, agreed: result.decision.agreed, status: result.decision.status }).toEqual(expected);
    else expect(result).toEqual(expected);
  });

  it("keeps only the texts that belong to the outcome", () => {
    const result = validateDecision(requested, { outcome: "agree_all", instead: "ignored", reasons: "ignored", alternatives: "ignored" });
    expect(result.ok && result.decision).toMatchObject({ instead: null, reasons: null, alternatives: null });
  });
});

describe("when a request can be decided or appealed", () => {
  const decided = new Date("2026-11-24T10:00:00Z");
  const later = new Date("2026-12-01T10:00:00Z");
  it.each([
    ["received", null, [], true],
    ["agreed", decided, [], false],
    ["declined", decided, [{ outcome: null, decidedAt: null }], false],
    ["declined", decided, [{ outcome: "stands", decidedAt: later }], false],
    ["declined", decided, [{ outcome: "changed", decidedAt: later }], true],
    ["agreed", later, [{ outcome: "changed", decidedAt: decided }], false],
    ["removed", null, [], false],
  ] as const)("%s decided %s with conferences %j → %s", (status, decidedAt, conferences, expected) => {
    expect(canDecide(status, decidedAt, conferences)).toBe(expected);
  });

  it.each([
    ["received", [], false],
    ["declined", [], true],
    ["partly_agreed", [{ outcome: null, decidedAt: null }], false],
    ["agreed", [{ outcome: "stands", decidedAt: later }], true],
    ["removed", [], false],
  ] as const)("appeal on %s with %j → %s", (status, conferences, expected) => {
    expect(canAppeal(status, conferences)).toBe(expected);
  });
});

describe("access", () => {
  const officer = { id: "o1", roles: ["case_officer"] };
  const other = { id: "o2", roles: ["case_officer"] };
  const adviser = { id: "a1", roles: ["adviser"] };
  const admin = { id: "x1", roles: ["admin"] };
  const manager = { id: "m1", roles: ["manager"] };
  const head = { id: "h1", roles: ["head_of_customer_contact"] };
  it.each([
    [head, null, true],
    [manager, "o1", true],
    [officer, "o1", true],
    [officer, null, false],
    [other, "o1", false],
    [adviser, null, false],
    [{ ...adviser, id: "o1" }, "o1", false],
    [admin, null, false],
  ])("%j sees the sensitive text of a request assigned to %s: %s", (staff, assignedToId, expected) => {
    expect(canSeeDifficulty(staff, { assignedToId })).toBe(expected);
  });

  it.each([
    [officer, null, true],
    [officer, "o2", false],
    [officer, "o1", false],
    [manager, "o2", true],
    [adviser, null, false],
  ])("%j takes a request assigned to %s: %s", (staff, assignedToId, expected) => {
    expect(canTake(staff, { assignedToId })).toBe(expected);
  });

  it("lets only the Head of Customer Contact decide a case conference", () => {
    expect([head, manager, officer, admin].map(canDecideConference)).toEqual([true, false, false, false]);
  });
});

describe("adjustment references", () => {
  it.each([
    [1, "ADJ0000001"],
    [1234567, "ADJ1234567"],
  ])("%i → %s", (n, ref) => {
    expect(formatAdjustmentReference(n)).toBe(ref);
    expect(parseAdjustmentReference(ref.toLowerCase())).toBe(ref);
  });
  it.each([0, -1, 1.5, 10_000_000])("refuses %s", (n) => {
    expect(() => formatAdjustmentReference(n)).toThrow(RangeError);
  });
  it.each(["ADJ000001", "ADJ0000000", "RFA0012345", "ADJ00000012", ""])("does not parse %j", (s) => {
    expect(parseAdjustmentReference(s)).toBeNull();
  });
  it("is never a case reference", () => {
    expect(parseReference("ADJ0000001")).toBeNull();
  });
});
