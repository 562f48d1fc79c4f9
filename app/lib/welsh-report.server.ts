// Welsh enquiries by month and channel: cases written in Welsh, plus the enquiries that are not
// all cases, counted from their own tables: adjustment requests, chats and nuisance reports made
// in Welsh. Cases those three channels created are left out so nothing is counted twice.
import type { Prisma } from "../../server/db";
import { fillSeries } from "./dashboard";

export const WELSH_REPORT_CHANNELS = ["web_form", "chat", "nuisance_tool", "adjustments", "email", "phone", "staff"] as const;

export type WelshRow = { month: string; channel: string; count: number };

export async function welshRows(prisma: Prisma, since: Date): Promise<WelshRow[]> {
  const rows = await prisma.$queryRaw<{ month: string; channel: string; count: bigint }[]>`
    SELECT month, channel, SUM(n) AS count FROM (
      SELECT to_char("createdAt" AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, "channel" AS channel, COUNT(*) AS n
      FROM "Case" WHERE "language" = 'cy' AND "createdAt" >= ${since} AND "channel" NOT IN ('adjustments', 'chat', 'nuisance_tool') GROUP BY 1, 2
      UNION ALL
      SELECT to_char("receivedAt" AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, 'adjustments' AS channel, COUNT(*) AS n
      FROM "AdjustmentRequest" WHERE "language" = 'cy' AND "receivedAt" >= ${since} GROUP BY 1
      UNION ALL
      SELECT to_char("createdAt" AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, 'chat' AS channel, COUNT(*) AS n
      FROM "ChatConversation" WHERE "language" = 'cy' AND "createdAt" >= ${since} GROUP BY 1
      UNION ALL
      SELECT to_char("receivedAt" AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, 'nuisance_tool' AS channel, COUNT(*) AS n
      FROM "NuisanceReport" WHERE "language" = 'cy' AND "receivedAt" >= ${since} GROUP BY 1
    ) t GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({ month: r.month, channel: r.channel, count: Number(r.count) }));
}

/** The last n months ending with this one (YYYY-MM), oldest first. */
export function lastMonths(today: string, n: number): string[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export async function welshTable(prisma: Prisma, today: string) {
  const months = lastMonths(today, 12);
  const since = new Date(`${months[0]}-01T00:00:00Z`);
  since.setUTCHours(since.getUTCHours() - 1);
  const rows = await welshRows(prisma, since);
  return fillSeries(months, WELSH_REPORT_CHANNELS, rows.map((r) => ({ key: r.month, series: r.channel, count: r.count })));
}

