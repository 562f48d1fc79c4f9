// Retention: closed cases are deleted two years after their last activity (the last change or
// timeline entry), with everything personal that hangs off them: timeline, parties no longer on
// any case, emails, uploads, links, callbacks and the outbox rows carrying their data. A dry
// run lists what would go. The back office hears of each deletion as a case.deleted event
// (reference only), so it can delete its copy too. Audit rows stay: they hold identifiers only.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { addCalendarMonths, endOfLondonDay, londonDate } from "../domain/cases/working-days.js";
import { MAIL_MAX_ATTEMPTS } from "../mail/mail-worker.js";
import { emit } from "../outbox/emit.js";

export const CLOSED_CASE_RETENTION_MONTHS = 24;

/** One kind of record with its own retention period: what is due, and how to delete it. */
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
          await emit(tx, { type: "case.deleted", aggregateId: c.id, at: now, data: { reference: c.reference, reason: "retention" } });
          await tx.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "Case", entityId: c.id, data: { reference: c.reference } } });
        }
        return { removed: cases.length, files: cases.flatMap((c) => c.concernAttachments.map((a) => a.storedName)) };
      },
      { timeout: 60_000 },
    );
  },
};

const DAY = 86_400_000;

/** Nuisance reports (with their contacts and saved emails) after NUISANCE_RETENTION_DAYS. */
export function nuisanceReportsPolicy(retentionDays: number): RetentionPolicy {
  return {
    name: "nuisance_reports",
    async due(prisma, now, limit) {
      const rows = await prisma.nuisanceReport.findMany({
        where: { receivedAt: { lt: new Date(now.getTime() - retentionDays * DAY) } },
        select: { id: true, reference: true, receivedAt: true },
        orderBy: { receivedAt: "asc" },
        take: limit,
      });
      return rows.map((r) => ({ id: r.id, label: r.reference, lastActivity: r.receivedAt }));
    },
    async remove(prisma, ids, now) {
      if (ids.length === 0) return { removed: 0, files: [] };
      return prisma.$transaction(async (tx) => {
        const emls = await tx.nuisanceContact.findMany({ where: { reportId: { in: ids }, emlId: { not: null } }, select: { emlId: true } });
        const { count } = await tx.nuisanceReport.deleteMany({ where: { id: { in: ids } } });
        await tx.nuisanceEml.deleteMany({ where: { id: { in: emls.map((e) => e.emlId!) } } });
        await tx.outboxEvent.deleteMany({ where: { aggregateType: "nuisance_report", aggregateId: { in: ids } } });
        // The offender summary is rebuilt by the next housekeeping round, so deleted reports stop counting.
        await tx.nuisanceSummaryState.deleteMany({});
        await tx.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "NuisanceReport", entityId: "batch", data: { count } } });
        return { removed: count, files: [] };
      });
    },
  };
}

/**
 * Chat transcripts: an ended chat goes after CHAT_RETENTION_DAYS, or a day after it ended when
 * the customer did not ask us to keep the transcript (a chat made into a case keeps its
 * transcript in the case, under the case's own retention).
 */
export function chatTranscriptsPolicy(retentionDays: number): RetentionPolicy {
  const dueWhere = (now: Date) => ({
    status: "ended" as const,
    OR: [{ endedAt: { lt: new Date(now.getTime() - retentionDays * DAY) } }, { transcriptConsent: false, endedAt: { lt: new Date(now.getTime() - DAY) } }],
  });
  return {
    name: "chat_transcripts",
    async due(prisma, now, limit) {
      const rows = await prisma.chatConversation.findMany({ where: dueWhere(now), select: { id: true, endedAt: true }, orderBy: { endedAt: "asc" }, take: limit });
      return rows.map((r) => ({ id: r.id, label: r.id.slice(0, 8), lastActivity: r.endedAt! }));
    },
    async remove(prisma, ids, now) {
      if (ids.length === 0) return { removed: 0, files: [] };
      // Due again at deletion time: a chat cannot stop being due, but the where keeps a stale list honest.
      const { count } = await prisma.chatConversation.deleteMany({ where: { id: { in: ids }, ...dueWhere(now) } });
      await prisma.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "ChatConversation", entityId: "batch", data: { count } } });
      return { removed: count, files: [] };
    },
  };
}

/** Adjustment requests no longer in force are kept this long after their last change (appeals, complaints about us). */
export const ADJUSTMENT_RETENTION_MONTHS = 24;

/**
 * Adjustment requests no longer in force: declined ones, and agreed one-off ones, two years
 * (ADJUSTMENT_RETENTION_MONTHS) after their last change. The request goes with its timeline,
 * conference rows, emails (the consent-withdrawal link's among them), its flag, its outbox
 * events, and its person when nothing else names them. Undecided requests and agreed ongoing
 * ones are in force (reviewed at least every two years) and stay; a request removed at the
 * customer's request holds only its dated note and stays as the record of that.
 */
export const adjustmentRequestsPolicy: RetentionPolicy = {
  name: "adjustment_requests",
  async due(prisma, now, limit) {
    const before = retentionCutoff(now, ADJUSTMENT_RETENTION_MONTHS);
    const rows = await prisma.adjustmentRequest.findMany({
      where: adjustmentsDueWhere(before),
      select: { id: true, reference: true, updatedAt: true },
      orderBy: { updatedAt: "asc" },
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, label: r.reference, lastActivity: r.updatedAt }));
  },
  async remove(prisma, ids, now) {
    if (ids.length === 0) return { removed: 0, files: [] };
    const before = retentionCutoff(now, ADJUSTMENT_RETENTION_MONTHS);
    return prisma.$transaction(async (tx) => {
      // Due again inside the transaction: a request changed since it was listed stays.
      const rows = await tx.adjustmentRequest.findMany({ where: { id: { in: ids }, ...adjustmentsDueWhere(before) }, select: { id: true, partyId: true, flagId: true } });
      const due = rows.map((r) => r.id);
      if (due.length === 0) return { removed: 0, files: [] };
      const emails = await tx.adjustmentEmail.findMany({ where: { requestId: { in: due } }, select: { emailMessageId: true } });
      await tx.emailMessage.deleteMany({ where: { id: { in: emails.map((e) => e.emailMessageId) } } });
      const { count } = await tx.adjustmentRequest.deleteMany({ where: { id: { in: due } } });
      const flagIds = rows.flatMap((r) => (r.flagId ? [r.flagId] : []));
      if (flagIds.length > 0) await tx.partyFlag.deleteMany({ where: { id: { in: flagIds } } });
      await tx.outboxEvent.deleteMany({ where: { aggregateType: "adjustment_request", aggregateId: { in: due } } });
      const partyIds = rows.flatMap((r) => (r.partyId ? [r.partyId] : []));
      if (partyIds.length > 0) await tx.party.deleteMany({ where: { id: { in: partyIds }, cases: { none: {} }, adjustmentRequests: { none: {} } } });
      await tx.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "AdjustmentRequest", entityId: "batch", data: { count } } });
      return { removed: count, files: [] };
    });
  },
};

/** `cutoff` from retentionCutoff: a last change on or before that London day two years ago is due. */
function adjustmentsDueWhere(cutoff: Date) {
  return {
    updatedAt: { lte: cutoff },
    OR: [{ status: "declined" as const }, { status: { in: ["agreed" as const, "partly_agreed" as const] }, duration: "one_off" as const }],
  };
}

/** The retention-adjustments job's work (server/jobs/background.ts): every due batch. */
export function purgeAdjustments(prisma: PrismaClient, now: Date) {
  return runRetention(prisma, { now, dryRun: false, policies: [adjustmentRequestsPolicy], maxRounds: 50 });
}

/** Fixed periods (docs/security.md, "Retention"); the configurable ones come from the server's config. */
export const RETENTION_PERIODS = {
  /** A delivered outbox event: the back office has it; kept a while for /api/v1/events readers. */
  deliveredEventDays: 30,
  /** An event never delivered because no webhook is configured: /api/v1/events is its only reader. */
  unsentEventWithoutWebhookDays: 90,
  /** An email not tied to a case (transcripts, acknowledgements, adjustment letters) once sent or given up. */
  emailWithoutCaseDays: 30,
  /** A chat still queued or active with nothing said or done for this long was abandoned. */
  abandonedChatHours: 24,
} as const;

/** Which table each outbox aggregate type lives in: an event whose record has gone is deleted with it. */
const AGGREGATE_TABLES: Record<string, string> = {
  case: "Case",
  party: "Party",
  nuisance_report: "NuisanceReport",
  adjustment_request: "AdjustmentRequest",
  concern_draft: "ConcernDraft",
  concern_attachment: "ConcernAttachment",
};

/**
 * Outbox events: delivered ones after RETENTION_PERIODS.deliveredEventDays; without a webhook, any
 * after unsentEventWithoutWebhookDays; and at once, any event whose record was deleted (a purged
 * nuisance report's events would otherwise still be served by /api/v1/reports and /events).
 * A `case.deleted` event outlives its case until delivered: it tells the back office to delete.
 */
export function outboxEventsPolicy(options: { webhookConfigured: boolean }): RetentionPolicy {
  const orphaned = Object.entries(AGGREGATE_TABLES)
    .map(([type, table]) => `(e."aggregateType" = '${type}' AND e."eventType" <> 'case.deleted' AND NOT EXISTS (SELECT 1 FROM "${table}" r WHERE r."id"::text = e."aggregateId"))`)
    .join(" OR ");
  return {
    name: "outbox_events",
    async due(prisma, now, limit) {
      const delivered = new Date(now.getTime() - RETENTION_PERIODS.deliveredEventDays * DAY);
      const unsent = options.webhookConfigured ? new Date(0) : new Date(now.getTime() - RETENTION_PERIODS.unsentEventWithoutWebhookDays * DAY);
      const rows = await prisma.$queryRawUnsafe<{ id: string; eventType: string; sequence: bigint; at: Date }[]>(
        `SELECT e."id", e."eventType", e."sequence", COALESCE(e."deliveredAt", e."createdAt") AS at FROM "OutboxEvent" e
         WHERE e."deliveredAt" < $1 OR (e."deliveredAt" IS NULL AND e."createdAt" < $2) OR ${orphaned}
         ORDER BY e."sequence" LIMIT $3`,
        delivered,
        unsent,
        limit,
      );
      return rows.map((r) => ({ id: r.id, label: `${r.eventType} #${r.sequence}`, lastActivity: new Date(r.at) }));
    },
    async remove(prisma, ids, now) {
      if (ids.length === 0) return { removed: 0, files: [] };
      const { count } = await prisma.outboxEvent.deleteMany({ where: { id: { in: ids } } });
      await prisma.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "OutboxEvent", entityId: "batch", data: { count } } });
      return { removed: count, files: [] };
    },
  };
}

/**
 * Emails not tied to a case (chat transcripts, acknowledgements, adjustment letters, one that
 * carried a consent-withdrawal link): RETENTION_PERIODS.emailWithoutCaseDays after they were sent
 * or given up on. The link keeps working: only its hash is kept, on the adjustment request. Emails
 * tied to a case go with the case.
 */
export const emailsWithoutCasePolicy: RetentionPolicy = {
  name: "emails_without_case",
  async due(prisma, now, limit) {
    const before = new Date(now.getTime() - RETENTION_PERIODS.emailWithoutCaseDays * DAY);
    const rows = await prisma.emailMessage.findMany({
      where: { caseId: null, OR: [{ sentAt: { lt: before } }, { sentAt: null, attempts: { gte: MAIL_MAX_ATTEMPTS }, createdAt: { lt: before } }] },
      select: { id: true, kind: true, sentAt: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, label: r.kind, lastActivity: r.sentAt ?? r.createdAt }));
  },
  async remove(prisma, ids, now) {
    if (ids.length === 0) return { removed: 0, files: [] };
    const { count } = await prisma.emailMessage.deleteMany({ where: { id: { in: ids }, caseId: null } });
    await prisma.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "EmailMessage", entityId: "batch", data: { count } } });
    return { removed: count, files: [] };
  },
};

/**
 * Abandoned chats: queued or active with no message, assignment or queueing for
 * RETENTION_PERIODS.abandonedChatHours (the customer and adviser are long gone; a live chat never
 * sits that long), and chats closed by leaving a message, whose message now lives in its ENQ case.
 * They are deleted with their messages, as an ended chat without consent would be.
 */
export const abandonedChatsPolicy: RetentionPolicy = {
  name: "abandoned_chats",
  async due(prisma, now, limit) {
    const before = new Date(now.getTime() - RETENTION_PERIODS.abandonedChatHours * 3_600_000);
    const rows = await prisma.$queryRaw<{ id: string; last: Date }[]>`
      SELECT c."id", GREATEST(c."createdAt", c."queuedAt", COALESCE(c."assignedAt", c."queuedAt"), COALESCE(MAX(m."createdAt"), c."queuedAt")) AS last
      FROM "ChatConversation" c LEFT JOIN "ChatMessage" m ON m."conversationId" = c."id"
      WHERE c."status" IN ('queued', 'active', 'left_message')
      GROUP BY c."id"
      HAVING GREATEST(c."createdAt", c."queuedAt", COALESCE(c."assignedAt", c."queuedAt"), COALESCE(MAX(m."createdAt"), c."queuedAt")) < ${before}
      ORDER BY last ASC
      LIMIT ${limit}`;
    return rows.map((r) => ({ id: r.id, label: r.id.slice(0, 8), lastActivity: new Date(r.last) }));
  },
  async remove(prisma, ids, now) {
    if (ids.length === 0) return { removed: 0, files: [] };
    const { count } = await prisma.chatConversation.deleteMany({ where: { id: { in: ids }, status: { in: ["queued", "active", "left_message"] } } });
    await prisma.auditEvent.create({ data: { at: now, actorId: null, action: "retention.delete", entityType: "ChatConversation", entityId: "batch", data: { count, abandoned: true } } });
    return { removed: count, files: [] };
  },
};

/** Every retention policy, with the periods configured for this server. Outbox events go last, after the records they describe. */
export function retentionPolicies(periods: { nuisanceRetentionDays: number; chatRetentionDays: number; webhookConfigured?: boolean }): RetentionPolicy[] {
  return [
    closedCasesPolicy,
    nuisanceReportsPolicy(periods.nuisanceRetentionDays),
    chatTranscriptsPolicy(periods.chatRetentionDays),
    abandonedChatsPolicy,
    emailsWithoutCasePolicy,
    adjustmentRequestsPolicy,
    outboxEventsPolicy({ webhookConfigured: periods.webhookConfigured ?? true }),
  ];
}

export const RETENTION_POLICIES: RetentionPolicy[] = retentionPolicies({ nuisanceRetentionDays: 730, chatRetentionDays: 365 });

export type RetentionReport = { policy: string; items: { id: string; label: string; lastActivity: string }[]; removed: number };

/** Dry run (default) lists what is due; a real run deletes it in batches and returns what went. */
export async function runRetention(
  prisma: PrismaClient,
  options: { now: Date; dryRun: boolean; limit?: number; removeFile?: (storedName: string) => Promise<void>; policies?: RetentionPolicy[]; maxRounds?: number },
): Promise<RetentionReport[]> {
  const limit = options.limit ?? 500;
  // The scheduled job takes several batches, so a busy day's delivered events never pile up.
  const maxRounds = options.dryRun ? 1 : (options.maxRounds ?? 1);
  const reports: RetentionReport[] = [];
  for (const policy of options.policies ?? RETENTION_POLICIES) {
    let removed = 0;
    let listed: RetentionReport["items"] | undefined;
    for (let round = 0; round < maxRounds; round++) {
      const due = await policy.due(prisma, options.now, limit);
      listed ??= due.map((d) => ({ ...d, lastActivity: d.lastActivity.toISOString() }));
      if (options.dryRun || due.length === 0) break;
      const result = await policy.remove(prisma, due.map((d) => d.id), options.now);
      removed += result.removed;
      for (const file of result.files) await options.removeFile?.(file).catch(() => undefined);
      if (due.length < limit || result.removed === 0) break;
    }
    reports.push({ policy: policy.name, items: listed ?? [], removed });
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
