// Retention: closed cases are deleted two years after their last activity (the last change or
// timeline entry), with everything personal that hangs off them: timeline, parties no longer on
// any case, emails, uploads, links, callbacks and the outbox rows carrying their data. A dry
// run lists what would go. The back office hears of each deletion as a case.deleted event
// (reference only), so it can delete its copy too. Audit rows stay: they hold identifiers only.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { addCalendarMonths, endOfLondonDay, londonDate } from "../domain/cases/working-days.js";

export const CLOSED_CASE_RETENTION_MONTHS = 24;

/**
 * EXTENSION POINT: nuisance reports and chat transcripts have their own configured periods;
 * their issues add a policy here ({ name, due(prisma, now), remove(prisma, ids, now) }).
 */
export type RetentionPolicy = {
  name: string;
  due: (prisma: PrismaClient, now: Date, limit: number) => Promise<{ id: string; label: string; lastActivity: Date }[]>;
  remove: (prisma: PrismaClient, ids: string[], now: Date) => Promise<{ removed: number; files: string[] }>;
};

/** The last instant a closed case may still be kept for: activity on or before this day two years ago is due. */
export function retentionCutoff(now: Date, months = CLOSED_CASE_RETENTION_MONTHS): Date {
  return endOfLondonDay(addCalendarMonths(londonDate(now), -months));
}

export const closedCasesPolicy: RetentionPolicy = {
  name: "closed_cases",
  async due(prisma, now, limit) {
    const cutoff = retentionCutoff(now);
    const rows = await prisma.$queryRaw<{ id: string; reference: string; last: Date }[]>`
      SELECT c."id", c."reference", GREATEST(c."updatedAt", c."closedAt", COALESCE(MAX(e."at"), c."closedAt")) AS last
      FROM "Case" c LEFT JOIN "CaseEvent" e ON e."caseId" = c."id"
      WHERE c."status" = 'closed' AND c."closedAt" < ${cutoff}
      GROUP BY c."id"
      HAVING GREATEST(c."updatedAt", c."closedAt", COALESCE(MAX(e."at"), c."closedAt")) < ${cutoff}
      ORDER BY last ASC
      LIMIT ${limit}`;
    return rows.map((r) => ({ id: r.id, label: r.reference, lastActivity: new Date(r.last) }));
  },
  async remove(prisma, ids, now) {
    if (ids.length === 0) return { removed: 0, files: [] };
    return prisma.$transaction(
      async (tx) => {
        const cases = await tx.case.findMany({ where: { id: { in: ids }, status: "closed" }, select: { id: true, reference: true, parties: { select: { partyId: true } }, concernAttachments: { select: { storedName: true } } } });
        const caseIds = cases.map((c) => c.id);
        const partyIds = [...new Set(cases.flatMap((c) => c.parties.map((p) => p.partyId)))];
        await tx.emailMessage.deleteMany({ where: { caseId: { in: caseIds } } });
        await tx.outboxEvent.deleteMany({ where: { aggregateType: "case", aggregateId: { in: caseIds } } });
        await tx.case.deleteMany({ where: { id: { in: caseIds } } });
        // A person or organisation left with no case and no adjustment request goes too.
        await tx.party.deleteMany({ where: { id: { in: partyIds }, cases: { none: {} }, adjustmentRequests: { none: {} } } });
        for (const c of cases) {
          await tx.outboxEvent.create({ data: { aggregateType: "case", aggregateId: c.id, eventType: "case.deleted", schemaVersion: 1, createdAt: now, payload: { reference: c.reference, reason: "retention" } } });
          await tx.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "Case", entityId: c.id, data: { reference: c.reference } } });
        }
        return { removed: cases.length, files: cases.flatMap((c) => c.concernAttachments.map((a) => a.storedName)) };
      },
      { timeout: 60_000 },
    );
  },
};

export const RETENTION_POLICIES: RetentionPolicy[] = [closedCasesPolicy];

export type RetentionReport = { policy: string; items: { id: string; label: string; lastActivity: string }[]; removed: number };

/** Dry run (default) lists what is due; a real run deletes it in batches and returns what went. */
export async function runRetention(
  prisma: PrismaClient,
  options: { now: Date; dryRun: boolean; limit?: number; removeFile?: (storedName: string) => Promise<void> },
): Promise<RetentionReport[]> {
  const limit = options.limit ?? 500;
  const reports: RetentionReport[] = [];
  for (const policy of RETENTION_POLICIES) {
    const due = await policy.due(prisma, options.now, limit);
    let removed = 0;
    if (!options.dryRun && due.length) {
      const result = await policy.remove(prisma, due.map((d) => d.id), options.now);
      removed = result.removed;
      for (const file of result.files) await options.removeFile?.(file).catch(() => undefined);
    }
    reports.push({ policy: policy.name, items: due.map((d) => ({ ...d, lastActivity: d.lastActivity.toISOString() })), removed });
  }
  return reports;
}

/** Deletes one stored concern upload by its stored name (never a path from elsewhere). */
export function uploadRemover(dataDir: string) {
  return async (storedName: string) => {
    const { rm } = await import("node:fs/promises");
    const path = await import("node:path");
    const { uploadsDir } = await import("../concerns/uploads.js");
    await rm(path.join(uploadsDir(dataDir), path.basename(storedName)), { force: true });
  };
}
