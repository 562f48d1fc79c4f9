// Figures for the manager dashboard, counted by the database.
import type { AppLoadContext } from "react-router";
import { CHANNELS, londonDate } from "../../server/domain/cases";
import { fillSeries, lastDays, percent, weekStart, type CountRow } from "./dashboard";

export const DASHBOARD_DAYS = 14;
export const DASHBOARD_WEEKS = 8;
const CONCERN_TYPES = ["RFA", "FS50", "FER", "ELE"];

/** Weekly activity lines: chats started (every conversation, not only those that became cases) and nuisance reports received. */
export const WEEKLY_ACTIVITY_SOURCES: { series: string; count: (context: AppLoadContext, since: Date) => Promise<CountRow[]> }[] = [
  { series: "chat", count: (context, since) => perWeek(context, since, "chat") },
  { series: "nuisance_tool", count: (context, since) => perWeek(context, since, "nuisance_tool") },
];

async function perWeek(context: AppLoadContext, since: Date, series: "chat" | "nuisance_tool"): Promise<CountRow[]> {
  const { prisma } = context.services;
  const rows =
    series === "chat"
      ? await prisma.$queryRaw<{ day: string; count: bigint }[]>`
          SELECT to_char(("createdAt" AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS day, COUNT(*) AS count
          FROM "ChatConversation" WHERE "createdAt" >= ${since} GROUP BY 1`
      : await prisma.$queryRaw<{ day: string; count: bigint }[]>`
          SELECT to_char(("receivedAt" AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS day, COUNT(*) AS count
          FROM "NuisanceReport" WHERE "receivedAt" >= ${since} GROUP BY 1`;
  const byWeek = new Map<string, number>();
  for (const r of rows) byWeek.set(weekStart(r.day), (byWeek.get(weekStart(r.day)) ?? 0) + Number(r.count));
  return [...byWeek].map(([key, count]) => ({ key, series, count }));
}

export async function dashboardFigures(context: AppLoadContext) {
  const { prisma, now } = context.services;
  const at = now();
  const today = londonDate(at);
  const days = lastDays(today, DASHBOARD_DAYS);
  const since = new Date(`${days[0]}T00:00:00Z`);
  since.setUTCHours(since.getUTCHours() - 1); // London is at most an hour ahead of UTC
  const perDay = await prisma.$queryRaw<{ day: string; channel: string; count: bigint }[]>`
    SELECT to_char(("createdAt" AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS day, "channel", COUNT(*) AS count
    FROM "Case" WHERE "createdAt" >= ${since} GROUP BY 1, 2`;
  const channels = [...CHANNELS];
  const daily = fillSeries(days, channels, perDay.map((r) => ({ key: r.day, series: r.channel, count: Number(r.count) })));

  const weeks = Array.from(new Set(lastDays(today, DASHBOARD_WEEKS * 7).map(weekStart))).slice(-DASHBOARD_WEEKS);
  const weekSince = new Date(`${weeks[0]}T00:00:00Z`);
  weekSince.setUTCHours(weekSince.getUTCHours() - 1);
  const weeklyRows = (await Promise.all(WEEKLY_ACTIVITY_SOURCES.map((s) => s.count(context, weekSince)))).flat();
  const weekly = fillSeries(weeks, WEEKLY_ACTIVITY_SOURCES.map((s) => s.series), weeklyRows);

  // Clock performance: cases whose clock fell due in the last 90 days (or 12 months for the 6-month close).
  const ninety = new Date(at.getTime() - 90 * 24 * 3600_000);
  const year = new Date(at.getTime() - 365 * 24 * 3600_000);
  const [perf] = await prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT
      COUNT(*) FILTER (WHERE "queueDueAt" < ${at} AND "queueDueAt" >= ${ninety}) AS queue_due,
      COUNT(*) FILTER (WHERE "queueDueAt" < ${at} AND "queueDueAt" >= ${ninety} AND "queuedAt" <= "queueDueAt") AS queue_met,
      COUNT(*) FILTER (WHERE "type" <> 'RCC' AND "underWayDueAt" < ${at} AND "underWayDueAt" >= ${ninety}) AS under_way_due,
      COUNT(*) FILTER (WHERE "type" <> 'RCC' AND "underWayDueAt" < ${at} AND "underWayDueAt" >= ${ninety} AND "underWayAt" <= "underWayDueAt") AS under_way_met,
      COUNT(*) FILTER (WHERE "type" = 'RCC' AND "underWayDueAt" < ${at} AND "underWayDueAt" >= ${ninety}) AS rcc_due,
      COUNT(*) FILTER (WHERE "type" = 'RCC' AND "underWayDueAt" < ${at} AND "underWayDueAt" >= ${ninety} AND "underWayAt" <= "underWayDueAt") AS rcc_met,
      COUNT(*) FILTER (WHERE "type" = ANY(${CONCERN_TYPES}) AND "closeDueAt" < ${at} AND "closeDueAt" >= ${year}) AS close_due,
      COUNT(*) FILTER (WHERE "type" = ANY(${CONCERN_TYPES}) AND "closeDueAt" < ${at} AND "closeDueAt" >= ${year} AND "closedAt" <= "closeDueAt") AS close_met
    FROM "Case"`;
  const n = (key: string) => Number(perf?.[key] ?? 0);
  const performance = [
    { key: "queued3", met: n("queue_met"), due: n("queue_due"), target: null as number | null },
    { key: "underWay14", met: n("under_way_met"), due: n("under_way_due"), target: null as number | null },
    { key: "rccAck5", met: n("rcc_met"), due: n("rcc_due"), target: null as number | null },
    { key: "closed6m", met: n("close_met"), due: n("close_due"), target: 90 },
  ].map((p) => ({ ...p, percent: percent(p.met, p.due) }));

  const thirty = new Date(at.getTime() - 30 * 24 * 3600_000);
  const [welsh] = await prisma.$queryRaw<{ total: bigint; welsh: bigint }[]>`
    SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE "language" = 'cy') AS welsh FROM "Case" WHERE "createdAt" >= ${thirty}`;
  const welshShare = { total: Number(welsh?.total ?? 0), welsh: Number(welsh?.welsh ?? 0), percent: percent(Number(welsh?.welsh ?? 0), Number(welsh?.total ?? 0)) };

  return { channels, daily, weekly, weeklySeries: WEEKLY_ACTIVITY_SOURCES.map((s) => s.series), performance, welshShare };
}
