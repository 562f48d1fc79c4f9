import { describe, expect, it } from "vitest";
import { CASE_TYPES, type CaseType } from "./case-types.js";
import {
  ReferenceSchema,
  allocateReference,
  extractReference,
  formatReference,
  maxReferenceNumber,
  parseReference,
  referenceTag,
  type ReferenceAllocator,
} from "./reference.js";

describe("formatReference", () => {
  it.each([
    ["RFA", 12345, "RFA0012345"],
    ["FS50", 12345, "FS50012345"],
    ["ENQ", 1, "ENQ0000001"],
    ["FER", 9999999, "FER9999999"],
    ["FS50", 999999, "FS50999999"],
    ["INF", 42, "INF0000042"],
  ] as const)("%s %i → %s", (type, n, expected) => {
    expect(formatReference(type, n)).toBe(expected);
    expect(expected).toHaveLength(10);
  });

  it.each([
    ["RFA", 0],
    ["RFA", -1],
    ["RFA", 1.5],
    ["RFA", Number.NaN],
    ["RFA", 10_000_000],
    ["FS50", 1_000_000],
  ] as const)("%s %d throws RangeError", (type, n) => {
    expect(() => formatReference(type, n)).toThrow(RangeError);
  });

  it("every type fits at least a million cases", () => {
    for (const type of CASE_TYPES) expect(maxReferenceNumber(type)).toBeGreaterThanOrEqual(999_999);
  });
});

describe("parseReference", () => {
  it.each([
    ["RFA0012345", { type: "RFA", number: 12345 }],
    ["rfa0012345", { type: "RFA", number: 12345 }],
    ["  RFA0012345 ", { type: "RFA", number: 12345 }],
    ["rfa 001 2345", { type: "RFA", number: 12345 }],
    ["FS50012345", { type: "FS50", number: 12345 }],
    ["fs50000001", { type: "FS50", number: 1 }],
    ["FER0012345", { type: "FER", number: 12345 }],
    ["ENQ0000001", { type: "ENQ", number: 1 }],
  ])("%j → %j", (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    "",
    "RFA",
    "RFA001234", // too short
    "RFA00123456", // too long
    "RFA0000000", // zero is never allocated
    "XYZ0012345",
    "FS5012345", // FS50 with a digit missing
    "FS5X012345",
    "RFA00123A5",
    "FS50-12345",
    "RFA-012345",
  ])("%j → null", (input) => {
    expect(parseReference(input)).toBeNull();
  });

  it.each(CASE_TYPES.map((t) => [t]))("round-trips %s", (type: CaseType) => {
    for (const n of [1, 12345, maxReferenceNumber(type)]) {
      expect(parseReference(formatReference(type, n))).toEqual({ type, number: n });
    }
  });
});

describe("ReferenceSchema", () => {
  it.each([
    [" fs50012345 ", "FS50012345"],
    ["rfa0012345", "RFA0012345"],
  ])("%j → %j", (input, expected) => {
    expect(ReferenceSchema.parse(input)).toBe(expected);
  });

  it.each(["", "RFA12", "nonsense", "RFA0000000"])("rejects %j", (input) => {
    expect(ReferenceSchema.safeParse(input).success).toBe(false);
  });
});

describe("reference tags in email subjects", () => {
  it("formats the tag", () => {
    expect(referenceTag("RFA0012345")).toBe("[Ref. RFA0012345]");
  });

  it.each([
    ["Re: Your concern [Ref. RFA0012345]", "RFA0012345"],
    ["RE: [ref. fs50012345] more documents", "FS50012345"],
    ["Fwd: [Ref RFA0012345]", "RFA0012345"],
    ["No reference here", null],
    ["[Ref. RFA00123]", null],
    ["[Ref. ABC0012345]", null],
  ])("%j → %j", (subject, expected) => {
    expect(extractReference(subject)).toBe(expected);
  });
});

describe("allocateReference", () => {
  it("formats the number the allocator hands out", async () => {
    const calls: CaseType[] = [];
    const allocator: ReferenceAllocator = {
      next: async (type) => {
        calls.push(type);
        return 12345;
      },
    };
    await expect(allocateReference(allocator, "FS50")).resolves.toBe("FS50012345");
    expect(calls).toEqual(["FS50"]);
  });

  it("gives distinct references for concurrent calls when the counter is atomic", async () => {
    const counters = new Map<CaseType, number>();
    const allocator: ReferenceAllocator = {
      next: async (type) => {
        await Promise.resolve();
        const n = (counters.get(type) ?? 0) + 1;
        counters.set(type, n);
        return n;
      },
    };
    const refs = await Promise.all(Array.from({ length: 50 }, () => allocateReference(allocator, "RFA")));
    expect(new Set(refs).size).toBe(50);
  });

  it("rejects when the counter has run out", async () => {
    const allocator: ReferenceAllocator = { next: async () => 1_000_000 };
    await expect(allocateReference(allocator, "FS50")).rejects.toThrow(RangeError);
  });
});
