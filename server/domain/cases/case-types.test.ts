import { describe, expect, it } from "vitest";
import {
  CASE_TYPES,
  CASE_TYPE_DESCRIPTIONS_EN,
  CaseTypeSchema,
  caseTypeInfo,
  isCaseType,
} from "./case-types.js";

describe("case types", () => {
  it("lists the twelve types of DESIGN §5 in order", () => {
    expect(CASE_TYPES).toEqual([
      "ENQ", "RFA", "FS50", "FER", "ELE", "COM", "SEC", "ENF", "PCB", "IRQ", "RCC", "INF",
    ]);
  });

  it.each(CASE_TYPES.map((t) => [t]))("%s has an i18n key and an English description", (type) => {
    expect(caseTypeInfo[type].descriptionKey).toBe(`caseTypes.${type}`);
    expect(CASE_TYPE_DESCRIPTIONS_EN[type].length).toBeGreaterThan(0);
  });

  it.each([
    ["RFA", true],
    ["FS50", true],
    ["rfa", false],
    ["FS5", false],
    ["", false],
    ["XYZ", false],
  ] as const)("CaseTypeSchema / isCaseType(%j) → %s", (value, ok) => {
    expect(CaseTypeSchema.safeParse(value).success).toBe(ok);
    expect(isCaseType(value)).toBe(ok);
  });

  it("isCaseType rejects non-strings", () => {
    expect(isCaseType(42)).toBe(false);
    expect(isCaseType(undefined)).toBe(false);
  });
});
