// Staff-side case queries. Plain data out: dates as ISO strings, labels left to the page.
import type { AppLoadContext } from "react-router";
import { clockState, WORK_QUEUE_IDS, type ClockState } from "../../server/domain/cases";

const OPEN = { not: "closed" } as const;

export type ClockView = { name: "acknowledgeBy" | "queueBy" | "underWayBy" | "answerBy" | "closeBy"; dueAt: string; doneAt: string | null; state: ClockState };

export async function queueSummaries(context: AppLoadContext) {
  const { prisma, now } = context.services;
  const at = now();
  const soon = new Date(at.getTime() + 2 * 24 * 3600_000);
  const [open, overdue, dueSoon] = await Promise.all([
    prisma.case.groupBy({ by: ["workQueue"], where: { status: OPEN }, _count: { _all: true } }),
    prisma.case.groupBy({ by: ["workQueue"], where: { status: OPEN, nextDueAt: { lt: at } }, _count: { _all: true } }),
    prisma.case.groupBy({ by: ["workQueue"], where: { status: OPEN, nextDueAt: { gte: at, lt: soon } }, _count: { _all: true } }),
  ]);
  const count = (rows: { workQueue: string; _count: { _all: number } }[], queue: string) => rows.find((r) => r.workQueue === queue)?._count._all ?? 0;
  return WORK_QUEUE_IDS.map((queue) => ({ queue, open: count(open, queue), overdue: count(overdue, queue), dueSoon: count(dueSoon, queue) })).filter((q) => q.open > 0);
}

export async function openCasesByQueue(context: AppLoadContext, options: { queue?: string; perQueue?: number }) {
  const { prisma, now } = context.services;
  const at = now();
  const perQueue = options.perQueue ?? 50;
  const queues = options.queue ? [options.queue] : (await prisma.case.groupBy({ by: ["workQueue"], where: { status: OPEN } })).map((r) => r.workQueue);
  const ordered = WORK_QUEUE_IDS.filter((q) => queues.includes(q));
  return Promise.all(
    ordered.map(async (queue) => {
      const [total, rows] = await Promise.all([
        prisma.case.count({ where: { status: OPEN, workQueue: queue } }),
        prisma.case.findMany({
          where: { status: OPEN, workQueue: queue },
          orderBy: [{ nextDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
          take: perQueue,
          select: { reference: true, type: true, title: true, status: true, language: true, createdAt: true, nextDueAt: true },
        }),
      ]);
      return {
        queue,
        total,
        cases: rows.map((row) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          nextDueAt: row.nextDueAt?.toISOString() ?? null,
          state: row.nextDueAt ? clockState(row.nextDueAt, at) : null,
        })),
      };
    }),
  );
}

export async function caseForStaff(context: AppLoadContext, reference: string) {
  const { prisma, now } = context.services;
  const row = await prisma.case.findUnique({
    where: { reference },
    include: {
      parties: { include: { party: { include: { flags: { where: { clearedAt: null }, orderBy: { setAt: "desc" }, include: { adjustmentRequest: { select: { reference: true, flagSummaryCy: true } } } } } } } },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
      assignedTo: { select: { name: true } },
      linksFrom: { include: { linked: { select: { reference: true, type: true, status: true, title: true } } } },
      callbacks: { orderBy: { requestedAt: "asc" } },
    },
  });
  if (!row) return null;
  const at = now();
  const clock = (name: ClockView["name"], dueAt: Date, doneAt: Date | null): ClockView => ({
    name,
    dueAt: dueAt.toISOString(),
    doneAt: doneAt?.toISOString() ?? null,
    state: clockState(dueAt, at, doneAt),
  });
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    status: row.status,
    title: row.title,
    language: row.language,
    channel: row.channel,
    workQueue: row.workQueue,
    summary: row.summary,
    late: row.late,
    createdAt: row.createdAt.toISOString(),
    openedAt: row.openedAt.toISOString(),
    assignedTo: row.assignedTo?.name ?? null,
    assignedToId: row.assignedToId,
    outcome: row.outcome,
    closedAt: row.closedAt?.toISOString() ?? null,
    reopenCount: row.reopenCount,
    details: row.details as Record<string, unknown>,
    links: row.linksFrom.map((l) => ({ reference: l.linked.reference, type: l.linked.type, status: l.linked.status, title: l.linked.title })),
    callbacks: row.callbacks.map((cb) => ({
      id: cb.id,
      note: cb.note,
      requestedAt: cb.requestedAt.toISOString(),
      dueAt: cb.dueAt.toISOString(),
      doneAt: cb.doneAt?.toISOString() ?? null,
      state: clockState(cb.dueAt, at, cb.doneAt),
    })),
    clocks: [
      clock("acknowledgeBy", row.openedAt, row.acknowledgedAt),
      clock("queueBy", row.queueDueAt, row.queuedAt),
      clock("underWayBy", row.underWayDueAt, row.underWayAt),
      clock("answerBy", row.answerDueAt, row.answeredAt),
      clock("closeBy", row.closeDueAt, row.closedAt),
    ],
    parties: row.parties.map(({ role, party }) => ({
      id: party.id,
      role,
      kind: party.kind,
      name: party.name,
      email: party.email,
      phone: party.phone,
      preferredLanguage: party.preferredLanguage,
      sector: party.sector,
      flags: party.flags.map((f) => ({
        kind: f.kind,
        summary: f.summary,
        // Adjustment flags carry their words in Welsh too, and the request they came from.
        summaryCy: f.adjustmentRequest?.flagSummaryCy ?? null,
        adjustmentReference: f.adjustmentRequest?.reference ?? null,
        reviewAt: f.reviewAt?.toISOString() ?? null,
        setAt: f.setAt.toISOString(),
      })),
    })),
    events: row.events.map((e) => ({ id: e.id, kind: e.kind, at: e.at.toISOString(), actor: e.actor?.name ?? null, data: (e.data ?? {}) as Record<string, unknown> })),
  };
}
