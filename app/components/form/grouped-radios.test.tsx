// Grouped radios and the one threshold between radios and a select (see grouped-radios.tsx).
import { describe, expect, it } from "vitest";
import { attr, html, ids } from "./test-html";
import { ChooseOne, GroupedRadios, RADIOS_AT_MOST } from "./index";


const groups = [
  { label: "Councils", options: [{ value: "council", label: "Council" }] },
  { label: "Public services", options: [{ value: "health", label: "Health", hint: "NHS" }, { value: "police", label: "Police" }] },
];
/** `n` choices in groups of four. */
const choices = (n: number) =>
  Array.from({ length: Math.ceil(n / 4) }, (_, g) => ({ label: `Group ${g + 1}`, options: Array.from({ length: Math.min(4, n - g * 4) }, (_, i) => ({ value: `v${g * 4 + i}`, label: `Choice ${g * 4 + i}` })) }));

describe("GroupedRadios", () => {
  it("one question fieldset, a fieldset and legend per group, ids running on across groups, one name", () => {
    const markup = html(<GroupedRadios name="sector" legend="What kind?" hint="H" error="Pick one" groups={groups} value="police" isPageHeading />);
    expect(ids(markup)).toEqual(["sector-hint", "sector-error", "sector", "sector-2", "sector-2-item-hint", "sector-3"]);
    expect(markup).toMatch(/^<div class="govuk-form-group govuk-form-group--error"><fieldset class="govuk-fieldset" aria-describedby="sector-hint sector-error"><legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">What kind\?/);
    expect([...markup.matchAll(/<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">([^<]+)<\/legend>/g)].map((m) => m[1])).toEqual(["Councils", "Public services"]);
    expect([...markup.matchAll(/ name="([^"]+)"/g)].map((m) => m[1])).toEqual(["sector", "sector", "sector"]);
    expect(attr(markup, "sector-3", "checked")).toBe("");
    expect(attr(markup, "sector", "checked")).toBeUndefined();
    // Each radio is labelled by its own label.
    expect(markup).toContain('<label class="govuk-label govuk-radios__label" for="sector-2">Health</label>');
  });
});

describe("ChooseOne: radios up to RADIOS_AT_MOST choices, a select beyond", () => {
  it.each([
    [13, "radios"],
    [RADIOS_AT_MOST, "radios"],
    [RADIOS_AT_MOST + 1, "select"],
    [20, "select"],
  ])("%i grouped choices → %s", (n, kind) => {
    const markup = html(<ChooseOne name="sector" question="What kind?" placeholder="Choose" groups={choices(n)} value="v1" />);
    expect(markup.includes("<select")).toBe(kind === "select");
    expect((markup.match(/type="radio"/g) ?? []).length).toBe(kind === "radios" ? n : 0);
    // Either way the error summary's link target is the field's name, and the answer is shown.
    expect(ids(markup)).toContain("sector");
    if (kind === "select") {
      expect(markup).toContain('<optgroup label="Group 1">');
      expect(markup).toMatch(/<option value="v1" selected="">/);
    } else expect(attr(markup, "sector-2", "checked")).toBe("");
  });

  it("a plain list of few choices is plain radios (no group legends)", () => {
    const markup = html(<ChooseOne name="country" question="Where?" placeholder="Choose" options={[{ value: "FR", label: "France" }, { value: "DE", label: "Germany" }]} />);
    expect(ids(markup)).toEqual(["country", "country-2"]);
    expect(markup).not.toContain("govuk-fieldset__legend--s");
  });
});
