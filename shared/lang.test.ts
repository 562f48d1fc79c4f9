import { describe, expect, it } from "vitest";
import { langFromPath, localePath, stripLang } from "./lang";

describe("langFromPath", () => {
  it.each([
    ["/", "en"],
    ["/contact", "en"],
    ["/cycling", "en"],
    ["/cy", "cy"],
    ["/cy/", "cy"],
    ["/cy/contact", "cy"],
    ["/cy.data", "cy"],
    ["/cy/contact.data", "cy"],
    ["/staff/cy", "en"],
  ] as const)("%s is %s", (path, lang) => expect(langFromPath(path)).toBe(lang));
});

describe("localePath", () => {
  it.each([
    ["/", "cy", "/cy"],
    ["/cy", "en", "/"],
    ["/contact", "cy", "/cy/contact"],
    ["/cy/contact", "en", "/contact"],
    ["/cy/contact", "cy", "/cy/contact"],
    ["/contact?x=1&y=2#top", "cy", "/cy/contact?x=1&y=2#top"],
    ["/cy/staff/cases?queue=6", "en", "/staff/cases?queue=6"],
    ["/?q=1", "cy", "/cy?q=1"],
    ["/cycling", "en", "/cycling"],
  ] as const)("%s in %s is %s", (path, lang, expected) => expect(localePath(path, lang)).toBe(expected));

  it("strips only a whole /cy segment", () => {
    expect(stripLang("/cycle")).toBe("/cycle");
    expect(stripLang("/cy")).toBe("/");
  });
});
