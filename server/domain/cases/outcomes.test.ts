import { describe, expect, it } from "vitest";
import { CASE_TYPES, type CaseType } from "./case-types.js";
import {
  COMMON_OUTCOMES,
  OUTCOME_KEYS,
  OUTCOME_LABELS_EN,
  isMarkedForDeletion,
  isValidOutcome,
  outcomeLabelKey,
  outcomesFor,
} from "./outcomes.js";

const labels = (type: CaseType) => outcomesFor(type).map((k) => OUTCOME_LABELS_EN[k]);
const common = ["Duplicate", "Documents pasted into existing case", "Non-case", "Created in error"];

describe("outcomesFor", () => {
  it.each<[CaseType, string[]]>([
    [
      "RFA",
      [
        "DC outside UK", "Not DPA", "Concern to be raised with DC", "Response needed from DC",
        "No action for DC", "General advice given to DC", "Compliance advice given to DC",
        "DC action required", "Improvement action plan agreed", "Undertaking served",
        "Advisory visit recommended", "Compliance audit recommended", "Enforcement notice pursued",
        "Civil monetary penalty pursued", "Criminal investigation pursued",
      ],
    ],
    [
      "ELE",
      [
        "Insufficient information provided", "PECR does not apply", "Insufficient evidence of breach",
        "Enforcement not recommended", "Enforcement pursued",
      ],
    ],
    [
      "FS50",
      [
        "Insufficient evidence", "Not PA", "Not s50", "Not EIR", "Vexatious", "Frivolous",
        "No internal review", "Undue delay", "Abandoned", "Withdrawn informally resolved",
        "Decision notice served – not upheld", "Decision notice served – upheld",
        "Decision notice served – partially upheld",
      ],
    ],
    [
      "COM",
      [
        "DC outside UK", "Not DPA", "No action for DC", "DC action required",
        "Improvement action plan agreed", "Undertaking served", "Advisory visit recommended",
        "Compliance audit recommended", "Enforcement notice pursued", "Civil monetary penalty pursued",
        "Criminal investigation pursued",
      ],
    ],
    [
      "ENF",
      [
        "General advice given to organisation", "Compliance advice given to organisation",
        "Monitored: sufficient improvement", "DC action required", "Improvement action plan agreed",
        "Undertaking served", "Advisory visit recommended", "Compliance audit recommended",
        "Preliminary enforcement notice served", "Criminal investigation pursued",
        "Enforcement notice served", "CMP notice of intent served", "CMP final notice served",
      ],
    ],
    ["ENQ", ["Advice provided"]],
    ["SEC", ["Order made – notice to be added", "Order made – no notice"]],
    ["PCB", []],
    ["IRQ", []],
    ["RCC", ["Complaint upheld", "Complaint partly upheld", "Complaint not upheld", "Refused – more than 3 months after the event"]],
    ["INF", []],
  ])("%s", (type, specific) => {
    expect(labels(type)).toEqual([...specific, ...common]);
  });

  it("FER has the same list as FS50", () => {
    expect(outcomesFor("FER")).toEqual(outcomesFor("FS50"));
  });

  it.each(CASE_TYPES.map((t) => [t]))("%s ends with the four common outcomes, no duplicates", (type) => {
    const list = outcomesFor(type);
    expect(list.slice(-4)).toEqual([...COMMON_OUTCOMES]);
    expect(new Set(list).size).toBe(list.length);
  });

  it("every key is snake_case, has a label and is used by some type", () => {
    const used = new Set(CASE_TYPES.flatMap((t) => outcomesFor(t)));
    for (const key of OUTCOME_KEYS) {
      expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(OUTCOME_LABELS_EN[key].length).toBeGreaterThan(0);
      expect(used.has(key)).toBe(true);
    }
  });
});

describe("isValidOutcome", () => {
  it.each<[CaseType, string, boolean]>([
    ["RFA", "concern_to_be_raised_with_dc", true],
    ["RFA", "duplicate", true],
    ["RFA", "not_s50", false],
    ["RFA", "advice_provided", false],
    ["FS50", "not_s50", true],
    ["FER", "not_eir", true],
    ["ELE", "enforcement_pursued", true],
    ["ELE", "enforcement_notice_pursued", false],
    ["COM", "concern_to_be_raised_with_dc", false],
    ["COM", "no_action_for_dc", true],
    ["ENF", "cmp_final_notice_served", true],
    ["ENF", "general_advice_given_to_dc", false],
    ["ENQ", "advice_provided", true],
    ["SEC", "no_notice_ordered", true],
    ["RCC", "created_in_error", true],
    ["RCC", "not_dpa", false],
    ["INF", "non_case", true],
    ["RFA", "", false],
    ["RFA", "Duplicate", false],
    ["RFA", "toString", false],
  ])("%s %j → %s", (type, key, expected) => {
    expect(isValidOutcome(type, key)).toBe(expected);
  });
});

describe("helpers", () => {
  it.each([
    ["duplicate", true],
    ["created_in_error", true],
    ["not_dpa", false],
  ])("isMarkedForDeletion(%s) → %s", (key, expected) => {
    expect(isMarkedForDeletion(key)).toBe(expected);
  });

  it("outcomeLabelKey", () => {
    expect(outcomeLabelKey("not_pa")).toBe("outcomes.not_pa");
  });
});
