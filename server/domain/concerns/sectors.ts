// The organisation types offered for a concern: only those that fit the request (an FOI or EIR
// request goes to a public authority, so no marketing companies or car dealers), in groups.
import { SECTORS, type Sector } from "../cases/work-queues.js";
import type { Topic } from "./answers.js";

export type SectorGroup = { id: "public_national" | "public_local" | "public_services" | "business" | "voluntary" | "other"; sectors: readonly Sector[] };

export const SECTOR_GROUPS: readonly SectorGroup[] = [
  { id: "public_local", sectors: ["local_government", "london_borough"] },
  { id: "public_services", sectors: ["health", "education", "police_criminal_justice", "transport", "environment", "leisure"] },
  { id: "public_national", sectors: ["central_government", "ministry_of_justice_home_office", "regulator", "bbc"] },
  { id: "business", sectors: ["general_business", "finance", "lenders_credit_reference", "telecoms", "direct_marketing", "motor"] },
  { id: "voluntary", sectors: ["charity"] },
  { id: "other", sectors: ["other"] },
];

const PUBLIC = new Set<SectorGroup["id"]>(["public_local", "public_services", "public_national", "other"]);

/** The groups of organisation types that fit the concern's topic. */
export function sectorGroupsFor(topic: Topic | undefined): SectorGroup[] {
  const publicOnly = topic === "foi" || topic === "eir";
  return SECTOR_GROUPS.filter((g) => !publicOnly || PUBLIC.has(g.id));
}

export function sectorFits(topic: Topic | undefined, value: unknown): value is Sector {
  return typeof value === "string" && sectorGroupsFor(topic).some((g) => (g.sectors as readonly string[]).includes(value));
}

/** Every sector is in exactly one group (checked by the test). */
export const GROUPED_SECTORS: readonly Sector[] = SECTOR_GROUPS.flatMap((g) => g.sectors);
export const ALL_SECTORS = SECTORS;
