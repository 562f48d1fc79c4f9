// The pieces every adjustment transaction is made of: load a request and check it may change,
// write its timeline event and audit row, its outbox event and any email. Only the use-case
// modules beside this one import it; routes call those (through index.ts).
import { createHash } from "node:crypto";
import type { Prisma as PrismaNamespace, PrismaClient } from "../../generated/prisma/client.js";
import { canDecideRequests, type StaffLike } from "../domain/adjustments/access.js";
import { readNeeds } from "../domain/adjustments/needs.js";
import type { AdjustmentEventKind } from "../outbox/catalogue.js";
import { emit } from "../outbox/emit.js";
import { AdjustmentError, type Deps, type OutgoingEmail, type RequestForTexts } from "./deps.js";

export type Tx = PrismaNamespace.TransactionClient;

export const nowOf = (deps: Deps) => (deps.now ?? (() => new Date()))();
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type RequestRow = NonNullable<Awaited<ReturnType<PrismaClient["adjustmentRequest"]["findUnique"]>>>;

export function textsView(row: RequestRow): RequestForTexts {
  return {
    reference: row.reference,
    language: row.language,
    correspondenceLanguage: row.correspondenceLanguage,
    name: row.name ?? "",
    email: row.email,
    needs: readNeeds(row.needs),
    otherNeed: row.otherNeed,
    duration: row.duration ?? "ongoing",
    receivedAt: row.receivedAt,
    decisionDueAt: row.decisionDueAt,
    hasDifficulty: row.difficulty !== null,
    replyBy: row.replyBy ?? "email",
  };
}

/** Everything the outbox carries about a request: never the sensitive text. */
export function publicPayload(row: RequestRow) {
  return {
    reference: row.reference,
    status: row.status,
    language: row.language,
    correspondenceLanguage: row.correspondenceLanguage,
    needs: readNeeds(row.needs),
    otherNeed: row.otherNeed,
    duration: row.duration,
    caseId: row.caseId,
    customer: { name: row.name, email: row.email, phone: row.phone, postalAddress: row.postalAddress, partyId: row.partyId },
    replyBy: row.replyBy,
    receivedAt: row.receivedAt.toISOString(),
    decisionDueAt: row.decisionDueAt.toISOString(),
  };
}

export async function outbox(tx: Tx, id: string, event: AdjustmentEventKind, at: Date, payload: Record<string, unknown>) {
  await emit(tx, { type: `adjustment_request.${event}`, aggregateId: id, at, data: payload });
}

export async function queueEmail(tx: Tx, requestId: string, email: OutgoingEmail, at: Date) {
  // caseId stays empty: the outcome of an adjustment request is sent apart from any case.
  const row = await tx.emailMessage.create({ data: { ...email, html: email.html ?? null, caseId: null, createdAt: at, nextAttemptAt: at } });
  await tx.adjustmentEmail.create({ data: { emailMessageId: row.id, requestId, kind: email.kind } });
}

export async function load(tx: Tx | PrismaClient, reference: string) {
  const row = await tx.adjustmentRequest.findUnique({ where: { reference }, include: { conferences: { orderBy: { openedAt: "asc" } } } });
  if (!row) throw new AdjustmentError("not_found", 404);
  return row;
}

export function requireLive(row: RequestRow) {
  if (row.status === "removed") throw new AdjustmentError("removed", 409);
}

export function requireDecider(staff: StaffLike) {
  if (!canDecideRequests(staff)) throw new AdjustmentError("forbidden", 403);
}

export async function record(tx: Tx, row: { id: string; reference: string }, staff: StaffLike | null, kind: string, at: Date, data: Record<string, unknown> = {}) {
  await tx.adjustmentEvent.create({ data: { requestId: row.id, kind, at, actorId: staff?.id ?? null, data: data as object } });
  await tx.auditEvent.create({
    data: { at, actorId: staff?.id ?? null, action: `adjustment.${kind}`, entityType: "AdjustmentRequest", entityId: row.id, data: { reference: row.reference, ...data } as object },
  });
}
