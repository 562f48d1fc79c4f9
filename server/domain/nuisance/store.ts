// Storing a report: the report, all its contacts, an outbox event for the back office and any
// acknowledgement email, in one transaction. The same idempotency key twice stores one report.
import type { Prisma as PrismaNamespace, PrismaClient } from "../../../generated/prisma/client.js";
import { isUniqueViolation } from "../cases/create-case.js";
import type { IsoDate } from "../cases/working-days.js";
import { chooseAdvice, type Advice, type PreferenceAnswer } from "./advice.js";
import { contactKeys, type DraftContact } from "./contact.js";
import { MAX_CONTACTS } from "./kinds.js";
import { addToSummary, summaryRows } from "./summary.js";

export const NUISANCE_EVENT_SCHEMA_VERSION = 1;
type Tx = PrismaNamespace.TransactionClient;
type Lang = "en" | "cy";

export type AboutYou = {
  tps: PreferenceAnswer;
  registeredOn: IsoDate | null;
  consent: "no" | "consented" | "customer" | "not_sure";
  askedToStop: "yes" | "no";
};

export type YourDetails = { wantsReply: boolean; name: string | null; email: string | null; phone: string | null };

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
export function adviceFor(contacts: readonly DraftContact[], about: AboutYou): Advice[] {
  const keys = contacts.map((c) => contactKeys(c));
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

export async function submitNuisanceReport(deps: { prisma: PrismaClient; now?: () => Date }, input: ReportInput): Promise<StoredReport> {
  if (input.contacts.length === 0) throw new NuisanceError("no_contacts");
  if (input.contacts.length > MAX_CONTACTS) throw new NuisanceError("too_many");
  const existing = await findByKey(deps.prisma, input.idempotencyKey);
  if (existing) return existing;
  const now = (deps.now ?? (() => new Date()))();
  try {
    return await deps.prisma.$transaction((tx) => insertReport(tx, input, now));
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await findByKey(deps.prisma, input.idempotencyKey);
      if (winner) return winner;
    }
    throw error;
  }
}

async function findByKey(prisma: PrismaClient, key: string): Promise<StoredReport | null> {
  const row = await prisma.nuisanceReport.findUnique({ where: { idempotencyKey: key }, select: { id: true, reference: true, advice: true } });
  return row ? { id: row.id, reference: row.reference, advice: row.advice as Advice[], created: false } : null;
}

async function insertReport(tx: Tx, input: ReportInput, now: Date): Promise<StoredReport> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "ReferenceCounter" ("type", "value") VALUES ('NUI', 1)
    ON CONFLICT ("type") DO UPDATE SET "value" = "ReferenceCounter"."value" + 1
    RETURNING "value"`;
  const reference = formatReportReference(Number(rows[0]!.value));
  const advice = adviceFor(input.contacts, input.about);
  // Kept as given: an address alone is for the acknowledgement; a reply is only sent when asked for.
  const you = input.you;
  const report = await tx.nuisanceReport.create({
    data: {
      reference,
      language: input.language,
      receivedAt: now,
      tps: input.about.tps,
      registeredOn: input.about.registeredOn,
      consent: input.about.consent,
      askedToStop: input.about.askedToStop,
      wantsReply: input.you.wantsReply,
      name: you.name,
      email: you.email,
      phone: you.phone,
      advice,
      contactCount: input.contacts.length,
      idempotencyKey: input.idempotencyKey,
    },
    select: { id: true },
  });
  const tpsRegistered = input.about.tps === "yes";
  const emlIds = input.contacts.map((c) => c.emlId).filter((id): id is string => Boolean(id));
  if (emlIds.length > 0) {
    const found = await tx.nuisanceEml.count({ where: { id: { in: emlIds } } });
    if (found !== emlIds.length) throw new NuisanceError("eml_missing");
  }
  // One INSERT for all contacts: a report of 50 costs one round trip, not 50.
  await tx.nuisanceContact.createMany({
    data: input.contacts.map((c, position) => {
      const keys = contactKeys(c);
      return {
        reportId: report.id,
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
        toTyped: c.to || null,
        company: c.company || null,
        companyNormalised: keys.companyNormalised,
        topic: c.topic,
        message: c.message || null,
        subject: c.subject || null,
        description: c.description || null,
        tpsRegistered,
        emlId: c.emlId ?? null,
      };
    }),
  });
  await addToSummary(
    tx,
    summaryRows(
      input.contacts.map((c) => ({ keys: contactKeys(c), kind: c.kind, topic: c.topic, company: c.company || null })),
      tpsRegistered,
      now,
    ),
  );
  await tx.outboxEvent.create({
    data: {
      aggregateType: "nuisance_report",
      aggregateId: report.id,
      eventType: "nuisance_report.created",
      schemaVersion: NUISANCE_EVENT_SCHEMA_VERSION,
      createdAt: now,
      payload: {
        reference,
        language: input.language,
        receivedAt: now.toISOString(),
        about: input.about,
        wantsReply: input.you.wantsReply,
        advice,
        contacts: input.contacts.map((c) => {
          const keys = contactKeys(c);
          return {
            kind: c.kind,
            occurredAt: keys.occurredAt.toISOString(),
            timeKnown: keys.timeKnown,
            fromStatus: c.fromStatus,
            fromNumber: keys.fromNumber,
            fromTyped: keys.fromTyped,
            fromUnparsed: keys.fromUnparsed,
            premiumRate: keys.premiumRate,
            senderAddress: keys.senderAddress,
            company: c.company || null,
            companyNormalised: keys.companyNormalised,
            topic: c.topic,
          };
        }),
      },
    },
  });
  const email = input.you.email ? input.acknowledgement?.({ reference, advice, contactCount: input.contacts.length }) : null;
  if (email) await tx.emailMessage.create({ data: { ...email, createdAt: now } });
  return { id: report.id, reference, advice, created: true };
}
