import { describe, expect, it } from "vitest";
import cy from "../../../locales/cy/concerns.json";
import en from "../../../locales/en/concerns.json";
import { CONTACT_KINDS } from "../nuisance/kinds.js";
import { MARKETING_CHANNELS } from "./answers.js";
import { authorityFor, EEA_AUTHORITIES, EEA_COUNTRIES, HELPERS, isEeaCountry, marketingHelpers, REMIT_REVIEWED_ON } from "./remit.js";

describe("the EEA authorities list", () => {
  it("has the 30 EEA countries other than the UK, each once, with an https website", () => {
    expect(EEA_COUNTRIES).toHaveLength(30);
    expect(new Set(EEA_COUNTRIES).size).toBe(30);
    expect(EEA_COUNTRIES).not.toContain("GB");
    for (const a of EEA_AUTHORITIES) expect(a.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}/);
  });
  it.each(EEA_COUNTRIES.map((c) => [c]))("%s has a name in English and Welsh", (code) => {
    expect((en.countries as Record<string, string>)[code]).toBeTruthy();
    expect((cy.countries as Record<string, string>)[code]).toBeTruthy();
  });
  it("finds Germany's federal authority and refuses what is not in the EEA", () => {
    expect(authorityFor("DE")?.url).toBe("https://www.bfdi.bund.de");
    expect(isEeaCountry("DE")).toBe(true);
    expect(isEeaCountry("GB")).toBe(false);
    expect(isEeaCountry("CH")).toBe(false);
    expect(authorityFor("US")).toBeNull();
  });
  it("records when it was last checked", () => {
    expect(REMIT_REVIEWED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("who can help", () => {
  it.each(HELPERS.map((h) => [h.id]))("%s has a name and a description in both languages", (id) => {
    for (const lang of [en, cy]) {
      const text = (lang.helpers as Record<string, { name: string; what: string } | string>)[id] as { name: string; what: string };
      expect(text.name).toBeTruthy();
      expect(text.what).toBeTruthy();
    }
  });
  it("points marketing to the right helpers by channel", () => {
    expect(marketingHelpers("text", false)).toEqual(["spam_texts"]);
    expect(marketingHelpers("text", true)).toEqual(["phone_paid_services", "spam_texts"]);
    expect(marketingHelpers("live_call", false)).toEqual(["tps", "ofcom"]);
    expect(marketingHelpers("recorded_call", true)).toEqual(["phone_paid_services", "tps", "ofcom"]);
    expect(marketingHelpers("fax", false)).toEqual(["tps"]);
    expect(marketingHelpers("email", false)).toEqual(["ncsc_phishing"]);
  });
  it("names marketing channels as the nuisance tool names its kinds, so /report-nuisance?kind= starts on the same one", () => {
    expect([...MARKETING_CHANNELS].sort()).toEqual([...CONTACT_KINDS].sort());
  });
  it("includes the bodies the design names", () => {
    expect(HELPERS.map((h) => h.id)).toEqual(expect.arrayContaining(["phone_paid_services", "ofcom", "action_fraud", "ncsc_phishing", "spam_texts"]));
  });
});
