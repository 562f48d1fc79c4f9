// A customer's active flags, for every staff screen that deals with them (case pages, the
// chat console): reasonable adjustments, restricted contact, no further contact.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import { normaliseEmail } from "./parties.js";

export type ActiveFlag = {
  id: string;
  kind: "reasonable_adjustment" | "restricted_contact" | "no_further_contact";
  /** In the language asked for: adjustment flags have Welsh words too; other flags have one text. */
  summary: string;
  reviewAt: Date | null;
  setAt: Date;
  /** The adjustment request behind a reasonable-adjustment flag (ADJ…), for a link to /staff/adjustments/<ref>. */
  adjustmentReference: string | null;
};

const include = { adjustmentRequest: { select: { reference: true, flagSummaryCy: true } } } as const;

type FlagRow = {
  id: string;
  kind: ActiveFlag["kind"];
  summary: string;
  reviewAt: Date | null;
  setAt: Date;
  adjustmentRequest: { reference: string; flagSummaryCy: string | null } | null;
};

export function toActiveFlag(row: FlagRow, lang: "en" | "cy"): ActiveFlag {
  const summary = lang === "cy" && row.adjustmentRequest?.flagSummaryCy ? row.adjustmentRequest.flagSummaryCy : row.summary;
  return { id: row.id, kind: row.kind, summary, reviewAt: row.reviewAt, setAt: row.setAt, adjustmentReference: row.adjustmentRequest?.reference ?? null };
}

/** Active (not cleared) flags of the customer with this email address, newest first; [] when there is none. */
export async function activeFlagsForEmail(prisma: PrismaClient, email: string | null | undefined, lang: "en" | "cy" = "en"): Promise<ActiveFlag[]> {
  if (!email || !email.trim()) return [];
  const party = await prisma.party.findUnique({
    where: { emailNormalised: normaliseEmail(email) },
    select: { flags: { where: { clearedAt: null }, orderBy: { setAt: "desc" }, include } },
  });
  return (party?.flags ?? []).map((f) => toActiveFlag(f, lang));
}

/** The same for a party already known by id (e.g. a case's customer). */
export async function activeFlagsForParty(prisma: PrismaClient, partyId: string, lang: "en" | "cy" = "en"): Promise<ActiveFlag[]> {
  const flags = await prisma.partyFlag.findMany({ where: { partyId, clearedAt: null }, orderBy: { setAt: "desc" }, include });
  return flags.map((f) => toActiveFlag(f, lang));
}
