// Email texts for correspondence, read straight from the locale files (server/ never imports app/).
import cy from "../../locales/cy/email-correspondence.json";
import en from "../../locales/en/email-correspondence.json";

export type Lang = "en" | "cy";
const files = { en, cy } as const;

/** The text at a dotted key, with {{placeholders}} filled in; the key itself if missing (a test catches that). */
export function mailText(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = files[lang];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== "string") return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
}
