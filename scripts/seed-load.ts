// `npm run seed:load -- --contacts 1000000`: a large, skewed set of nuisance reports for measuring
// the offender views. Generated inside the database (generate_series) in batches, so a million
// contacts take seconds to a few minutes, not hours. Uses DATABASE_URL when set, else PGLITE_DIR.
// Loaded reports are marked (idempotency keys "load-…") and `--clear` removes them again.
import { parseArgs } from "node:util";
import path from "node:path";
import { openDatabase } from "../server/db";
import { rebuildSummary } from "../server/domain/nuisance/summary";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "100000" }, clear: { type: "boolean", default: false }, days: { type: "string", default: "120" } } });
const contacts = Math.max(3, Math.min(20_000_000, Number(values.contacts)));
const days = Math.max(1, Number(values.days));
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: path.resolve(process.env.PGLITE_DIR ?? "data/pglite") });
const prisma = db.prisma;

async function clear() {
  const deleted = await prisma.$executeRawUnsafe(`DELETE FROM "NuisanceReport" WHERE "idempotencyKey" LIKE 'load-%'`);
  await rebuildSummary(prisma, new Date());
  console.log(`removed ${deleted} loaded reports (and their contacts)`);
}

try {
  if (values.clear) {
    await clear();
  } else {
    const existing = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "NuisanceReport" WHERE "idempotencyKey" LIKE 'load-%'`);
    const start = Number(existing[0]!.n);
    const reports = Math.ceil(contacts / 3);
    const BATCH = 50_000;
    const began = Date.now();
    for (let from = start; from < start + reports; from += BATCH) {
      const to = Math.min(start + reports, from + BATCH) - 1;
      await prisma.$transaction(
        async (tx) => {
          // Reports: received over the last `days` days; 60% registered with TPS.
          await tx.$executeRawUnsafe(
            `INSERT INTO "NuisanceReport" ("id", "reference", "language", "receivedAt", "tps", "consent", "askedToStop", "wantsReply", "advice", "contactCount", "idempotencyKey")
             SELECT gen_random_uuid(), 'LOAD' || lpad(g::text, 9, '0'), CASE WHEN g % 9 = 0 THEN 'cy' ELSE 'en' END::"Language",
                    now() - (random() * ${days}) * interval '1 day', CASE WHEN random() < 0.6 THEN 'yes' ELSE 'no' END, 'no', 'yes', false, '[]', 3, 'load-' || g
             FROM generate_series(${from}, ${to}) AS g`,
          );
          // Three contacts each (the LATERAL refers to the row so random() is drawn per contact). Callers are skewed (the cube of a uniform number): a few thousand
          // heavy repeat offenders and a long tail, like the real reports.
          await tx.$executeRawUnsafe(
            `INSERT INTO "NuisanceContact" ("reportId", "position", "kind", "occurredAt", "timeKnown", "fromStatus", "fromTyped", "fromNumber", "fromUnparsed", "premiumRate",
                                            "senderAddress", "senderDomain", "company", "companyNormalised", "topic", "tpsRegistered")
             SELECT r."id", p, x.kind::"NuisanceKind", r."receivedAt" - (random() * 2) * interval '1 day', true,
                    CASE WHEN x.withheld THEN 'withheld' ELSE 'given' END,
                    CASE WHEN x.withheld OR x.kind = 'email' THEN NULL ELSE '0' || (7700000000 + x.k)::text END,
                    CASE WHEN x.withheld OR x.kind = 'email' THEN NULL ELSE '+44' || (7700000000 + x.k)::text END,
                    false, false,
                    CASE WHEN x.kind = 'email' THEN 'offers' || (x.k % 40) || '@spam' || (x.k % 5000) || '.example' END,
                    CASE WHEN x.kind = 'email' THEN 'spam' || (x.k % 5000) || '.example' END,
                    CASE WHEN x.k < 20000 AND random() < 0.6 THEN 'Load Company ' || (x.k % 3000) || ' Ltd' END,
                    CASE WHEN x.k < 20000 AND random() < 0.6 THEN 'load company ' || (x.k % 3000) END,
                    (ARRAY['accident_claims','energy_home_improvements','insurance','debt','pensions','ppi','health','lifestyle_surveys','charity','investments','other'])[1 + (x.k % 11)],
                    r."tps" = 'yes'
             FROM "NuisanceReport" r
             CROSS JOIN generate_series(0, 2) AS p
             CROSS JOIN LATERAL (
               SELECT floor(power(random(), 3) * 400000)::int AS k,
                      (ARRAY['live_call','live_call','recorded_call','text','email','fax'])[1 + floor(random() * 6)::int] AS kind,
                      random() < 0.12 AS withheld
               WHERE p >= 0 AND r."id" IS NOT NULL
             ) AS x
             WHERE r."idempotencyKey" IN (SELECT 'load-' || g FROM generate_series(${from}, ${to}) AS g)`,
          );
        },
        { timeout: 600_000 },
      );
      process.stdout.write(`\r${((to + 1 - start) * 3).toLocaleString("en-GB")} contacts loaded`);
    }
    await prisma.$executeRawUnsafe(`ANALYZE "NuisanceContact"`);
    await prisma.$executeRawUnsafe(`ANALYZE "NuisanceReport"`);
    const summaryStart = Date.now();
    await rebuildSummary(prisma, new Date());
    await prisma.$executeRawUnsafe(`ANALYZE "NuisanceOffender"`);
    console.log(`\noffender summary rebuilt in ${((Date.now() - summaryStart) / 1000).toFixed(1)} s`);
    console.log(`\n${(reports * 3).toLocaleString("en-GB")} contacts in ${((Date.now() - began) / 1000).toFixed(1)} s (${db.engine})`);
  }
} finally {
  await db.close();
}
