// "Save and come back later": a copy of the journey kept for 30 days behind a single-use
// emailed link. Only the SHA-256 of the link's token is stored, so the database alone cannot
// open a draft; the link email is sent straight away and never queued with the token in it.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma, TransactionClient } from "../db";
import { emit } from "../outbox/emit.js";
import { extendUploads } from "./uploads";

export const DRAFT_RETENTION_MS = 30 * 24 * 3600_000;
export const DRAFT_EVENT_SCHEMA_VERSION = 1;

export type DraftDeps = { prisma: Prisma; now?: () => Date };
export type SavedData = { journeyId: string; answers: Record<string, unknown>; report: Record<string, unknown> };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** Tokens are 32 random bytes, base64url: 43 characters. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

async function draftEvent(tx: TransactionClient, eventType: "concern_draft.saved" | "concern_draft.resumed" | "concern_draft.deleted", id: string, at: Date, payload: Record<string, unknown>) {
  // Identifiers and dates only: the answers stay here.
  await emit(tx, { type: eventType, aggregateId: id, at, data: { id, ...payload } });
}

/** Deletes a journey's saved copies (a newer save replaces them; sending the report ends them). */
export async function deleteSavedDrafts(tx: TransactionClient, journeyId: string, at: Date, reason: "replaced" | "submitted" | "expired" | "send_failed") {
  const rows = await tx.concernDraft.findMany({ where: { journeyId }, select: { id: true } });
  if (rows.length === 0) return 0;
  await tx.concernDraft.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  for (const row of rows) await draftEvent(tx, "concern_draft.deleted", row.id, at, { journeyId, reason });
  // A report sent needs no "come back and report" reminder (server/reminders/concern-reminders.ts).
  if (reason === "submitted") await tx.reminder.updateMany({ where: { journeyId, sentAt: null, stoppedAt: null }, data: { stoppedAt: at } });
  return rows.length;
}

/** Saves the journey and returns the token for the link (the only time it exists in clear). */
export async function saveDraft(deps: DraftDeps, input: { data: SavedData; language: "en" | "cy"; keepUntil?: Date }): Promise<{ id: string; token: string; expiresAt: Date }> {
  const now = (deps.now ?? (() => new Date()))();
  const token = randomBytes(32).toString("base64url");
  // 30 days, or longer when a reminder will link back to it after then (keepUntil).
  const expiresAt = new Date(Math.max(now.getTime() + DRAFT_RETENTION_MS, input.keepUntil?.getTime() ?? 0));
  const id = await deps.prisma.$transaction(async (tx) => {
    await deleteSavedDrafts(tx, input.data.journeyId, now, "replaced");
    const row = await tx.concernDraft.create({
      data: { tokenHash: hashToken(token), journeyId: input.data.journeyId, language: input.language, data: input.data as object, createdAt: now, expiresAt },
      select: { id: true },
    });
    await extendUploads(tx, input.data.journeyId, expiresAt);
    await draftEvent(tx, "concern_draft.saved", row.id, now, { journeyId: input.data.journeyId, language: input.language, expiresAt: expiresAt.toISOString() });
    return row.id;
  });
  return { id, token, expiresAt };
}

/** Removes a saved copy whose link email could not be sent. */
export async function forgetDraft(deps: DraftDeps, id: string) {
  const now = (deps.now ?? (() => new Date()))();
  await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.concernDraft.deleteMany({ where: { id } });
    if (count > 0) await draftEvent(tx, "concern_draft.deleted", id, now, { reason: "send_failed" });
  });
}

/** Whether a link still works (for the page that asks "continue?"; does not use it up). */
export async function findDraft(deps: DraftDeps, token: string): Promise<{ id: string; language: "en" | "cy"; expiresAt: Date } | null> {
  if (!isTokenShaped(token)) return null;
  const now = (deps.now ?? (() => new Date()))();
  const row = await deps.prisma.concernDraft.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, language: true, expiresAt: true } });
  return row && row.expiresAt > now ? row : null;
}

/** Uses a link: returns the saved journey and deletes the copy, so the link works once. */
export async function resumeDraft(deps: DraftDeps, token: string): Promise<SavedData | null> {
  if (!isTokenShaped(token)) return null;
  const now = (deps.now ?? (() => new Date()))();
  return deps.prisma.$transaction(async (tx) => {
    const row = await tx.concernDraft.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!row || row.expiresAt <= now) return null;
    // Deleting by id and checking the count makes two uses at once give one winner.
    const { count } = await tx.concernDraft.deleteMany({ where: { id: row.id } });
    if (count === 0) return null;
    await draftEvent(tx, "concern_draft.resumed", row.id, now, { journeyId: row.journeyId });
    return row.data as SavedData;
  });
}

/** Deletes saved copies older than 30 days. */
export async function purgeExpiredDrafts(deps: DraftDeps): Promise<number> {
  const now = (deps.now ?? (() => new Date()))();
  const rows = await deps.prisma.concernDraft.findMany({ where: { expiresAt: { lte: now } }, select: { id: true, journeyId: true }, take: 500 });
  for (const row of rows) {
    await deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.concernDraft.deleteMany({ where: { id: row.id } });
      if (count > 0) await draftEvent(tx, "concern_draft.deleted", row.id, now, { journeyId: row.journeyId, reason: "expired" });
    });
  }
  return rows.length;
}
