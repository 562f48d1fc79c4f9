import type { Prisma, TransactionClient } from "./db";

/** Records who viewed or changed what. Identifiers only: never the personal data itself. */
export async function audit(
  prisma: Prisma | TransactionClient,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; data?: Record<string, unknown> },
) {
  await prisma.auditEvent.create({ data: { ...entry, data: (entry.data ?? {}) as object } });
}
