// Demo nuisance reports: a realistic spread over the last 90 days so the offender view means
// something on first start. A few heavy repeat offenders (one company behind several numbers,
// a text spammer, a premium-rate line, a spam domain with many mailboxes), withheld numbers,
// and a long tail of one-off callers. Deterministic, bulk-inserted, and added only once.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { adviceFor } from "../domain/nuisance/store.js";
import { contactKeys, type DraftContact } from "../domain/nuisance/contact.js";
import type { ContactKind, Topic } from "../domain/nuisance/kinds.js";
import { formatReportReference } from "../domain/nuisance/store.js";
import { londonDate } from "../domain/cases/working-days.js";
import { tpsAppliedTo } from "../domain/nuisance/advice.js";
import { rebuildSummary } from "../domain/nuisance/summary.js";

const MARK = "demo-nuisance-";
const DAY = 86_400_000;

/** A small seeded random generator (mulberry32), so every demo database is the same. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Offender = {
  weight: number;
  kind: ContactKind;
  topic: Topic;
  froms: string[];
  companies: (string | null)[];
  /** Later days weigh more: a campaign that is growing. */
  growing?: boolean;
  texts?: string[];
  subject?: string;
};

const OFFENDERS: Offender[] = [
  { weight: 16, kind: "live_call", topic: "accident_claims", froms: ["0161 496 0001", "+44 161 496 0002", "01614960003"], companies: ["Claim Helpers Direct Ltd", "claim helpers direct", "CLAIM HELPERS DIRECT LIMITED", null], growing: true },
  { weight: 11, kind: "recorded_call", topic: "energy_home_improvements", froms: ["01632 960100", "01632 960101"], companies: ["Green Home Grants Ltd", "Green Home Grants", null] },
  { weight: 9, kind: "text", topic: "ppi", froms: ["07700 900555"], companies: [null], texts: ["You may be owed £2,300 in PPI. Reply YES to claim", "Final notice: your PPI refund is waiting. Reply YES"] },
  { weight: 6, kind: "email", topic: "investments", froms: ["win@prize-draw.example", "offers@prize-draw.example", "Rewards <rewards@prize-draw.example>"], companies: ["Prize Draw Club", null], subject: "You have been selected" },
  { weight: 4, kind: "recorded_call", topic: "debt", froms: ["0909 879 0123"], companies: [null], growing: true },
  { weight: 3, kind: "live_call", topic: "insurance", froms: ["020 7946 0999"], companies: ["Appliance Cover Plus plc", "Appliance Cover Plus"] },
  { weight: 2, kind: "fax", topic: "other", froms: ["01632 960999"], companies: ["Office Supplies Direct"] },
  { weight: 8, kind: "live_call", topic: "lifestyle_surveys", froms: ["withheld"], companies: ["National Lifestyle Survey", null, null] },
];
const TAIL_TOPICS: Topic[] = ["accident_claims", "energy_home_improvements", "insurance", "debt", "pensions", "health", "charity", "other"];
const TAIL_KINDS: ContactKind[] = ["live_call", "live_call", "recorded_call", "text", "email"];

export async function seedNuisanceDemo(prisma: PrismaClient, now: Date, reports = 1400): Promise<{ created: boolean; reports: number; contacts: number }> {
  const existing = await prisma.nuisanceReport.findFirst({ where: { idempotencyKey: { startsWith: MARK } }, select: { id: true } });
  if (existing) return { created: false, reports: 0, contacts: 0 };
  const rand = random(20261202);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const totalWeight = OFFENDERS.reduce((n, o) => n + o.weight, 0) + 40;

  const built: { id: string; receivedAt: Date; contacts: DraftContact[]; tps: "yes" | "no" | "not_sure"; consent: "no" | "customer" | "not_sure" }[] = [];
  for (let r = 0; r < reports; r++) {
    const count = rand() < 0.55 ? 1 : rand() < 0.6 ? 2 : 3 + Math.floor(rand() * 4);
    const daysAgo = Math.floor(rand() * 90);
    const receivedAt = new Date(now.getTime() - daysAgo * DAY - Math.floor(rand() * 8) * 3600_000);
    const contacts: DraftContact[] = [];
    for (let c = 0; c < count; c++) {
      let w = rand() * totalWeight;
      const offender = OFFENDERS.find((o) => (w -= o.weight) < 0) ?? null;
      // A growing campaign: reports from long ago are less likely to be about it.
      const useOffender = offender && !(offender.growing && rand() < daysAgo / 120);
      const kind = useOffender ? offender!.kind : pick(TAIL_KINDS);
      // At least a day ago, so no demo contact is later than the moment the demo starts.
      const ago = Math.min(89, Math.max(1, daysAgo + Math.floor(rand() * 3)));
      const at = new Date(now.getTime() - ago * DAY);
      const date = londonDate(at);
      let from = useOffender ? pick(offender!.froms) : "";
      if (!useOffender) {
        if (kind === "email") from = `deals${Math.floor(rand() * 400)}@mail${Math.floor(rand() * 300)}.example`;
        else from = rand() < 0.15 ? "withheld" : rand() < 0.5 ? `07700 900${String(Math.floor(rand() * 1000)).padStart(3, "0")}` : `020 7946 0${String(Math.floor(rand() * 1000)).padStart(3, "0")}`;
      }
      const withheld = from === "withheld";
      contacts.push({
        id: `${r}-${c}`,
        kind,
        date,
        time: rand() < 0.7 ? `${String(9 + Math.floor(rand() * 10)).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}` : null,
        fromStatus: withheld ? "withheld" : "given",
        from: withheld ? "" : from,
        to: "",
        company: (useOffender ? pick(offender!.companies) : null) ?? "",
        topic: useOffender ? offender!.topic : pick(TAIL_TOPICS),
        message: kind === "text" ? (useOffender && offender!.texts ? pick(offender!.texts) : "Limited offer, reply STOP to opt out") : "",
        subject: kind === "email" ? (useOffender && offender!.subject ? offender!.subject : "Special offer") : "",
        description: rand() < 0.3 ? pick(["They called again straight after I hung up.", "I told them to stop but they keep calling.", "They knew my name and address.", "The caller was rude when I said no."]) : "",
      });
    }
    built.push({ id: crypto.randomUUID(), receivedAt, contacts, tps: rand() < 0.62 ? "yes" : rand() < 0.8 ? "no" : "not_sure", consent: rand() < 0.9 ? "no" : rand() < 0.5 ? "customer" : "not_sure" });
  }
  built.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  const contacts = built.reduce((n, r) => n + r.contacts.length, 0);
  await prisma.$transaction(async (tx) => {
    // Take a block of references in one statement.
    const rows = await tx.$queryRaw<{ value: number }[]>`
      INSERT INTO "ReferenceCounter" ("type", "value") VALUES ('NUI', ${reports})
      ON CONFLICT ("type") DO UPDATE SET "value" = "ReferenceCounter"."value" + ${reports}
      RETURNING "value"`;
    const first = Number(rows[0]!.value) - reports + 1;
    await tx.nuisanceReport.createMany({
      data: built.map((r, i) => {
        const about = { tps: r.tps, registeredOn: null, consent: r.consent, askedToStop: "yes" as const };
        return {
          id: r.id,
          reference: formatReportReference(first + i),
          language: i % 9 === 0 ? ("cy" as const) : ("en" as const),
          receivedAt: r.receivedAt,
          tps: r.tps,
          consent: r.consent,
          askedToStop: "yes",
          advice: adviceFor(r.contacts, about),
          contactCount: r.contacts.length,
          idempotencyKey: `${MARK}${i}`,
        };
      }),
    });
    const data = built.flatMap((r) =>
      r.contacts.map((c, position) => {
        const keys = contactKeys(c);
        return {
          reportId: r.id,
          position,
          kind: c.kind,
          occurredAt: keys.occurredAt,
          timeKnown: keys.timeKnown,
          fromStatus: c.fromStatus,
          fromTyped: keys.fromTyped,
          fromNumber: keys.fromNumber,
          fromUnparsed: keys.fromUnparsed,
          premiumRate: keys.premiumRate,
          senderAddress: keys.senderAddress,
          senderDomain: keys.senderDomain,
          company: c.company || null,
          companyNormalised: keys.companyNormalised,
          topic: c.topic,
          message: c.message || null,
          subject: c.subject || null,
          description: c.description || null,
          tpsRegistered: tpsAppliedTo({ tps: r.tps, registeredOn: null }, c),
        };
      }),
    );
    for (let i = 0; i < data.length; i += 2000) await tx.nuisanceContact.createMany({ data: data.slice(i, i + 2000) });
  }, { timeout: 60_000 });
  // Bulk-inserted contacts skip the per-report summary update: count them all once.
  await rebuildSummary(prisma, now);
  return { created: true, reports, contacts };
}
