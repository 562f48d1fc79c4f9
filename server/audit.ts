import type { Prisma, TransactionClient } from "./db";

/**
 * Records who viewed or changed what. Identifiers only: never the personal data itself.
 * One plain INSERT: through Prisma's query builder (which also read the row back) each audited
 * page spent about twice the CPU on it, and every staff list and case view writes one.
 */
export async function audit(
  prisma: Prisma | TransactionClient,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; data?: Record<string, unknown> },
) {
  await prisma.$executeRaw`INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "data")
    VALUES (${entry.actorId}::uuid, ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${JSON.stringify(entry.data ?? {})}::jsonb)`;
}
