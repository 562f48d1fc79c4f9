// The Welsh enquiries report as CSV.
import type { LoaderFunctionArgs } from "react-router";
import { requireCapability } from "~/lib/permissions.server";
import { WELSH_REPORT_CHANNELS, welshTable } from "~/lib/welsh-report.server";
import { audit } from "../../server/audit";
import { toCsv } from "../../server/api/csv";
import { londonDate } from "../../server/domain/cases";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "reports.read");
  const { prisma, now } = context.services;
  const table = await welshTable(prisma, londonDate(now()));
  await audit(prisma, { actorId: staff.id, action: "report.welsh.csv", entityType: "Report", entityId: "welsh" });
  const csv = toCsv(table, [
    { header: "month", value: (r) => r.key },
    ...WELSH_REPORT_CHANNELS.map((c) => ({ header: c, value: (r: (typeof table)[number]) => r.counts[c] ?? 0 })),
    { header: "total", value: (r) => r.total },
  ]);
  return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="welsh-enquiries.csv"', "Cache-Control": "no-store" } });
}
