// An officer writes to the customer from a case: a template (acknowledgement, request for more
// information, outcome for the case's type, closing) in the case's language, or both languages
// when the customer asked for both, edited before sending. The customer's flags decide the form:
// large print → a PDF at the agreed size goes with it; "phone calls instead of writing" → the
// officer is stopped and logs a call task instead; restricted contact → only the channel the
// arrangement allows, only to the customer's own contact details; no further contact → nothing.
// Email goes through the EmailMessage outbox and the mail worker; a letter is kept on the
// timeline and printed as a PDF with the address block.
import { z } from "zod";
import cyDomain from "../../locales/cy/domain.json";
import enDomain from "../../locales/en/domain.json";
import type { Prisma } from "../db";
import { addWorkingDaysFrom } from "../domain/cases/working-days.js";
import { isValidOutcome, outcomesFor } from "../domain/cases/outcomes.js";
import { requestCallback } from "../domain/cases/case-work.js";
import type { CaseType } from "../domain/cases/case-types.js";
import { correspondencePdf, type LetterPart } from "./letter-pdf";
import type { StoredAttachment } from "./outgoing";
import { mailText, type Lang } from "./texts";

export const TEMPLATES = ["acknowledgement", "more_information", "outcome", "closing"] as const;
export type Template = (typeof TEMPLATES)[number];
export const CHANNELS_OUT = ["email", "letter"] as const;
export type ChannelOut = (typeof CHANNELS_OUT)[number];
export const LANGUAGE_CHOICES = ["en", "cy", "both"] as const;

export class WriteError extends Error {
  constructor(readonly code: "not_found" | "no_customer" | "phone_instead" | "channel_not_allowed" | "no_email" | "no_address" | "no_further_contact" | "invalid_outcome") {
    super(code);
  }
}

export type WriteRules = {
  /** Agreed large print: the point size. */
  largePrint: number | null;
  /** Agreed "phone calls instead of writing": the officer must phone. */
  phoneInstead: boolean;
  /** Restricted contact: the arrangement, and the channels it allows. */
  restricted: { arrangement: string; channels: ChannelOut[] } | null;
  noFurtherContact: boolean;
  /** Agreed "email, not post". */
  emailNotPost: boolean;
};

/** Which written channels a restricted-contact arrangement allows, read from its words (EN or CY). */
export function channelsAllowedBy(arrangement: string): ChannelOut[] {
  const a = arrangement.toLowerCase();
  const letter = /\b(letters?|post(al)?|llythyr(au)?|post)\b/.test(a);
  const email = /\b(e-?mail|e-bost)\b/.test(a);
  if (letter && !email) return ["letter"];
  if (email && !letter) return ["email"];
  return ["email", "letter"];
}

const outcomeLabel = (lang: Lang, key: string) => ((lang === "cy" ? cyDomain : enDomain).outcomes as Record<string, string>)[key] ?? key;

export async function loadWriteContext(prisma: Prisma, reference: string) {
  const c = await prisma.case.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      language: true,
      title: true,
      outcome: true,
      answerDueAt: true,
      assignedToId: true,
      details: true,
      parties: { where: { role: "customer" }, select: { party: { select: { id: true, name: true, email: true, phone: true, preferredLanguage: true } } } },
    },
  });
  if (!c) return null;
  const customer = c.parties[0]?.party ?? null;
  const rules: WriteRules = { largePrint: null, phoneInstead: false, restricted: null, noFurtherContact: false, emailNotPost: false };
  if (customer) {
    const flags = await prisma.partyFlag.findMany({ where: { partyId: customer.id, clearedAt: null }, select: { kind: true, summary: true } });
    for (const f of flags) {
      if (f.kind === "restricted_contact") rules.restricted = { arrangement: f.summary, channels: channelsAllowedBy(f.summary) };
      if (f.kind === "no_further_contact") rules.noFurtherContact = true;
    }
    const adjustments = await prisma.adjustmentRequest.findMany({ where: { partyId: customer.id, status: { in: ["agreed", "partly_agreed"] }, removedAt: null }, select: { needs: true, agreedNeeds: true } });
    for (const adj of adjustments) {
      const agreed = Array.isArray(adj.agreedNeeds) ? (adj.agreedNeeds as string[]) : [];
      const needs = Array.isArray(adj.needs) ? (adj.needs as { code: string; size?: string }[]) : [];
      if (agreed.includes("large_print")) {
        const size = Number(needs.find((n) => n.code === "large_print")?.size ?? 16);
        rules.largePrint = Math.max(rules.largePrint ?? 0, Number.isFinite(size) && size >= 12 && size <= 48 ? size : 16);
      }
      if (agreed.includes("phone_not_writing")) rules.phoneInstead = true;
      if (agreed.includes("email_not_post")) rules.emailNotPost = true;
    }
  }
  const details = (c.details ?? {}) as Record<string, unknown>;
  const address = typeof details.postalAddress === "string" ? details.postalAddress : "";
  // Both languages when the customer's own language differs from the case's (they wrote in one and asked for the other) or asked for both.
  const both = details.correspondenceLanguage === "both" || (customer?.preferredLanguage && customer.preferredLanguage !== c.language);
  const defaultLanguages: Lang[] = both ? ["cy", "en"] : [c.language];
  return { case: c, customer, rules, address, defaultLanguages };
}

export type WriteContext = NonNullable<Awaited<ReturnType<typeof loadWriteContext>>>;

export function templateText(lang: Lang, template: Template, ctx: WriteContext, extra: { officer: string; outcome?: string | null; now: Date }) {
  const fmt = (d: Date) => new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(d);
  const values = {
    reference: ctx.case.reference,
    name: ctx.customer?.name ?? "",
    officer: extra.officer,
    answerBy: fmt(ctx.case.answerDueAt),
    replyBy: fmt(addWorkingDaysFrom(extra.now, 10)),
    outcome: extra.outcome ? outcomeLabel(lang, extra.outcome) : "",
  };
  return { subject: mailText(lang, `templates.${template}.subject`, values), body: mailText(lang, `templates.${template}.body`, values) };
}

export function outcomeChoices(type: string) {
  return outcomesFor(type as CaseType);
}

const text = (max: number) => z.string().trim().max(max, "staff-correspondence:errors.tooLong");

export const SendSchema = z
  .object({
    template: z.enum(TEMPLATES),
    channel: z.enum(CHANNELS_OUT, "staff-correspondence:errors.channelOut"),
    languages: z.enum(LANGUAGE_CHOICES),
    outcome: z.string().max(100).optional(),
    subject_en: text(300).optional(),
    body_en: text(20_000).optional(),
    subject_cy: text(300).optional(),
    body_cy: text(20_000).optional(),
    address: text(500).optional(),
  })
  .superRefine((v, ctx) => {
    for (const l of v.languages === "both" ? (["cy", "en"] as const) : [v.languages]) {
      if (!v[`subject_${l}`]) ctx.addIssue({ code: "custom", path: [`subject_${l}`], message: "staff-correspondence:errors.subject" });
      if (!v[`body_${l}`]) ctx.addIssue({ code: "custom", path: [`body_${l}`], message: "staff-correspondence:errors.body" });
    }
  });
export type SendInput = z.output<typeof SendSchema>;

export const langsOf = (choice: SendInput["languages"]): Lang[] => (choice === "both" ? ["cy", "en"] : [choice]);

/** Refuses what the customer's flags do not allow. The same check runs when the page is shown and when it is sent. */
export function checkRules(ctx: WriteContext, channel: ChannelOut) {
  if (!ctx.customer) throw new WriteError("no_customer");
  if (ctx.rules.noFurtherContact) throw new WriteError("no_further_contact");
  if (ctx.rules.phoneInstead) throw new WriteError("phone_instead");
  if (ctx.rules.restricted && !ctx.rules.restricted.channels.includes(channel)) throw new WriteError("channel_not_allowed");
  if (channel === "letter" && ctx.rules.emailNotPost && ctx.customer.email) throw new WriteError("channel_not_allowed");
  if (channel === "email" && !ctx.customer.email) throw new WriteError("no_email");
}

function letterParts(input: SendInput, reference: string, now: Date): LetterPart[] {
  return langsOf(input.languages).map((l) => ({
    subject: input[`subject_${l}`]!,
    body: input[`body_${l}`]!,
    dateLine: new Intl.DateTimeFormat(l === "cy" ? "cy-GB" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(now),
    referenceLine: mailText(l, "letter.reference", { reference }),
  }));
}

export async function sendCorrespondence(deps: { prisma: Prisma; now?: () => Date }, actorId: string, reference: string, input: SendInput) {
  const now = (deps.now ?? (() => new Date()))();
  const ctx = await loadWriteContext(deps.prisma, reference);
  if (!ctx) throw new WriteError("not_found");
  checkRules(ctx, input.channel);
  if (input.template === "outcome" && (!input.outcome || !isValidOutcome(ctx.case.type as CaseType, input.outcome))) throw new WriteError("invalid_outcome");
  const langs = langsOf(input.languages);
  const size = ctx.rules.largePrint ?? 12;
  const parts = letterParts(input, ctx.case.reference, now);
  const customer = ctx.customer!;
  if (input.channel === "letter") {
    const address = (input.address ?? ctx.address).trim();
    if (!address) throw new WriteError("no_address");
    const event = await deps.prisma.$transaction(async (tx) => {
      const e = await tx.caseEvent.create({
        data: { caseId: ctx.case.id, kind: "letter_printed", at: now, actorId, data: { template: input.template, languages: langs, size, address: [customer.name, ...address.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)], parts } as object },
      });
      await tx.auditEvent.create({ data: { at: now, actorId, action: "case.letter", entityType: "Case", entityId: ctx.case.id, data: { eventId: e.id, template: input.template, languages: langs, size } } });
      return e;
    });
    return { channel: "letter" as const, eventId: event.id };
  }
  const attachments: StoredAttachment[] = [];
  if (ctx.rules.largePrint) {
    const pdf = await correspondencePdf({ title: `${ctx.case.reference} – ${parts[0]!.subject}`, size, parts });
    attachments.push({ fileName: `${ctx.case.reference}-large-print.pdf`, contentType: "application/pdf", base64: Buffer.from(pdf).toString("base64") });
  }
  const subject = langs.map((l) => input[`subject_${l}`]!).join(" / ");
  const body = langs.map((l) => input[`body_${l}`]!).join("\n\n— — —\n\n");
  const email = await deps.prisma.$transaction(async (tx) => {
    const e = await tx.emailMessage.create({
      data: { to: customer.email!, subject, text: body, language: langs[0]!, kind: `case_${input.template}`, caseId: ctx.case.id, createdAt: now, nextAttemptAt: now, attachments: attachments.length ? (attachments as object) : undefined },
    });
    await tx.caseEvent.create({ data: { caseId: ctx.case.id, kind: "correspondence_out", at: now, actorId, data: { emailId: e.id, template: input.template, languages: langs, channel: "email", largePrint: ctx.rules.largePrint } } });
    await tx.auditEvent.create({ data: { at: now, actorId, action: "case.write", entityType: "Case", entityId: ctx.case.id, data: { emailId: e.id, template: input.template, languages: langs, largePrint: ctx.rules.largePrint } } });
    return e;
  });
  return { channel: "email" as const, emailId: email.id };
}

/** The printable letter kept on a case's timeline. */
export async function letterFor(prisma: Prisma, reference: string, eventId: string) {
  const e = await prisma.caseEvent.findFirst({ where: { id: eventId, kind: "letter_printed", case: { reference } }, select: { data: true } });
  if (!e) return null;
  const d = e.data as { size: number; address: string[]; parts: LetterPart[] };
  return correspondencePdf({ title: `${reference} – ${d.parts[0]?.subject ?? ""}`, size: d.size, address: d.address, parts: d.parts });
}

export const CallTaskSchema = z.object({ note: z.string("staff-correspondence:errors.callNote").trim().min(1, "staff-correspondence:errors.callNote").max(2000, "staff-correspondence:errors.tooLong") });

/**
 * Instead of writing (the customer asked for phone calls): a callback through the existing case
 * work (due in 2 working days, counted in the case's nearest clock), marked as a call task.
 */
export async function logCallTask(deps: { prisma: Prisma; now?: () => Date }, actor: { id: string; roles: readonly string[] }, reference: string, note: string) {
  const now = (deps.now ?? (() => new Date()))();
  const callback = await requestCallback({ prisma: deps.prisma, now: () => now }, actor, reference, { note });
  const c = await deps.prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  await deps.prisma.caseEvent.create({ data: { caseId: c.id, kind: "call_task", at: now, actorId: actor.id, data: { callbackId: callback.id, note, insteadOfWriting: true } } });
  return callback;
}
