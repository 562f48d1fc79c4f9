// The chat namespaces have the same keys in English and Welsh (Welsh adds its plural forms).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const NAMESPACES = ["chat", "widget", "staff-chat"];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lang: string, ns: string) => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, "utf8")) as Record<string, unknown>;

describe.each(NAMESPACES)("locales/*/%s.json", (ns) => {
  const en = keys(load("en", ns));
  const cy = keys(load("cy", ns));
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
    const en = load("en", ns);
    const cy = load("cy", ns);
    const get = (obj: Record<string, unknown>, path: string) => path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
    for (const key of keys(en).filter((k) => !PLURAL.test(k))) {
      const placeholders = (String(get(en, key)).match(/\{\{\w+\}\}/g) ?? []).sort();
      expect((String(get(cy, key)).match(/\{\{\w+\}\}/g) ?? []).sort(), key).toEqual(placeholders);
    }
  });
});
