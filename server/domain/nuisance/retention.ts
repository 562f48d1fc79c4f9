// Housekeeping: reports older than the configured retention are deleted (their contacts go with
// them), saved emails never sent with a report are deleted after a day, and once a London day the
// offender summary is rebuilt so its 7/30/90-day windows move on and deleted reports drop out.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import { londonDate } from "../cases/working-days.js";
import { rebuildSummary } from "./summary.js";

const DAY = 86_400_000;

export async function purgeNuisance(deps: { prisma: PrismaClient; now: () => Date; retentionDays: number }): Promise<{ reports: number; emls: number; rebuilt: boolean }> {
  const now = deps.now();
  const emls = await deps.prisma.nuisanceEml.deleteMany({ where: { contact: null, createdAt: { lt: new Date(now.getTime() - DAY) } } });
  const state = await deps.prisma.nuisanceSummaryState.findUnique({ where: { id: 1 } });
  if (state?.windowsOn === londonDate(now)) return { reports: 0, emls: emls.count, rebuilt: false };
  const reports = await deps.prisma.nuisanceReport.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - deps.retentionDays * DAY) } } });
  await rebuildSummary(deps.prisma, now);
  return { reports: reports.count, emls: emls.count, rebuilt: true };
}
