// Every form post on a case page, as one table: intent → the zod schema of its fields, the
// capability it needs, whether the case must be the officer's own, and the domain call.
// The route only looks the intent up and runs it; the table test walks it with every role.
import { data, redirect, type AppLoadContext } from "react-router";
import { z } from "zod";
import { canActOnCase, canTakeCase, can, type Capability } from "../../server/auth/permissions";
import {
  addContact,
  addNote,
  allocateCase,
  CallbackSchema,
  CASE_TYPES,
  CaseWorkError,
  changeType,
  CloseSchema,
  closeCase,
  ComplaintSchema,
  completeCallback,
  ContactSchema,
  liftRestrictedContact,
  linkCases,
  markNoFurtherContact,
  NfcSchema,
  NoteSchema,
  parseReference,
  prepareDone,
  recordProgress,
  recordServiceComplaint,
  reopenCase,
  requestCallback,
  RestrictSchema,
  setRestrictedContact,
  takeCase,
  type Actor,
  type CaseWorkDeps,
} from "../../server/domain/cases";
import { dateFailure, parseDateParts } from "../../server/domain/concerns/dates";
import type { FieldError } from "~/components/form/field-error";
import { typedValues, validate } from "./forms.server";
import { localePath, type Lang } from "./lang";
import { forbidden } from "./permissions.server";

/**
 * Who may act on which case:
 * - "own": the case is allocated to them, or they work any case (managers);
 * - "takeable": unallocated or already theirs, or they work any case;
 * - "any": every case (reading, recording a complaint that arrived, a manager's tools).
 */
export type CaseScope = "own" | "takeable" | "any";

type Run<S extends z.ZodType> = (deps: CaseWorkDeps, actor: Actor, reference: string, input: z.output<S>) => Promise<unknown>;

export type CaseIntent<S extends z.ZodType = z.ZodType> = {
  schema: S;
  capability: Capability;
  scope: CaseScope;
  /** Which field a refusal from the domain is shown against. */
  refusalField?: string | ((code: string) => string);
  /** When a bad form is not something the person typed (a hidden id): 400, no message. */
  badInputIs400?: boolean;
  /** One message for any invalid input (select lists). */
  invalidMessage?: Record<string, string>;
  run: Run<S>;
  /** Where to go afterwards, when not back to the case with ?done=<intent>. */
  next?: (result: unknown, reference: string) => string;
};

const intent = <S extends z.ZodType>(spec: CaseIntent<S>) => spec as unknown as CaseIntent;

/**
 * A date posted in the kit's three boxes (`<name>-day`, `-month`, `-year`) as an ISO date, or an
 * issue whose message names the date ("The review date must include a month") and whose params
 * give validate() the first wrong box (the error summary's link) and the boxes to mark: the same
 * dateFailure() as the public journeys' dates. The boxes are gathered under `name` first, so the
 * date is checked as one field beside the others (an empty arrangement and a wrong date are both
 * reported, not the first alone).
 */
function withDateBoxes<S extends z.ZodType>(name: "reviewOn" | "eventOn", schema: (date: z.ZodType<string>) => S) {
  const box = z.string().optional().default("");
  const date = z.object({ day: box, month: box, year: box }).transform((boxes, ctx): string => {
    const parsed = parseDateParts(boxes);
    if (parsed.ok) return parsed.iso;
    const { code, box: first, parts } = dateFailure(parsed);
    ctx.addIssue({ code: "custom", message: `staff-cases:errors.${name}.${code}`, params: { box: first, parts } });
    return z.NEVER;
  });
  return z.preprocess((raw) => {
    const form = (raw ?? {}) as Record<string, unknown>;
    return { ...form, [name]: { day: form[`${name}-day`], month: form[`${name}-month`], year: form[`${name}-year`] } };
  }, schema(date as unknown as z.ZodType<string>));
}

/** The restricted-contact form: the domain's RestrictSchema with its review date in three boxes. */
const RestrictForm = withDateBoxes("reviewOn", (reviewOn) => RestrictSchema.extend({ reviewOn }));

/** The complaint form: the domain's ComplaintSchema with the date it is about in three boxes. */
const ComplaintForm = withDateBoxes("eventOn", (eventOn) => ComplaintSchema.extend({ eventOn }));

/** Fields posted as the kit's date boxes: an error on one links to its day box. */
const DATE_FIELDS = new Set(["reviewOn", "eventOn"]);
const NoFields = z.object({});
const cleanReference = (value: string) => value.replace(/\s+/g, "").toUpperCase();

export const CASE_INTENTS = {
  allocate: intent({
    schema: z.object({ officer: z.union([z.uuid(), z.literal("")]) }),
    invalidMessage: { officer: "staff-cases:errors.officer.required" },
    capability: "case.assign",
    scope: "any",
    run: (deps, actor, reference, input) => allocateCase(deps, actor, reference, input.officer || null),
  }),
  take: intent({ schema: NoFields, capability: "case.take", scope: "takeable", run: (deps, actor, reference) => takeCase(deps, actor, reference) }),
  prepare: intent({ schema: NoFields, capability: "case.progress", scope: "own", run: (deps, actor, reference) => prepareDone(deps, actor, reference) }),
  progress: intent({ schema: NoFields, capability: "case.progress", scope: "own", run: (deps, actor, reference) => recordProgress(deps, actor, reference) }),
  note: intent({ schema: NoteSchema, capability: "case.note", scope: "own", run: (deps, actor, reference, input) => addNote(deps, actor, reference, input) }),
  contact: intent({ schema: ContactSchema, capability: "case.contact", scope: "own", run: (deps, actor, reference, input) => addContact(deps, actor, reference, input) }),
  changeType: intent({
    schema: z.object({ type: z.enum(CASE_TYPES, "staff-cases:errors.type.required") }),
    capability: "case.retype",
    scope: "own",
    run: (deps, actor, reference, input) => changeType(deps, actor, reference, input.type),
  }),
  link: intent({
    schema: z.object({ other: z.string("staff-cases:errors.other.required").trim().refine((v) => parseReference(v) !== null, "staff-cases:errors.other.invalid") }),
    capability: "case.link",
    scope: "own",
    refusalField: "other",
    run: (deps, actor, reference, input) => linkCases(deps, actor, reference, cleanReference(input.other)),
  }),
  close: intent({
    schema: CloseSchema,
    invalidMessage: { outcome: "staff-cases:errors.outcome.required" },
    capability: "case.close",
    scope: "own",
    refusalField: "outcome",
    run: (deps, actor, reference, input) => closeCase(deps, actor, reference, { outcome: input.outcome, closeLinked: input.closeLinked === "yes" }),
  }),
  reopen: intent({ schema: NoFields, capability: "case.reopen", scope: "own", run: (deps, actor, reference) => reopenCase(deps, actor, reference) }),
  nfc: intent({ schema: NfcSchema, capability: "party.flag.nfc", scope: "any", run: (deps, actor, reference, input) => markNoFurtherContact(deps, actor, reference, input) }),
  callback: intent({ schema: CallbackSchema, capability: "case.callback", scope: "own", run: (deps, actor, reference, input) => requestCallback(deps, actor, reference, input) }),
  callbackDone: intent({
    schema: z.object({ callbackId: z.uuid() }),
    badInputIs400: true,
    capability: "case.callback",
    scope: "own",
    run: (deps, actor, reference, input) => completeCallback(deps, actor, reference, input.callbackId),
  }),
  restrict: intent({ schema: RestrictForm, capability: "party.flag.restricted", scope: "any", run: (deps, actor, reference, input) => setRestrictedContact(deps, actor, reference, input) }),
  lift: intent({ schema: NoFields, capability: "party.flag.restricted", scope: "any", run: (deps, actor, reference) => liftRestrictedContact(deps, actor, reference) }),
  // A complaint about our service can reach any officer; recording it is not working the case.
  complaint: intent({
    schema: ComplaintForm,
    capability: "case.complaint",
    scope: "any",
    refusalField: (code) => (code === "late_reason_required" ? "lateReason" : "eventOn"),
    run: (deps, actor, reference, input) => recordServiceComplaint(deps, actor, reference, input),
    next: (result) => {
      const made = result as { reference: string; refused: boolean };
      return `/staff/cases/${made.reference}?done=${made.refused ? "complaintRefused" : "complaint"}`;
    },
  }),
} satisfies Record<string, CaseIntent>;

export type CaseIntentName = keyof typeof CASE_INTENTS;
export const CASE_INTENT_NAMES = Object.keys(CASE_INTENTS) as CaseIntentName[];

/** Whether this member of staff may post this intent on a case allocated as given (the page hides what they may not). */
export function mayCaseIntent(staff: Actor, name: CaseIntentName, record: { assignedToId: string | null }): boolean {
  const spec = CASE_INTENTS[name];
  if (spec.scope === "any") return can(staff, spec.capability);
  if (spec.scope === "takeable") return canTakeCase(staff, record);
  return canActOnCase(staff, spec.capability, record);
}

/**
 * Runs one posted intent: unknown → 400; not allowed → 403 (before the form is even read
 * for errors, so a refusal says nothing about the case); invalid → 400 with messages;
 * a domain refusal → 409 with its message; otherwise a redirect.
 */
export async function runCaseIntent(args: { context: AppLoadContext; staff: Actor; reference: string; form: FormData; lang: Lang }) {
  const { context, staff, reference, form, lang } = args;
  const name = String(form.get("intent") ?? "");
  if (!Object.hasOwn(CASE_INTENTS, name)) throw data({ reason: "badRequest" }, { status: 400 });
  const spec: CaseIntent = CASE_INTENTS[name as CaseIntentName];
  const { prisma, now } = context.services;
  const row = await prisma.case.findUnique({ where: { reference }, select: { assignedToId: true } });
  if (!row) throw data({ reason: "notFound" }, { status: 404 });
  if (!mayCaseIntent(staff, name as CaseIntentName, row)) throw forbidden();
  const parsed = validate(form, spec.schema);
  if (!parsed.ok) {
    if (spec.badInputIs400) throw data({ reason: "badRequest" }, { status: 400 });
    const errors = spec.invalidMessage ?? parsed.errors;
    const fieldErrors: FieldError[] = spec.invalidMessage ? Object.entries(errors).map(([field, key]) => ({ field, key })) : parsed.fieldErrors;
    return data({ intent: name, errors, fieldErrors, values: spec.invalidMessage ? {} : parsed.values }, { status: 400 });
  }
  try {
    const result = await spec.run({ prisma, now }, { id: staff.id, roles: staff.roles }, reference, parsed.value);
    return redirect(localePath(spec.next ? spec.next(result, reference) : `/staff/cases/${reference}?done=${name}`, lang));
  } catch (error) {
    if (!(error instanceof CaseWorkError)) throw error;
    if (error.code === "not_found" && name !== "link") throw data({ reason: "notFound" }, { status: 404 });
    if (error.code === "forbidden") throw forbidden();
    const field = typeof spec.refusalField === "function" ? spec.refusalField(error.code) : (spec.refusalField ?? "action");
    const key = `staff-cases:refusals.${error.code}`;
    const fieldErrors: FieldError[] = [{ field: DATE_FIELDS.has(field) ? `${field}-day` : field, key }];
    // What was typed comes back with the refusal, as with a schema error: a future date is
    // mended in one box, not typed again with everything else.
    return data({ intent: name, errors: { [field]: key }, fieldErrors, values: typedValues(form) }, { status: 409 });
  }
}
