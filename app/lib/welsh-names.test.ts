// Welsh: a name put into a sentence must not follow a word that mutates the next one
// ("gofyn i {{organisation}}" reads "gofyn i Cwmni…", which is wrong, and mutating the name
// changes it). See locales/cy/GLOSSARY.md, "Names after a mutating word".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The public journeys' namespaces (others' namespaces join as their owners reword them).
const NAMESPACES = ["concerns", "email-concerns", "letters-concerns", "adjustments", "email-adjustments", "nuisance", "email-nuisance", "contact", "email"];
const NAMES = ["organisation", "company", "name", "place", "authority", "sender"];
const MUTATING = ["i", "at", "â", "ag", "am", "ar", "gan", "o", "dan", "heb", "wrth", "drwy", "dros", "gyda", "tua", "a", "â’r", "i’r"];
const PATTERN = new RegExp(`(?:^|[\\s(])(${MUTATING.join("|")})\\s+\\{\\{(${NAMES.join("|")})\\}\\}`, "iu");

function strings(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

export function namesAfterMutatingWords(texts: [string, string][]) {
  return texts.filter(([, text]) => PATTERN.test(text)).map(([key, text]) => `${key}: ${text}`);
}

describe("Welsh names after mutating words", () => {
  it("finds the pattern it is meant to find", () => {
    expect(namesAfterMutatingWords([["a", "Gofynnwch i {{organisation}} am adolygiad"], ["b", "Gofynnwch i’r sefydliad, {{organisation}}, am adolygiad"], ["c", "cyswllt â {{organisation}}"], ["d", "anfon at {{email}}"]])).toEqual([
      "a: Gofynnwch i {{organisation}} am adolygiad",
      "c: cyswllt â {{organisation}}",
    ]);
  });

  it.each(NAMESPACES.filter((ns) => { try { readFileSync(`locales/cy/${ns}.json`); return true; } catch { return false; } }))("locales/cy/%s.json puts no name straight after one", (ns) => {
    const texts = strings(JSON.parse(readFileSync(`locales/cy/${ns}.json`, "utf8")));
    expect(namesAfterMutatingWords(texts)).toEqual([]);
  });
});
