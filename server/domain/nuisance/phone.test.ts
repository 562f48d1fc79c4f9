import { describe, expect, it } from "vitest";
import { displayNumber, numberStatusOf, parsePhone } from "./phone";

describe("parsePhone: one caller however the number was typed", () => {
  it.each([
    ["07700 900123", "+447700900123"],
    ["07700900123", "+447700900123"],
    ["+44 7700 900123", "+447700900123"],
    ["+44 (0) 7700 900123", "+447700900123"],
    ["0044 7700-900123", "+447700900123"],
    ["44 7700 900123", "+447700900123"],
    ["(020) 7946 0018", "+442079460018"],
    ["020-7946-0018", "+442079460018"],
    ["tel:+442079460018", "+442079460018"],
    ["01632 960001", "+441632960001"],
    ["+1 415 555 2671", "+14155552671"],
    ["00 1 415 555 2671", "+14155552671"],
  ])("%s → %s", (typed, e164) => {
    const parsed = parsePhone(typed);
    expect(parsed).toMatchObject({ e164, unparsed: false, typed: typed.trim() });
  });

  it.each([["12345"], ["call me maybe"], ["0800"], ["07700 9001234567"], ["+44"]])("%s is kept as typed and marked unparsed", (typed) => {
    expect(parsePhone(typed)).toEqual({ typed, e164: null, unparsed: true, premiumRate: false });
  });

  it.each([
    ["0909 879 0000", true],
    ["09098790000", true],
    ["0871 234 5678", true],
    ["0870 123 4567", true],
    ["118 118", true],
    ["118500", true],
    ["0800 123 4567", false],
    ["0845 123 4567", false],
    ["07700 900123", false],
    ["020 7946 0018", false],
  ])("%s premium rate: %s", (typed, premium) => {
    expect(parsePhone(typed).premiumRate).toBe(premium);
  });

  it("an empty number is neither parsed nor unparsed", () => {
    expect(parsePhone("  ")).toEqual({ typed: "", e164: null, unparsed: false, premiumRate: false });
  });
});

describe("numberStatusOf: what phones display instead of a number", () => {
  it.each([
    ["Number withheld", "withheld"],
    ["withheld", "withheld"],
    ["Private number", "withheld"],
    ["No Caller ID", "withheld"],
    ["Unknown", "unknown"],
    ["unavailable", "unknown"],
    ["", "unknown"],
    ["07700 900123", "given"],
  ])("%s → %s", (typed, status) => {
    expect(numberStatusOf(typed)).toBe(status);
  });
});

describe("displayNumber", () => {
  it.each([
    ["+447700900123", "07700 900123"],
    ["+442079460018", "020 7946 0018"],
    ["+44118118", "118118"],
    ["+14155552671", "+1 415 555 2671"],
  ])("%s → %s", (e164, shown) => {
    expect(displayNumber(e164)).toBe(shown);
  });
});
