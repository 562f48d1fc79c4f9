import { describe, expect, it } from "vitest";
import { escapeFormula, toCsv } from "./csv";

describe("escapeFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+44 20", "'+44 20"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    [null, ""],
    [3, "3"],
  ])("%j → %j", (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and new lines and escapes formulas", () => {
    const csv = toCsv([{ a: 'He said "hi", then\nleft', b: "=cmd|' /C calc'!A0" }], [
      { header: "A", value: (r) => r.a },
      { header: "B", value: (r) => r.b },
    ]);
    expect(csv).toBe('\uFEFFA,B\r\n"He said ""hi"", then\nleft",\'=cmd|\' /C calc\'!A0\r\n');
  });
});
