import { z } from "zod";
import type { CaseType } from "./case-types.js";

/**
 * Sectors of the organisation a concern is about. Only these drive queue
 * assignment; finer detail belongs in case attributes, not here.
 */
export const SECTORS = [
  "telecoms",
  "direct_marketing",
  "lenders_credit_reference",
  "general_business",
  "motor",
  "central_government",
  "finance",
  "police_criminal_justice",
  "ministry_of_justice_home_office",
  "london_borough",
  "education",
  "leisure",
  "environment",
  "charity",
  "regulator",
  "bbc",
  "transport",
  "health",
  "local_government",
  "other",
] as const;

export type Sector = (typeof SECTORS)[number];
export const SectorSchema = z.enum(SECTORS);

/** Where a case came in. Only advice requests (ENQ) are routed by channel. */
export const CHANNELS = [
  "web_form",
  "chat",
  "nuisance_tool",
  "adjustments",
  "staff",
  "email",
  "phone",
  // Staff intake of a posted letter (server/correspondence/intake.ts).
  "letter",
] as const;

export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = z.enum(CHANNELS);

/**
 * Numbered queues 1–18 come from the source procedure. Queue 5 ("all cases for
 * queues 6, 7 and 8") is a pooling queue there; it is defined so existing data
 * can name it, but the router never sends anything to it.
 */
export const WORK_QUEUE_IDS = [
  "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18",
  "enforcement",
  "investigations",
  "information-access",
  "customer-contact",
  "records",
] as const;

export type WorkQueueId = (typeof WORK_QUEUE_IDS)[number];
export const WorkQueueIdSchema = z.enum(WORK_QUEUE_IDS);

export const WORK_QUEUE_LABELS_EN: Record<WorkQueueId, string> = {
  "1": "Advice: written advice (web form)",
  "2": "Advice: written advice (chat)",
  "3": "Self-reported incidents",
  "4": "Advice: written advice (other channels)",
  "5": "Data protection: pool for queues 6, 7 and 8",
  "6": "PECR; data protection: telecoms, direct marketing",
  "7": "Data protection: lenders and credit reference agencies",
  "8": "Data protection: general business (including motor)",
  "9": "Data protection: central government and finance (not lenders)",
  "10": "Data protection: police, criminal justice, MoJ, Home Office",
  "11": "Data protection: London boroughs, education, leisure, environment, charities",
  "12": "Data protection: regulators, BBC, transport, health",
  "13": "Data protection: local government",
  "14": "FOI: central government",
  "15": "FOI: police and criminal justice, MoJ, Home Office",
  "16": "FOI: London boroughs, education, leisure, environment, charities",
  "17": "FOI: regulators, BBC, transport, health",
  "18": "FOI: local government",
  enforcement: "Enforcement",
  investigations: "Criminal investigations",
  "information-access": "Requests for our own information",
  "customer-contact": "Complaints about our service",
  records: "Correspondence kept for the record",
};

export interface WorkQueue {
  readonly id: WorkQueueId;
  /** i18n key; the English text is in WORK_QUEUE_LABELS_EN. */
  readonly labelKey: string;
}

export const WORK_QUEUES: readonly WorkQueue[] = WORK_QUEUE_IDS.map((id) => ({
  id,
  labelKey: `workQueues.${id}`,
}));

// Data protection (RFA) sector teams, queues 6–13.
const DATA_PROTECTION_QUEUE: Record<Sector, WorkQueueId> = {
  telecoms: "6",
  direct_marketing: "6",
  lenders_credit_reference: "7",
  general_business: "8",
  motor: "8",
  central_government: "9",
  finance: "9",
  police_criminal_justice: "10",
  ministry_of_justice_home_office: "10",
  london_borough: "11",
  education: "11",
  leisure: "11",
  environment: "11",
  charity: "11",
  regulator: "12",
  bbc: "12",
  transport: "12",
  health: "12",
  local_government: "13",
  other: "8",
};

// FOI/EIR (FS50, FER) sector teams, queues 14–18. Sectors that are not public
// authorities (telecoms, direct marketing, lenders, general business, motor)
// and "other" go to 14, central government: the same default as "unknown", so
// whoever closes them as "Not PA" is one team. Finance goes to 14 because the
// public bodies in it (Treasury, its agencies) are central government.
const FOI_QUEUE: Record<Sector, WorkQueueId> = {
  telecoms: "14",
  direct_marketing: "14",
  lenders_credit_reference: "14",
  general_business: "14",
  motor: "14",
  central_government: "14",
  finance: "14",
  police_criminal_justice: "15",
  ministry_of_justice_home_office: "15",
  london_borough: "16",
  education: "16",
  leisure: "16",
  environment: "16",
  charity: "16",
  regulator: "17",
  bbc: "17",
  transport: "17",
  health: "17",
  local_government: "18",
  other: "14",
};

export interface RouteInput {
  readonly type: CaseType;
  /** Missing or unknown sector is treated as "other". */
  readonly sector?: Sector | null | undefined;
  /** Only read for ENQ. */
  readonly channel?: Channel | null | undefined;
}

/**
 * The first queue a new case goes to. Pure: staff can still move a case
 * (a case sent to the wrong team must be redirected in good time).
 */
export function routeToWorkQueue({ type, sector, channel }: RouteInput): WorkQueueId {
  const s: Sector = sector && (SECTORS as readonly string[]).includes(sector) ? sector : "other";
  switch (type) {
    case "ENQ":
      // The procedure has three advice queues but does not say how work is
      // split between them; we split by channel so each has one inbox style:
      // web form → 1, chat → 2, everything else (email, phone, staff…) → 4.
      if (channel === "web_form") return "1";
      if (channel === "chat") return "2";
      return "4";
    case "COM":
      return "3";
    case "ELE":
      return "6";
    case "SEC":
      // A credit-file notice of correction is always about a credit
      // reference agency, whatever sector the form said.
      return "7";
    case "RFA":
      return DATA_PROTECTION_QUEUE[s];
    case "FS50":
    case "FER":
      return FOI_QUEUE[s];
    case "ENF":
      return "enforcement";
    case "PCB":
      return "investigations";
    case "IRQ":
      return "information-access";
    case "RCC":
      return "customer-contact";
    case "INF":
      return "records";
  }
}
