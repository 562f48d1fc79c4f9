// A request from the public form: one transaction makes the request (its reference from the
// counter), finds or creates the customer's party, and writes its timeline, audit row, outbox
// event and acknowledgement. The idempotency key makes a second post of the same form a no-op.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { decisionDueAt } from "../domain/adjustments/clocks.js";
import { correspondenceLanguage, type Need } from "../domain/adjustments/needs.js";
import { formatAdjustmentReference } from "../domain/adjustments/reference.js";
import { isUniqueViolation } from "../domain/cases/create-case.js";
import { parseReference } from "../domain/cases/reference.js";
import { findOrCreatePerson } from "../domain/parties/parties.js";
import type { Deps, Lang } from "./deps.js";
import { hashToken, nowOf, outbox, publicPayload, queueEmail, textsView, type Tx } from "./store.js";

export type SubmitInput = {
  language: Lang;
  needs: Need[];
  otherNeed: string | null;
  duration: "one_off" | "ongoing";
  caseReference: string | null;
  difficulty: string | null;
  /** Consent to keep `difficulty`; without it the text is not kept. */
  consent: boolean;
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  replyBy: "email" | "phone" | "text" | "letter";
  idempotencyKey: string;
  /** False when the recipient's daily limit of acknowledgements is met (server/limits/public.ts): the request stands, no email. */
  acknowledge?: boolean;
  /** The customer's "withdraw your consent" link for a token. */
  withdrawConsentUrl: (token: string) => string;
};

export type Submitted = { id: string; reference: string; decisionDueAt: Date; created: boolean };

/** Looks a case up by what someone typed: "unknown" when the format is right but no such case exists. */
export async function findCaseByReference(prisma: PrismaClient | Tx, input: string): Promise<{ state: "invalid" } | { state: "unknown" } | { state: "found"; id: string; reference: string }> {
  const parsed = parseReference(input);
  if (!parsed) return { state: "invalid" };
  const reference = input.replace(/\s+/g, "").toUpperCase();
  const row = await prisma.case.findUnique({ where: { reference }, select: { id: true, reference: true } });
  return row ? { state: "found", ...row } : { state: "unknown" };
}

export async function submitAdjustmentRequest(deps: Deps, input: SubmitInput): Promise<Submitted> {
  const existing = await deps.prisma.adjustmentRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { id: existing.id, reference: existing.reference, decisionDueAt: existing.decisionDueAt, created: false };
  const now = nowOf(deps);
  try {
    const created = await deps.prisma.$transaction((tx) => insertRequest(tx, deps, input, now));
    return { ...created, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await deps.prisma.adjustmentRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (winner) return { id: winner.id, reference: winner.reference, decisionDueAt: winner.decisionDueAt, created: false };
    }
    throw error;
  }
}

async function insertRequest(tx: Tx, deps: Deps, input: SubmitInput, now: Date) {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "ReferenceCounter" ("type", "value") VALUES ('ADJ', 1)
    ON CONFLICT ("type") DO UPDATE SET "value" = "ReferenceCounter"."value" + 1
    RETURNING "value"`;
  const reference = formatAdjustmentReference(Number(rows[0]!.value));
  const language = correspondenceLanguage(input.language, input.needs);
  const dueAt = decisionDueAt(now);
  const linkedCase = input.caseReference ? await findCaseByReference(tx, input.caseReference) : null;
  const partyId = await findOrCreatePerson(tx, { name: input.name, email: input.email, phone: input.phone, preferredLanguage: language }, "keep");
  const keepDifficulty = Boolean(input.difficulty && input.consent);
  const token = keepDifficulty ? randomBytes(32).toString("base64url") : null;

  const row = await tx.adjustmentRequest.create({
    data: {
      reference,
      status: "received",
      language: input.language,
      correspondenceLanguage: language,
      needs: input.needs as object,
      otherNeed: input.otherNeed,
      duration: input.duration,
      caseId: linkedCase?.state === "found" ? linkedCase.id : null,
      difficulty: keepDifficulty ? input.difficulty : null,
      difficultyConsentAt: keepDifficulty ? now : null,
      consentTokenHash: token ? hashToken(token) : null,
      name: input.name,
      email: input.email,
      phone: input.phone,
      postalAddress: input.postalAddress,
      replyBy: input.replyBy,
      partyId,
      receivedAt: now,
      decisionDueAt: dueAt,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    },
  });
  await tx.adjustmentEvent.create({ data: { requestId: row.id, kind: "received", at: now, data: { channel: "web_form", difficultyGiven: keepDifficulty } } });
  await tx.auditEvent.create({ data: { at: now, actorId: null, action: "adjustment.create", entityType: "AdjustmentRequest", entityId: row.id, data: { reference } } });
  await outbox(tx, row.id, "created", now, { ...publicPayload(row), difficultyGiven: keepDifficulty });
  const forTexts = textsView(row);
  const ack = deps.texts.acknowledgement(forTexts, { withdrawConsent: token ? input.withdrawConsentUrl(token) : null });
  if (ack && input.acknowledge !== false) await queueEmail(tx, row.id, ack, now);
  return { id: row.id, reference, decisionDueAt: dueAt };
}
