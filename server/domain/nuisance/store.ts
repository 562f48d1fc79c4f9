// Storing a report: the report, all its contacts, an outbox event for the back office and any
// acknowledgement email, in one transaction. The same idempotency key twice stores one report.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import type { Sql } from "../../db.js";
import { EVENT_CATALOGUE, eventShape } from "../../outbox/catalogue.js";
import { isUniqueViolation } from "../cases/create-case.js";
import { chooseAdvice, tpsAppliedTo, type Advice } from "./advice.js";
import type { AboutYou, YourDetails } from "./answers.js";
import { contactKeys, type DraftContact } from "./contact.js";
import { MAX_CONTACTS } from "./kinds.js";
import { SUMMARY_CONFLICT, summaryRows } from "./summary.js";

// One statement writes the report and its outbox row; the event's shape comes from the catalogue.
const CREATED_EVENT = eventShape("nuisance_report.created");
export const NUISANCE_EVENT_SCHEMA_VERSION = CREATED_EVENT.schemaVersion;
type Lang = "en" | "cy";

export type ReportInput = {
  language: Lang;
  contacts: DraftContact[];
  about: AboutYou;
  you: YourDetails;
  idempotencyKey: string;
  /** Builds the acknowledgement once the reference is known; null when there is no address. */
  acknowledgement?: (report: { reference: string; advice: Advice[]; contactCount: number }) => { to: string; subject: string; text: string; language: Lang; kind: string } | null;
};

export type StoredReport = { id: string; reference: string; advice: Advice[]; created: boolean };

export class NuisanceError extends Error {
  constructor(readonly code: "no_contacts" | "too_many" | "eml_missing") {
    super(code);
  }
}

export const formatReportReference = (n: number) => `NUI${String(n).padStart(7, "0")}`;

/** The advice for a report, from its contacts and the answers about the person. */
export function adviceFor(contacts: readonly DraftContact[], about: AboutYou, keys = contacts.map((c) => contactKeys(c))): Advice[] {
  const callDates = contacts.filter((c) => c.kind !== "email" && c.kind !== "text").map((c) => c.date).sort();
  return chooseAdvice({
    kinds: [...new Set(contacts.map((c) => c.kind))],
    premiumRate: keys.some((k) => k.premiumRate),
    tps: about.tps,
    registeredOn: about.registeredOn,
    latestContactOn: callDates.at(-1) ?? null,
    consent: about.consent,
    askedToStop: about.askedToStop,
  });
}

/**
 * `sql`, when given, sends the one insert straight through the driver (server/db.ts), not through
 * Prisma, whose own CPU per query was a large share of a report's cost on the server (issue 15).
 */
export async function submitNuisanceReport(deps: { prisma: PrismaClient; sql?: Sql; now?: () => Date }, input: ReportInput): Promise<StoredReport> {
  if (input.contacts.length === 0) throw new NuisanceError("no_contacts");
  if (input.contacts.length > MAX_CONTACTS) throw new NuisanceError("too_many");
  const now = (deps.now ?? (() => new Date()))();
  const emlIds = input.contacts.map((c) => c.emlId).filter((id): id is string => Boolean(id));
  if (emlIds.length > 0 && (await deps.prisma.nuisanceEml.count({ where: { id: { in: emlIds } } })) !== emlIds.length) throw new NuisanceError("eml_missing");
  try {
    const run: RunSql = deps.sql ? (text, params) => deps.sql!.query(text, params) : (text, params) => deps.prisma.$queryRawUnsafe(text, ...params);
    const stored = await insertReport(run, input, now);
    if (stored) return stored;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // The same key was sent before (a double click, a resubmit): that report is the answer.
  const winner = await findByKey(deps.prisma, input.idempotencyKey);
  if (!winner) throw new Error("nuisance report neither stored nor found");
  return winner;
}

async function findByKey(prisma: PrismaClient, key: string): Promise<StoredReport | null> {
  const row = await prisma.nuisanceReport.findUnique({ where: { idempotencyKey: key }, select: { id: true, reference: true, advice: true } });
  return row ? { id: row.id, reference: row.reference, advice: row.advice as Advice[], created: false } : null;
}

/** Stands in for the reference in texts built before the reference exists; the SQL swaps it in. */
const REFERENCE_MARK = "__NUI_REFERENCE__";

/**
 * The reference, the report, its contacts, the offender summary, the outbox event and the email
 * in ONE statement (data-modifying CTEs): atomic like a transaction, but one round trip instead
 * of a dozen, which is most of the cost of a submission. Returns null when the idempotency key
 * is already taken.
 */
type RunSql = <T>(text: string, params: unknown[]) => Promise<T[]>;

async function insertReport(run: RunSql, input: ReportInput, now: Date): Promise<StoredReport | null> {
  const id = crypto.randomUUID();
  // Each contact's keys once (parsing a number is most of the CPU here): for the advice and the rows.
  const keyed = input.contacts.map((c) => ({ c, keys: contactKeys(c) }));
  const advice = adviceFor(input.contacts, input.about, keyed.map((k) => k.keys));
  const tpsOf = (c: (typeof input.contacts)[number]) => tpsAppliedTo(input.about, { kind: c.kind, date: c.date });
  const contacts = keyed.map(({ c, keys }, position) => ({
    position,
    kind: c.kind,
    occurredAt: keys.occurredAt.toISOString(),
    timeKnown: keys.timeKnown,
    fromStatus: c.fromStatus,
    fromTyped: keys.fromTyped,
    fromNumber: keys.fromNumber,
    fromUnparsed: keys.fromUnparsed,
    premiumRate: keys.premiumRate,
    senderAddress: keys.senderAddress,
    senderDomain: keys.senderDomain,
    toTyped: c.to || null,
    company: c.company || null,
    companyNormalised: keys.companyNormalised,
    topic: c.topic,
    message: c.message || null,
    subject: c.subject || null,
    description: c.description || null,
    emlId: c.emlId ?? null,
    tpsRegistered: tpsOf(c),
  }));
  const summary = summaryRows(
    keyed.map(({ c, keys }) => ({ keys, kind: c.kind, topic: c.topic, company: c.company || null, tps: tpsOf(c) })),
    now,
  ).map((r) => ({ ...r, firstSeen: r.firstSeen.toISOString(), lastSeen: r.lastSeen.toISOString(), topics: `{${r.topics.join(",")}}` }));
  const payload = {
    reference: REFERENCE_MARK,
    language: input.language,
    receivedAt: now.toISOString(),
    about: input.about,
    wantsReply: input.you.wantsReply,
    // A reply was asked for: the back office needs who to reply to and how (issue 13).
    replyTo: input.you.wantsReply ? { name: input.you.name, email: input.you.email, phone: input.you.phone } : null,
    advice,
    contacts: contacts.map((c) => ({
      kind: c.kind,
      occurredAt: c.occurredAt,
      timeKnown: c.timeKnown,
      fromStatus: c.fromStatus,
      fromNumber: c.fromNumber,
      fromTyped: c.fromTyped,
      fromUnparsed: c.fromUnparsed,
      premiumRate: c.premiumRate,
      senderAddress: c.senderAddress,
      company: c.company,
      companyNormalised: c.companyNormalised,
      topic: c.topic,
      tpsRegistered: c.tpsRegistered,
    })),
  };
  const email = input.you.email ? (input.acknowledgement?.({ reference: REFERENCE_MARK, advice, contactCount: input.contacts.length }) ?? null) : null;
  // Kept as given: an address alone is for the acknowledgement; a reply is only sent when asked for.
  const you = input.you;
  const rows = await run<{ reference: string }>(
    `WITH counter AS (
       INSERT INTO "ReferenceCounter" ("type", "value") VALUES ('NUI', 1)
       ON CONFLICT ("type") DO UPDATE SET "value" = "ReferenceCounter"."value" + 1
       RETURNING "value"
     ), report AS (
       INSERT INTO "NuisanceReport" ("id", "reference", "language", "receivedAt", "tps", "registeredOn", "consent", "askedToStop", "wantsReply", "name", "email", "phone", "advice", "contactCount", "idempotencyKey")
       SELECT $1::uuid, 'NUI' || lpad(counter."value"::text, 7, '0'), $2::"Language", $3::timestamptz, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14 FROM counter
       ON CONFLICT ("idempotencyKey") DO NOTHING
       RETURNING "id", "reference"
     ), contacts AS (
       INSERT INTO "NuisanceContact" ("reportId", "position", "kind", "occurredAt", "timeKnown", "fromStatus", "fromTyped", "fromNumber", "fromUnparsed", "premiumRate",
                                      "senderAddress", "senderDomain", "toTyped", "company", "companyNormalised", "topic", "message", "subject", "description", "tpsRegistered", "emlId")
       SELECT report."id", c."position", c."kind"::"NuisanceKind", c."occurredAt", c."timeKnown", c."fromStatus", c."fromTyped", c."fromNumber", c."fromUnparsed", c."premiumRate",
              c."senderAddress", c."senderDomain", c."toTyped", c."company", c."companyNormalised", c."topic", c."message", c."subject", c."description", c."tpsRegistered", c."emlId"
       FROM report, jsonb_to_recordset($15::jsonb) AS c("position" int, "kind" text, "occurredAt" timestamptz, "timeKnown" boolean, "fromStatus" text, "fromTyped" text,
            "fromNumber" text, "fromUnparsed" boolean, "premiumRate" boolean, "senderAddress" text, "senderDomain" text, "toTyped" text, "company" text,
            "companyNormalised" text, "topic" text, "message" text, "subject" text, "description" text, "emlId" uuid, "tpsRegistered" boolean)
       RETURNING 1
     ), summary AS (
       INSERT INTO "NuisanceOffender" AS o ("dimension", "key", "label", "total", "d7", "d30", "d90", "firstSeen", "lastSeen", "tpsCount", "kinds", "topics")
       SELECT s."dimension", s."key", s."label", s."total", s."d7", s."d30", s."d90", s."firstSeen", s."lastSeen", s."tpsCount", s."kinds", s."topics"::int[]
       FROM report, jsonb_to_recordset($16::jsonb) AS s("dimension" text, "key" text, "label" text, "total" int, "d7" int, "d30" int, "d90" int,
            "firstSeen" timestamptz, "lastSeen" timestamptz, "tpsCount" int, "kinds" int, "topics" text)
       ORDER BY s."dimension", s."key"
       ${SUMMARY_CONFLICT}
       RETURNING 1
     ), outbox AS (
       INSERT INTO "OutboxEvent" ("id", "aggregateType", "aggregateId", "eventType", "schemaVersion", "createdAt", "payload")
       SELECT $17::uuid, '${CREATED_EVENT.aggregateType}', report."id"::text, '${CREATED_EVENT.eventType}', ${CREATED_EVENT.schemaVersion}, $3::timestamptz,
              jsonb_set($18::jsonb, '{reference}', to_jsonb(report."reference"))
       FROM report
       RETURNING 1
     ), mail AS (
       INSERT INTO "EmailMessage" ("id", "to", "subject", "text", "language", "kind", "createdAt")
       SELECT $19::uuid, $20, replace($21, $24, report."reference"), replace($22, $24, report."reference"), $23::"Language", 'nuisance_acknowledgement', $3::timestamptz
       FROM report WHERE $20::text IS NOT NULL
       RETURNING 1
     )
     SELECT report."reference" FROM report`,
    [
    id,
    input.language,
    now,
    input.about.tps,
    input.about.registeredOn,
    input.about.consent,
    input.about.askedToStop,
    input.you.wantsReply,
    you.name,
    you.email,
    you.phone,
    JSON.stringify(advice),
    input.contacts.length,
    input.idempotencyKey,
    JSON.stringify(contacts),
    JSON.stringify(summary),
    crypto.randomUUID(),
    JSON.stringify(EVENT_CATALOGUE["nuisance_report.created"].data.parse(payload)),
    crypto.randomUUID(),
    email?.to ?? null,
    email?.subject ?? "",
    email?.text ?? "",
    email?.language ?? input.language,
    REFERENCE_MARK,
  ]);
  const reference = rows[0]?.reference;
  return reference ? { id, reference, advice, created: true } : null;
}
