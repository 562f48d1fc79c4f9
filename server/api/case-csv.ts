// The case list as CSV, for the staff download and the API: same filters, same rows.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { listCases, type CaseFilters, type CaseListRow } from "../domain/cases/index.js";
import { toCsv } from "./csv.js";

export const CSV_MAX_ROWS = 50_000;

export async function casesCsv(prisma: PrismaClient, filters: CaseFilters, now: Date): Promise<{ csv: string; rows: number }> {
  // The file has no total line, so nothing is counted.
  const { rows } = await listCases(prisma, { ...filters, page: 1 }, now, CSV_MAX_ROWS, { count: false });
  const csv = toCsv<CaseListRow>(rows, [
    { header: "reference", value: (r) => r.reference },
    { header: "type", value: (r) => r.type },
    { header: "status", value: (r) => r.status },
    { header: "title", value: (r) => r.title },
    { header: "language", value: (r) => r.language },
    { header: "channel", value: (r) => r.channel },
    { header: "work_queue", value: (r) => r.workQueue },
    { header: "officer", value: (r) => r.officer },
    { header: "received_at", value: (r) => r.createdAt },
    { header: "opened_at", value: (r) => r.openedAt },
    { header: "next_due_at", value: (r) => r.nextDueAt },
    { header: "clock", value: (r) => r.clock },
    { header: "closed_at", value: (r) => r.closedAt },
    { header: "outcome", value: (r) => r.outcome },
  ]);
  return { csv, rows: rows.length };
}
