import { z } from "zod";

/**
 * The twelve case types of the back office (DESIGN §5). The order is the
 * order staff see them in pick lists; the codes are stable and appear in
 * references, so never rename one.
 */
export const CASE_TYPES = [
  "ENQ",
  "RFA",
  "FS50",
  "FER",
  "ELE",
  "COM",
  "SEC",
  "ENF",
  "PCB",
  "IRQ",
  "RCC",
  "INF",
] as const;

export type CaseType = (typeof CASE_TYPES)[number];

export const CaseTypeSchema = z.enum(CASE_TYPES);

export function isCaseType(value: unknown): value is CaseType {
  return typeof value === "string" && (CASE_TYPES as readonly string[]).includes(value);
}

/** English descriptions from DESIGN §5, for the lead to copy into locale files. */
export const CASE_TYPE_DESCRIPTIONS_EN: Record<CaseType, string> = {
  ENQ: "Advice request",
  RFA: "Data protection concern",
  FS50: "FOI concern",
  FER: "EIR concern",
  ELE: "Marketing (PECR) concern",
  COM: "Self-reported incident",
  SEC: "CCA s159",
  ENF: "Enforcement",
  PCB: "Potential criminal breach",
  IRQ: "Request for the regulator's own information",
  RCC: "Complaint about our service",
  INF: "Correspondence kept for the record",
};

export interface CaseTypeInfo {
  /** i18n key; the text lives in the locale files, not here. */
  readonly descriptionKey: string;
}

// Built from CASE_TYPES so a new type cannot be added without a key.
export const caseTypeInfo: Record<CaseType, CaseTypeInfo> = Object.fromEntries(
  CASE_TYPES.map((type) => [type, { descriptionKey: `caseTypes.${type}` }]),
) as Record<CaseType, CaseTypeInfo>;
