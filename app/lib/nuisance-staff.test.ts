import { describe, expect, it } from "vitest";
import { defuse, readFilter } from "./nuisance-staff.server";

describe("defuse: spreadsheet formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+447700900123", "'+447700900123"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["Acme Solar", "Acme Solar"],
    [12, "12"],
    [null, ""],
  ])("%j → %j", (value, cell) => {
    expect(defuse(value)).toBe(cell);
  });
});

describe("readFilter", () => {
  it("falls back to defaults for anything unknown", () => {
    const f = readFilter(new URL("http://x/staff/offenders?dimension=DROP%20TABLE&sort=evil&dir=up&page=-3&kind=pigeon&min90=abc"));
    expect(f).toMatchObject({ dimension: "number", sort: "d30", dir: "desc", page: 1, kind: "", min90: 0 });
  });
  it("keeps good values", () => {
    const f = readFilter(new URL("http://x/staff/offenders?dimension=company&sort=total&dir=asc&page=2&kind=text&topic=pensions&q=acme&min90=3"));
    expect(f).toMatchObject({ dimension: "company", sort: "total", dir: "asc", page: 2, kind: "text", topic: "pensions", q: "acme", min90: 3 });
  });
});
