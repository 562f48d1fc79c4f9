// What the person finds hard, kept only with their consent: reading it (audited, for those
// allowed) and withdrawing consent (the text deleted at once, by the customer's link or by staff).
import type { PrismaClient } from "../../generated/prisma/client.js";
import { canSeeDifficulty, type StaffLike } from "../domain/adjustments/access.js";
import { AdjustmentError, type Deps } from "./deps.js";
import { hashToken, load, nowOf, outbox, record, requireDecider } from "./store.js";

/**
 * The sensitive text, for those allowed to read it; every read is audited. Anyone else
 * gets a 403 (and the refusal is audited too).
 */
export async function readDifficulty(deps: Deps, staff: StaffLike, reference: string): Promise<{ text: string | null; consentAt: Date | null; withdrawnAt: Date | null }> {
  const row = await load(deps.prisma, reference);
  const at = nowOf(deps);
  if (!canSeeDifficulty(staff, row)) {
    await deps.prisma.auditEvent.create({ data: { at, actorId: staff.id, action: "adjustment.difficulty.refused", entityType: "AdjustmentRequest", entityId: row.id, data: { reference } } });
    throw new AdjustmentError("forbidden", 403);
  }
  await deps.prisma.auditEvent.create({ data: { at, actorId: staff.id, action: "adjustment.difficulty.view", entityType: "AdjustmentRequest", entityId: row.id, data: { reference } } });
  return { text: row.difficulty, consentAt: row.difficultyConsentAt, withdrawnAt: row.consentWithdrawnAt };
}

/**
 * Consent to keep what they find hard is withdrawn: the text is deleted at once.
 * By the customer (their link's token) or by staff on their behalf.
 */
export async function withdrawConsent(deps: Deps, by: { token: string } | { staff: StaffLike; reference: string }): Promise<{ reference: string } | null> {
  const at = nowOf(deps);
  return deps.prisma.$transaction(async (tx) => {
    const row =
      "token" in by
        ? await tx.adjustmentRequest.findUnique({ where: { consentTokenHash: hashToken(by.token) } })
        : await load(tx, by.reference);
    if (!row) return null;
    if ("staff" in by) requireDecider(by.staff);
    if (row.status === "removed" || (row.difficulty === null && row.consentWithdrawnAt)) return { reference: row.reference };
    await tx.adjustmentRequest.update({ where: { id: row.id }, data: { difficulty: null, consentWithdrawnAt: at, consentTokenHash: null } });
    await record(tx, row, "staff" in by ? by.staff : null, "consent_withdrawn", at, { by: "staff" in by ? "staff" : "customer" });
    await outbox(tx, row.id, "consent_withdrawn", at, { reference: row.reference, withdrawnAt: at.toISOString() });
    return { reference: row.reference };
  });
}

/** Whether a consent link is still live, for the page that shows it (no change made). */
export async function consentLinkReference(prisma: PrismaClient, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await prisma.adjustmentRequest.findUnique({ where: { consentTokenHash: hashToken(token) }, select: { reference: true } });
  return row?.reference ?? null;
}
