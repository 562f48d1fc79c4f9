// createCase(): the one way a case comes into being. The case, its parties, its first
// timeline event, an audit row, an outbox event and any acknowledgement email are
// written in one transaction, so a failure leaves nothing half-saved.
import { findOrCreateOrganisation, findOrCreatePerson } from "../parties/parties.js";
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import type { CaseType } from "./case-types.js";
import { computeCaseClocks, nextDueClock } from "./clocks.js";
import { formatReference } from "./reference.js";
import { caseTitle, type CaseLanguage } from "./welsh.js";
import { routeToWorkQueue, type Channel, type Sector } from "./work-queues.js";
import { emit } from "../../outbox/emit.js";

export const CASE_EVENT_SCHEMA_VERSION = 1;

export type NewCaseInput = {
  type: CaseType;
  channel: Channel;
  language: CaseLanguage;
  /** What the person told us, in their words. */
  summary: string;
  /** A short subject for the title; the organisation's name when there is one. */
  subject?: string;
  details?: Record<string, unknown>;
  customer?: { name: string; email?: string | null; phone?: string | null; preferredLanguage?: CaseLanguage };
  organisation?: { name: string; sector?: Sector | null; location?: "uk" | "eea" | "elsewhere" | null };
  late?: boolean;
  /** The same key twice creates one case (double clicks, back-and-resubmit, retries). */
  idempotencyKey?: string;
  actorId?: string | null;
  /** Emails to queue with the case, built once its reference is known. */
  emails?: (created: CreatedCase) => { to: string; subject: string; text: string; html?: string; language: CaseLanguage; kind: string }[];
  /** Writes of the caller's own that must commit or fail with the case (e.g. attaching uploads), in the same transaction. */
  alsoInTransaction?: (tx: PrismaNamespace.TransactionClient, created: CreatedCase) => Promise<void>;
};

export type CreatedCase = {
  id: string;
  reference: string;
  type: CaseType;
  workQueue: string;
  title: string;
  language: CaseLanguage;
  openedAt: Date;
  clocks: ReturnType<typeof computeCaseClocks>;
};

type Deps = { prisma: PrismaClient; now?: () => Date };
type Tx = PrismaNamespace.TransactionClient;

// Parties (find-or-create, flags, name matching) are server/domain/parties' job.
export { normaliseEmail, normaliseOrganisationName } from "../parties/parties.js";

export async function createCase(deps: Deps, input: NewCaseInput): Promise<{ case: CreatedCase; created: boolean }> {
  const now = (deps.now ?? (() => new Date()))();
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(deps.prisma, input.idempotencyKey);
    if (existing) return { case: existing, created: false };
  }
  try {
    const created = await deps.prisma.$transaction((tx) => insertCase(tx, input, now));
    return { case: created, created: true };
  } catch (error) {
    // Two identical submissions at once: the loser of the unique-key race returns the winner's case.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(deps.prisma, input.idempotencyKey);
      if (existing) return { case: existing, created: false };
    }
    throw error;
  }
}

async function insertCase(tx: Tx, input: NewCaseInput, now: Date): Promise<CreatedCase> {
  const reference = formatReference(input.type, await nextReferenceNumber(tx, input.type));
  const workQueue = routeToWorkQueue({ type: input.type, sector: input.organisation?.sector ?? null, channel: input.channel });
  const clocks = computeCaseClocks(input.type, now);
  // Cases from our own forms are routed at once, so they are in their work queue on arrival.
  const queuedAt = now;
  const title = caseTitle({ type: input.type, language: input.language, subject: input.subject ?? input.organisation?.name ?? null });

  const parties: { partyId: string; role: "customer" | "organisation" }[] = [];
  if (input.customer) parties.push({ partyId: await findOrCreatePerson(tx, { ...input.customer, preferredLanguage: input.customer.preferredLanguage ?? input.language }, "refresh"), role: "customer" });
  if (input.organisation) parties.push({ partyId: await findOrCreateOrganisation(tx, input.organisation), role: "organisation" });

  const row = await tx.case.create({
    data: {
      reference,
      type: input.type,
      status: "queued",
      title,
      language: input.language,
      channel: input.channel,
      workQueue,
      summary: input.summary,
      details: (input.details ?? {}) as object,
      late: input.late ?? false,
      createdAt: now,
      openedAt: now,
      acknowledgedAt: input.customer?.email ? now : null,
      queueDueAt: clocks.queueBy,
      underWayDueAt: clocks.underWayBy,
      answerDueAt: clocks.answerBy,
      closeDueAt: clocks.closeBy,
      queuedAt,
      nextDueAt: nextDueClock(clocks, { queuedAt })?.dueAt ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      parties: { create: parties },
      events: {
        create: [
          { kind: "created", at: now, actorId: input.actorId ?? null, data: { channel: input.channel } },
          { kind: "queued", at: now, actorId: null, data: { workQueue } },
        ],
      },
    },
    select: { id: true },
  });

  const created: CreatedCase = { id: row.id, reference, type: input.type, workQueue, title, language: input.language, openedAt: now, clocks };

  await tx.auditEvent.create({
    data: { at: now, actorId: input.actorId ?? null, action: "case.create", entityType: "Case", entityId: row.id, data: { reference, channel: input.channel } },
  });
  await emit(tx, { type: "case.created", aggregateId: row.id, at: now, data: casePayload(created, input, now) });
  const emails = input.emails?.(created) ?? [];
  for (const email of emails) {
    await tx.emailMessage.create({ data: { ...email, caseId: row.id, createdAt: now } });
    await tx.caseEvent.create({ data: { caseId: row.id, kind: "acknowledgement_queued", at: now, data: { kind: email.kind } } });
  }
  await input.alsoInTransaction?.(tx, created);
  return created;
}

/** Atomic per-type counter: concurrent creators each get a different number. */
async function nextReferenceNumber(tx: Tx, type: CaseType): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "ReferenceCounter" ("type", "value") VALUES (${type}, 1)
    ON CONFLICT ("type") DO UPDATE SET "value" = "ReferenceCounter"."value" + 1
    RETURNING "value"`;
  return Number(rows[0]!.value);
}

async function findByIdempotencyKey(prisma: PrismaClient, key: string): Promise<CreatedCase | null> {
  const row = await prisma.case.findUnique({ where: { idempotencyKey: key } });
  if (!row) return null;
  return {
    id: row.id,
    reference: row.reference,
    type: row.type as CaseType,
    workQueue: row.workQueue,
    title: row.title,
    language: row.language,
    openedAt: row.openedAt,
    clocks: { acknowledgeBy: row.openedAt, queueBy: row.queueDueAt, underWayBy: row.underWayDueAt, answerBy: row.answerDueAt, closeBy: row.closeDueAt },
  };
}

function casePayload(created: CreatedCase, input: NewCaseInput, now: Date) {
  return {
    reference: created.reference,
    type: created.type,
    status: "queued",
    title: created.title,
    language: created.language,
    channel: input.channel,
    workQueue: created.workQueue,
    late: input.late ?? false,
    createdAt: now.toISOString(),
    clocks: Object.fromEntries(Object.entries(created.clocks).map(([name, at]) => [name, at.toISOString()])),
    customer: input.customer ? { name: input.customer.name, email: input.customer.email ?? null, preferredLanguage: input.customer.preferredLanguage ?? input.language } : null,
    organisation: input.organisation ?? null,
    summary: input.summary,
    details: input.details ?? {},
  };
}

/** Prisma reports a unique violation as P2002; some driver adapters surface PostgreSQL's 23505 directly. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause, message } = error as { code?: string; cause?: { kind?: string; code?: string; originalCode?: string }; message?: string };
  return (
    code === "P2002" ||
    cause?.kind === "UniqueConstraintViolation" ||
    cause?.code === "23505" ||
    cause?.originalCode === "23505" ||
    /duplicate key value violates unique constraint/.test(message ?? "")
  );
}
