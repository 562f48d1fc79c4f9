// A filtered offender list as CSV: one row per offender with its counts (up to 5,000 offenders,
// the same filters and order as the page). Audited.
import type { LoaderFunctionArgs } from "react-router";
import { csvResponse, filterForQuery, readFilter, requireOffenderStaff } from "~/lib/nuisance-staff.server";
import { audit } from "../../server/audit";
import { listOffenders, PAGE_SIZE } from "../../server/domain/nuisance";

const MAX_PAGES = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireOffenderStaff(request, context);
  const filter = filterForQuery(readFilter(new URL(request.url)));
  const now = context.services.now();
  const rows: unknown[][] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await listOffenders(context.services.prisma, { ...filter, page }, now);
    for (const r of result.rows) {
      rows.push([filter.dimension, r.key, r.label, r.d7, r.d30, r.d90, r.total, r.firstSeen, r.lastSeen, Math.round(r.tpsShare * 100), r.kinds.join(" "), r.topTopics.map((x) => `${x.topic}:${x.count}`).join(" ")]);
    }
    if (page >= result.pages || result.rows.length < PAGE_SIZE) break;
  }
  await audit(context.services.prisma, { actorId: staff.id, action: "nuisance.offenders.export", entityType: "NuisanceOffender", entityId: filter.dimension, data: { rows: rows.length } });
  return csvResponse(`offenders-${filter.dimension}.csv`, ["dimension", "key", "name", "last_7_days", "last_30_days", "last_90_days", "total", "first_seen", "last_seen", "tps_percent", "kinds", "top_topics"], rows);
}
