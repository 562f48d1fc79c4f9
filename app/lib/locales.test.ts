// Every namespace has the same keys in English and Welsh (Welsh adds its plural forms), all six
// Welsh plural forms wherever English has plurals, and every placeholder in the Welsh text.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const NAMESPACES = readdirSync("locales/en").filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lang: string, ns: string) => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, "utf8")) as Record<string, unknown>;
const get = (obj: Record<string, unknown>, path: string) => path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);

it("has the same namespaces in both languages", () => {
  expect(readdirSync("locales/cy").filter((f) => f.endsWith(".json")).sort()).toEqual(readdirSync("locales/en").filter((f) => f.endsWith(".json")).sort());
});

describe.each(NAMESPACES)("locales/*/%s.json", (ns) => {
  const enObj = load("en", ns);
  const cyObj = load("cy", ns);
  const en = keys(enObj);
  const cy = keys(cyObj);
  it("has the same keys in both languages", () => {
    const base = (list: string[]) => [...new Set(list.map((k) => k.replace(PLURAL, "")))].sort();
    expect(base(cy)).toEqual(base(en));
  });
  it("has all six Welsh plural forms wherever English has plurals", () => {
    for (const key of en.filter((k) => k.endsWith("_one"))) {
      const stem = key.replace(/_one$/, "");
      for (const form of ["zero", "one", "two", "few", "many", "other"]) expect(cy).toContain(`${stem}_${form}`);
    }
  });
  it("keeps every placeholder in the Welsh text", () => {
    for (const key of en.filter((k) => !PLURAL.test(k))) {
      const placeholders = (String(get(enObj, key)).match(/\{\{\w+\}\}/g) ?? []).sort();
      expect((String(get(cyObj, key)).match(/\{\{\w+\}\}/g) ?? []).sort(), `${ns}:${key}`).toEqual(placeholders);
    }
  });
  it("keeps [Ref. …] in English in the Welsh email subjects that quote a case reference", () => {
    for (const key of en.filter((k) => k.endsWith("subject") && String(get(enObj, k)).includes("[Ref. {{reference}}]"))) {
      expect(String(get(cyObj, key)), `${ns}:${key}`).toContain("[Ref. {{reference}}]");
    }
  });
});
