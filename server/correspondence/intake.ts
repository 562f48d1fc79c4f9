// Staff intake: a case that arrived by phone, letter or email, created by staff through the same
// createCase() as the web forms, so it gets the same types, work queues, clocks, outbox event and
// acknowledgement (by email when there is an address; otherwise the officer prints the letter).
import { z } from "zod";
import type { Prisma } from "../db";
import { CASE_TYPES, createCase, isComplaintInTime, SECTORS, type CaseType, type CreatedCase } from "../domain/cases/index.js";
import { mailText, type Lang } from "./texts";

import { INTAKE_CHANNELS } from "./lists";

export { INTAKE_CHANNELS };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "staff-correspondence:errors.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const IntakeSchema = z
  .object({
    type: z.enum(CASE_TYPES, "staff-correspondence:errors.type"),
    channel: z.enum(INTAKE_CHANNELS, "staff-correspondence:errors.channel"),
    language: z.enum(["en", "cy"], "staff-correspondence:errors.language"),
    summary: z.string("staff-correspondence:errors.summary").trim().min(1, "staff-correspondence:errors.summary").max(10_000, "staff-correspondence:errors.tooLong"),
    organisation: optionalText(200),
    sector: z.enum(SECTORS).optional(),
    name: z.string("staff-correspondence:errors.name").trim().min(1, "staff-correspondence:errors.name").max(200, "staff-correspondence:errors.tooLong"),
    email: z.preprocess((v) => (v === "" ? undefined : v), z.email("staff-correspondence:errors.email").max(254).optional()),
    phone: optionalText(40),
    address: optionalText(500),
    // For a complaint about our service: the date of what they complain about (3-month window).
    eventOn: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("staff-correspondence:errors.eventOn").optional()),
  })
  .refine((v) => v.type !== "RCC" || v.eventOn, { path: ["eventOn"], message: "staff-correspondence:errors.eventOn" });

export type IntakeInput = z.output<typeof IntakeSchema>;

/** The acknowledgement every new case gets, in the case's language: the same promise as the web forms. */
export function intakeAcknowledgement(lang: Lang, c: Pick<CreatedCase, "reference" | "type" | "clocks">, to: string, name: string) {
  const answerBy = c.type === "RCC" ? c.clocks.answerBy : c.clocks.answerBy;
  const date = new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(answerBy);
  const values = { reference: c.reference, name, date };
  return {
    to,
    subject: mailText(lang, "caseAck.subject", values),
    text: [mailText(lang, "caseAck.greeting", values), "", mailText(lang, "caseAck.body", values), "", mailText(lang, "caseAck.next", values), "", mailText(lang, "received.quote", values), "", mailText(lang, "received.signoff")].join("\n"),
    language: lang,
    kind: "case_acknowledgement",
  };
}

export async function createStaffCase(deps: { prisma: Prisma; now?: () => Date }, actorId: string, input: IntakeInput, options: { alsoInTransaction?: Parameters<typeof createCase>[1]["alsoInTransaction"] } = {}) {
  const now = (deps.now ?? (() => new Date()))();
  const details: Record<string, unknown> = { intake: { channel: input.channel, by: actorId } };
  if (input.address) details.postalAddress = input.address;
  let late = false;
  if (input.type === "RCC" && input.eventOn) {
    const inTime = isComplaintInTime(input.eventOn, now);
    details.eventOn = input.eventOn;
    details.inTime = inTime;
    late = !inTime;
  }
  return createCase(
    { prisma: deps.prisma, now: () => now },
    {
      type: input.type as CaseType,
      channel: input.channel,
      language: input.language,
      summary: input.summary,
      subject: input.organisation,
      details,
      late,
      actorId,
      customer: { name: input.name, email: input.email ?? null, phone: input.phone ?? null, preferredLanguage: input.language },
      ...(input.organisation ? { organisation: { name: input.organisation, sector: input.sector ?? null } } : {}),
      emails: input.email ? (created) => [intakeAcknowledgement(input.language, created, input.email!, input.name)] : undefined,
      alsoInTransaction: options.alsoInTransaction,
    },
  );
}
