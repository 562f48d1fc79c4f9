// Multipart posts (concern files, tracking-page files) read their fields before any file is
// stored; isGenuinePublicForm is what they accept them by: our page's token and an empty honeypot.
import { describe, expect, it } from "vitest";
import { csrfTokenFor } from "../../server/http/csrf";
import { isGenuinePublicForm } from "./forms.server";

const token = csrfTokenFor("a-secret-of-some-length-for-tests", "cookie-value");
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("isGenuinePublicForm", () => {
  it.each([
    ["our token, no honeypot field", { csrf: token }, true],
    ["our token, empty honeypot", { csrf: token, website: "" }, true],
    ["our token, honeypot filled by a script", { csrf: token, website: "http://spam.example" }, false],
    ["another token", { csrf: `${token}x`, website: "" }, false],
    ["no token", { website: "" }, false],
  ])("%s → %s", (_, fields, expected) => {
    expect(isGenuinePublicForm(token, form(fields))).toBe(expected);
  });
});
