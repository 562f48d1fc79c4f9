import { describe, expect, it } from "vitest";
import { agreeableCodes, correspondenceLanguage, mergeNeeds, missingFollowUps, NEED_CODES, orderCodes, readNeeds, type Need } from "./needs.js";

describe("needs", () => {
  it("lists 21 options, each once", () => {
    expect(NEED_CODES).toHaveLength(21);
    expect(new Set(NEED_CODES).size).toBe(21);
  });

  it.each([
    [["phone_not_writing", "large_print"], ["large_print", "phone_not_writing"]],
    [["welsh", "welsh", "bold"], ["bold", "welsh"]],
    [["<script>", "large_print"], ["large_print"]],
    [[], []],
  ])("orders and de-duplicates %j", (input, expected) => {
    expect(orderCodes(input)).toEqual(expected);
  });

  it.each<[string[], Need[], Need[]]>([
    [["large_print"], [{ code: "large_print", size: "18" }], [{ code: "large_print", size: "18" }]],
    [["bold"], [{ code: "large_print", size: "18" }], [{ code: "bold" }]],
    [["large_print", "braille"], [{ code: "large_print", size: "24" }, { code: "braille", grade: "2" }], [{ code: "large_print", size: "24" }, { code: "braille", grade: "2" }]],
    [["font"], [{ code: "font", font: "other", fontName: "Lexend" }], [{ code: "font", font: "other", fontName: "Lexend" }]],
    [["font"], [{ code: "font", font: "arial", fontName: "Lexend" }], [{ code: "font", font: "arial" }]],
    [["call_times"], [{ code: "call_times", times: "After 2pm", size: "18" } as Need], [{ code: "call_times", times: "After 2pm" }]],
  ])("mergeNeeds(%j) keeps only follow-ups of needs still chosen", (codes, before, after) => {
    expect(mergeNeeds(codes, before)).toEqual(after);
  });

  it.each<[Need[], string[]]>([
    [[{ code: "large_print" }, { code: "phone_not_writing" }], ["large_print"]],
    [[{ code: "large_print", size: "18" }, { code: "phone_not_writing" }], []],
    [[{ code: "more_time" }], []],
    [[{ code: "call_times", times: "" }], ["call_times"]],
    [[{ code: "font", font: "other" }], ["font"]],
    [[{ code: "font", font: "other", fontName: "Lexend" }, { code: "bsl" }, { code: "meeting", meeting: "video" }], ["bsl"]],
  ])("missingFollowUps(%j) = %j", (needs, missing) => {
    expect(missingFollowUps(needs)).toEqual(missing);
  });

  it("reads stored needs defensively", () => {
    expect(readNeeds([{ code: "large_print", size: "18" }, { code: "nope" }, "x", null])).toEqual([{ code: "large_print", size: "18" }]);
    expect(readNeeds("not a list")).toEqual([]);
  });

  it.each<[Need[], string | null, string[]]>([
    [[{ code: "bold" }], null, ["bold"]],
    [[{ code: "bold" }], "  ", ["bold"]],
    [[], "A quiet room", ["other"]],
    [[{ code: "welsh" }], "Help", ["welsh", "other"]],
  ])("agreeable codes of %j and other %j", (needs, other, codes) => {
    expect(agreeableCodes(needs, other)).toEqual(codes);
  });

  it.each([
    ["en", [{ code: "bold" }], "en"],
    ["cy", [{ code: "bold" }], "cy"],
    ["en", [{ code: "welsh" }], "cy"],
  ] as const)("writes to a %s page user who chose %j in %s", (lang, needs, expected) => {
    expect(correspondenceLanguage(lang, needs as unknown as Need[])).toBe(expected);
  });
});
