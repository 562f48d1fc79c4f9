import { describe, expect, it } from "vitest";
import { contactKeys, type DraftContact } from "./contact";
import { summaryRows, windowCutoffs } from "./summary";

const NOW = new Date("2026-12-02T10:00:00Z");
const contact = (over: Partial<DraftContact>): DraftContact => ({
  id: "x", kind: "live_call", date: "2026-12-01", time: "10:00", fromStatus: "given", from: "07700 900123", to: "", company: "", topic: "pensions", message: "", subject: "", description: "", ...over,
});
const rows = (contacts: DraftContact[], tps = false) => summaryRows(contacts.map((c) => ({ keys: contactKeys(c), kind: c.kind, topic: c.topic, company: c.company || null, tps })), NOW);

describe("summaryRows: grouping a report's contacts into offenders", () => {
  it("counts one caller once however the number was typed, with windows by London day", () => {
    const out = rows([
      contact({ from: "07700 900123", date: "2026-12-02", time: "09:00" }),
      contact({ from: "+44 7700 900123", date: "2026-11-26" }),
      contact({ from: "0044 7700-900123", date: "2026-11-25" }),
      contact({ from: "(07700) 900 123", date: "2026-10-01", kind: "recorded_call", topic: "debt" }),
      contact({ from: "07700900123", date: "2026-08-01" }),
    ], true);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ dimension: "number", key: "+447700900123", total: 5, d7: 2, d30: 3, d90: 4, tpsCount: 5, kinds: 0b11 });
    expect(out[0]!.topics[4]).toBe(4); // pensions
    expect(out[0]!.topics[3]).toBe(1); // debt
    expect(out[0]!.firstSeen).toEqual(new Date("2026-08-01T09:00:00Z"));
  });

  it.each([
    [[contact({ fromStatus: "withheld", from: "" })], []],
    [[contact({ from: "12345" })], []],
    [[contact({ company: "Acme Ltd" }), contact({ from: "020 7946 0018", company: "ACME LIMITED" })], [["company", "acme", 2], ["number", "+442079460018", 1], ["number", "+447700900123", 1]]],
    [[contact({ kind: "email", from: "A <a@spam.example>" }), contact({ kind: "email", from: "b@spam.example" })], [["domain", "spam.example", 2], ["sender", "a@spam.example", 1], ["sender", "b@spam.example", 1]]],
  ] as const)("%#: identities in a fixed order", (contacts, expected) => {
    expect(rows([...contacts]).map((r) => [r.dimension, r.key, r.total])).toEqual(expected);
  });

  it("keeps the first spelling of a company as its label", () => {
    expect(rows([contact({ company: "Acme Solar Ltd" }), contact({ company: "ACME SOLAR LIMITED" })]).find((r) => r.dimension === "company")!.label).toBe("Acme Solar Ltd");
  });

  it("windows start at London midnight", () => {
    expect(windowCutoffs(new Date("2026-07-10T12:00:00Z"))).toMatchObject({ today: "2026-07-10", d7: new Date("2026-07-03T23:00:00Z") });
  });
});
