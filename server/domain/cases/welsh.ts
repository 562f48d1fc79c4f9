import { z } from "zod";
import { CASE_TYPE_DESCRIPTIONS_EN, type CaseType } from "./case-types.js";

export const CASE_LANGUAGES = ["en", "cy"] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];
export const CaseLanguageSchema = z.enum(CASE_LANGUAGES);

/**
 * The marker the back office counts Welsh cases by. It stays in English
 * whatever the interface language, so one search finds them all.
 */
export const WELSH_LANGUAGE_MARKER = "Welsh language";

const SEPARATOR = " – ";

const MARKER_RE = /\bwelsh language\b/i;

/** True when a title already carries the marker as words (any case; not "Welsh languages"). */
export function hasWelshMarker(title: string): boolean {
  return MARKER_RE.test(title);
}

// A subject that itself starts with the marker ("Welsh language: Acme").
const LEADING_MARKER_RE = /^welsh language(?:\s*[-–—:,|]\s*|\s*$)/i;

/**
 * "Welsh language – Data protection concern – Acme Ltd". The type part is the
 * English description because titles are for staff and reports; the subject
 * is tidied (spaces collapsed) and left out when empty. The marker is added
 * only for Welsh cases and never twice: a subject that starts with it loses
 * that copy (so the marker still leads the title), and a subject with it
 * elsewhere is left alone and no prefix is added.
 */
export function caseTitle({
  type,
  language,
  subject,
}: {
  type: CaseType;
  language: CaseLanguage;
  subject?: string | null | undefined;
}): string {
  let cleanSubject = (subject ?? "").replace(/\s+/g, " ").trim();
  const parts: string[] = [];
  if (language === "cy") {
    cleanSubject = cleanSubject.replace(LEADING_MARKER_RE, "");
    if (!hasWelshMarker(cleanSubject)) parts.push(WELSH_LANGUAGE_MARKER);
  }
  parts.push(CASE_TYPE_DESCRIPTIONS_EN[type]);
  if (cleanSubject) parts.push(cleanSubject);
  return parts.join(SEPARATOR);
}
