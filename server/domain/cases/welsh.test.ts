import { describe, expect, it } from "vitest";
import { CaseLanguageSchema, caseTitle, hasWelshMarker } from "./welsh.js";
import type { CaseType } from "./case-types.js";

describe("caseTitle", () => {
  it.each<[CaseType, "en" | "cy", string | null | undefined, string]>([
    ["RFA", "cy", "Acme Ltd", "Welsh language – Data protection concern – Acme Ltd"],
    ["RFA", "en", "Acme Ltd", "Data protection concern – Acme Ltd"],
    ["FS50", "cy", "Cyngor Sir Gâr", "Welsh language – FOI concern – Cyngor Sir Gâr"],
    ["ENQ", "cy", "", "Welsh language – Advice request"],
    ["ENQ", "cy", null, "Welsh language – Advice request"],
    ["ENQ", "en", undefined, "Advice request"],
    ["ELE", "cy", "  Acme   Ltd \n", "Welsh language – Marketing (PECR) concern – Acme Ltd"],
    // never duplicated
    ["RFA", "cy", "Welsh language – Acme Ltd", "Welsh language – Data protection concern – Acme Ltd"],
    ["RFA", "cy", "welsh language: Acme Ltd", "Welsh language – Data protection concern – Acme Ltd"],
    ["RFA", "cy", "Welsh language", "Welsh language – Data protection concern"],
    ["RFA", "cy", "Welsh languages policy", "Welsh language – Data protection concern – Welsh languages policy"],
    ["RFA", "cy", "Welsh language school", "Data protection concern – Welsh language school"],
    ["RFA", "cy", "acme (WELSH LANGUAGE)", "Data protection concern – acme (WELSH LANGUAGE)"],
    // an English case keeps whatever the subject says
    ["RCC", "en", "Welsh language service", "Complaint about our service – Welsh language service"],
  ])("%s %s %j → %j", (type, language, subject, expected) => {
    expect(caseTitle({ type, language, subject })).toBe(expected);
  });

  it("every Welsh title can be counted by the marker", () => {
    expect(hasWelshMarker(caseTitle({ type: "COM", language: "cy", subject: "Ysgol" }))).toBe(true);
    expect(hasWelshMarker(caseTitle({ type: "COM", language: "en", subject: "School" }))).toBe(false);
  });

  it("accepts en and cy only", () => {
    expect(CaseLanguageSchema.safeParse("cy").success).toBe(true);
    expect(CaseLanguageSchema.safeParse("fr").success).toBe(false);
  });
});
