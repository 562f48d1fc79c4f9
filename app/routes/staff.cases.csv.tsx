// The case list for the same filters as the page, as a CSV download.
import type { LoaderFunctionArgs } from "react-router";
import { requireCapability } from "~/lib/permissions.server";
import { audit } from "../../server/audit";
import { casesCsv } from "../../server/api/case-csv";
import { parseCaseFilters } from "../../server/domain/cases";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.export");
  const { prisma, now } = context.services;
  const filters = parseCaseFilters(new URL(request.url).searchParams);
  const { csv, rows } = await casesCsv(prisma, filters, now());
  await audit(prisma, { actorId: staff.id, action: "case.export_csv", entityType: "CaseList", entityId: filters.queue ?? "all", data: { rows } });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cases-${now().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
