// The report form that follows a "report it to us" outcome: which page comes next, and each
// page's answers checked with zod (messages are i18n keys in the concerns namespace).
import { isPossiblePhoneNumber } from "libphonenumber-js";
import { redirect, type AppLoadContext } from "react-router";
import { z } from "zod";
import {
  AUTHORITIES,
  CONTACT_METHODS,
  isReportOutcome,
  canShow,
  isReportStep,
  REPORT_LIMITS,
  reportSteps,
  walkReport,
  type Outcome,
  type Report,
  type ReportStep,
  type TimelineEntry,
} from "../../server/domain/concerns";
import type { FieldError } from "./concerns";
import { loadJourney, readDate, redirectToJourney } from "./concerns.server";
import { localePath } from "./lang";

export async function loadReport(request: Request, context: AppLoadContext) {
  const journey = await loadJourney(request, context);
  const { evaluation, lang, draft } = journey;
  if (!isReportOutcome(evaluation.outcome)) {
    if (evaluation.next) redirectToJourney(evaluation, lang);
    throw redirect(localePath("/concerns/result", lang));
  }
  const outcome = evaluation.outcome as Extract<Outcome, { kind: "report" | "report_late" }>;
  const late = outcome.kind === "report_late";
  const walk = walkReport(draft.report, late);
  return { ...journey, outcome, late, steps: reportSteps(late), walk, next: walk.next };
}

/** Report pages can be revisited, but not skipped: a page ahead of the first incomplete one goes back to it. */
export function guardReportStep(step: string | undefined, report: Awaited<ReturnType<typeof loadReport>>): ReportStep {
  if (!isReportStep(step) || !canShow(report.walk, step)) throw redirect(localePath(report.next ? `/concerns/report/${report.next}` : "/concerns/report/check", report.lang));
  return step;
}

export function reportBackLink(step: ReportStep, late: boolean, change: boolean): string {
  if (change) return "/concerns/report/check";
  const steps = reportSteps(late);
  const index = steps.indexOf(step);
  return index > 0 ? `/concerns/report/${steps[index - 1]}` : "/concerns/result";
}

const text = (max: number, required: string, tooLong: string) => z.string({ error: required }).trim().min(1, required).max(max, tooLong);
const yesNo = (required: string) => z.enum(["yes", "no"], { error: required });
const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).optional().default("");

export const ReportSchemas = {
  "late-reason": z.object({
    lateReason: text(REPORT_LIMITS.lateReasonMax, "report.late-reason.required", "report.late-reason.tooLong"),
    lateDisability: yesNo("report.late-reason.disabilityRequired"),
  }),
  details: z.object({ description: text(REPORT_LIMITS.descriptionMax, "report.details.required", "report.details.tooLong") }),
  wanted: z.object({ wanted: text(REPORT_LIMITS.wantedMax, "report.wanted.required", "report.wanted.tooLong") }),
  representative: z.discriminatedUnion(
    "representative",
    [
      z.object({ representative: z.literal("no") }),
      z.object({
        representative: z.literal("yes"),
        representedName: text(REPORT_LIMITS.nameMax, "report.representative.nameRequired", "report.representative.nameTooLong"),
        relationship: text(REPORT_LIMITS.relationshipMax, "report.representative.relationshipRequired", "report.representative.relationshipTooLong"),
        authority: z.enum(AUTHORITIES, { error: "report.representative.authorityRequired" }),
      }),
    ],
    { error: "report.representative.required" },
  ),
  contact: z
    .object({
      name: text(REPORT_LIMITS.nameMax, "report.contact.nameRequired", "report.contact.nameTooLong"),
      email: z
        .string({ error: "report.contact.emailRequired" })
        .trim()
        .min(1, "report.contact.emailRequired")
        .max(254, "report.contact.emailInvalid")
        .pipe(z.email("report.contact.emailInvalid")),
      contactMethod: z.enum(CONTACT_METHODS, { error: "report.contact.methodRequired" }),
      phone: z
        .string()
        .trim()
        .max(40, "report.contact.phoneInvalid")
        .optional()
        .default("")
        .refine((v) => v === "" || isPossiblePhoneNumber(v, "GB"), "report.contact.phoneInvalid"),
      address: optionalText(REPORT_LIMITS.addressMax, "report.contact.addressTooLong"),
    })
    .superRefine((v, ctx) => {
      if (v.contactMethod === "phone" && v.phone === "") ctx.addIssue({ code: "custom", path: ["phone"], message: "report.contact.phoneRequired" });
      if (v.contactMethod === "post" && v.address === "") ctx.addIssue({ code: "custom", path: ["address"], message: "report.contact.addressRequired" });
    }),
  language: z.object({ language: z.enum(["en", "cy"], { error: "report.language.required" }) }),
  adjustments: z.discriminatedUnion(
    "adjustments",
    [
      z.object({ adjustments: z.literal("no") }),
      z.object({ adjustments: z.literal("yes"), adjustmentsDetail: optionalText(REPORT_LIMITS.adjustmentsMax, "report.adjustments.detailTooLong") }),
    ],
    { error: "report.adjustments.required" },
  ),
} as const;

export type ParsedStep = { ok: true; patch: Partial<Report> } | { ok: false; errors: FieldError[]; values: Record<string, string> };

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "csrf") values[key] = value;
  return values;
}

/** Field order on the page, so the error summary lists errors as the fields come. */
const FIELD_ORDER = ["lateReason", "lateDisability", "description", "wanted", "representative", "representedName", "relationship", "authority", "name", "email", "contactMethod", "phone", "address", "language", "adjustments", "adjustmentsDetail"];

export function parseReportStep(step: Exclude<ReportStep, "timeline" | "files">, form: FormData): ParsedStep {
  const schema = ReportSchemas[step] as z.ZodType;
  const values = formValues(form);
  // Fields the page does not show for the option chosen are not read (e.g. a phone number when writing is wanted).
  const input: Record<string, unknown> = { ...values };
  const result = schema.safeParse(input);
  if (result.success) {
    const patch = result.data as Partial<Report>;
    if (step === "representative" && patch.representative === "no") return { ok: true, patch: { representative: "no", representedName: undefined, relationship: undefined, authority: undefined } };
    if (step === "adjustments" && patch.adjustments === "no") return { ok: true, patch: { adjustments: "no", adjustmentsDetail: undefined } };
    return { ok: true, patch };
  }
  const errors = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? (step === "representative" ? "representative" : step === "adjustments" ? "adjustments" : ""));
    if (field && !errors.has(field)) errors.set(field, issue.message);
  }
  const ordered = [...errors.entries()].sort((a, b) => FIELD_ORDER.indexOf(a[0]) - FIELD_ORDER.indexOf(b[0]));
  return { ok: false, errors: ordered.map(([field, key]) => ({ field, key })), values };
}

const EntryTextSchema = text(REPORT_LIMITS.timelineTextMax, "report.timeline.textRequired", "report.timeline.textTooLong");

/** The timeline page: add an entry, remove one, or continue (adding what was typed first). */
export function parseTimeline(form: FormData, own: TimelineEntry[], today: string): ({ ok: true; timeline: TimelineEntry[]; done: boolean; notice?: "added" | "removed" }) | ({ ok: false; errors: FieldError[]; values: Record<string, string> }) {
  const intent = String(form.get("intent") ?? "continue");
  const values = formValues(form);
  if (intent.startsWith("remove:")) {
    const index = Number(intent.slice("remove:".length));
    if (!Number.isInteger(index) || index < 0 || index >= own.length) return { ok: true, timeline: own, done: false };
    return { ok: true, timeline: own.filter((_, i) => i !== index), done: false, notice: "removed" };
  }
  const typed = ["entryDate-day", "entryDate-month", "entryDate-year", "entryText"].some((k) => String(form.get(k) ?? "").trim() !== "");
  if (intent === "continue" && !typed) return { ok: true, timeline: own, done: true };
  const errors: FieldError[] = [];
  if (own.length >= REPORT_LIMITS.timelineEntriesMax) return { ok: false, errors: [{ field: "entryText", key: "report.timeline.tooMany" }], values };
  const date = readDate(form, "entryDate", { today, dateOf: "entry" });
  if (!date.ok) errors.push(date.error);
  const entry = EntryTextSchema.safeParse(form.get("entryText") ?? "");
  if (!entry.success) errors.push({ field: "entryText", key: entry.error.issues[0]!.message });
  if (errors.length > 0 || !date.ok || !entry.success) return { ok: false, errors, values };
  return { ok: true, timeline: [...own, { date: date.iso, text: entry.data }], done: intent === "continue", notice: "added" };
}
