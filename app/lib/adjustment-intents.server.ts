// Every form post on an adjustment request's page, as one table: intent → the zod schema of
// its fields, the capability it needs, and the domain call. The domain checks again whose
// request it is (taking one someone else has is for managers and the Head).
import { data, redirect, type AppLoadContext } from "react-router";
import { z } from "zod";
import { can, type Capability, type StaffLike } from "../../server/auth/permissions";
import { DECISION_TEXT_MAX } from "../../server/domain/adjustments/decision";
import { acknowledgeHeadNotice, markTold, recordCheck, takeRequest, withdrawConsent } from "../../server/adjustments";
import { adjustmentDeps } from "./adjustments.server";
import { throwAdjustmentError } from "./adjustments-staff.server";
import { validate } from "./forms.server";
import { localePath, type Lang } from "./lang";
import { forbidden } from "./permissions.server";

type Deps = ReturnType<typeof adjustmentDeps>;
export type AdjustmentIntent<S extends z.ZodType = z.ZodType> = {
  schema: S;
  capability: Capability;
  run: (deps: Deps, staff: StaffLike, reference: string, input: z.output<S>) => Promise<unknown>;
};
const intent = <S extends z.ZodType>(spec: AdjustmentIntent<S>) => spec as unknown as AdjustmentIntent;
const NoFields = z.object({});

export const CheckSchema = z.object({
  worked: z.enum(["yes", "no"], "errors.worked.required"),
  note: z.string().trim().max(DECISION_TEXT_MAX, "errors.note.tooLong").optional(),
});

export const ADJUSTMENT_INTENTS = {
  take: intent({ schema: NoFields, capability: "adjustment.decide", run: (deps, staff, reference) => takeRequest(deps, staff, reference) }),
  told: intent({ schema: NoFields, capability: "adjustment.decide", run: (deps, staff, reference) => markTold(deps, staff, reference) }),
  seen: intent({ schema: NoFields, capability: "adjustment.head", run: (deps, staff, reference) => acknowledgeHeadNotice(deps, staff, reference) }),
  withdrawConsent: intent({ schema: NoFields, capability: "adjustment.decide", run: (deps, staff, reference) => withdrawConsent(deps, { staff, reference }) }),
  check: intent({
    schema: CheckSchema,
    capability: "adjustment.decide",
    run: (deps, staff, reference, input) => recordCheck(deps, staff, reference, { worked: input.worked === "yes", note: input.note || null }),
  }),
} satisfies Record<string, AdjustmentIntent>;

export type AdjustmentIntentName = keyof typeof ADJUSTMENT_INTENTS;
export const ADJUSTMENT_INTENT_NAMES = Object.keys(ADJUSTMENT_INTENTS) as AdjustmentIntentName[];

export async function runAdjustmentIntent(args: { context: AppLoadContext; staff: StaffLike; reference: string; form: FormData; lang: Lang }) {
  const { context, staff, reference, form, lang } = args;
  const name = String(form.get("intent") ?? "");
  if (!Object.hasOwn(ADJUSTMENT_INTENTS, name)) throw data({ reason: "badRequest" }, { status: 400 });
  const spec: AdjustmentIntent = ADJUSTMENT_INTENTS[name as AdjustmentIntentName];
  if (!can(staff, spec.capability)) throw forbidden();
  const parsed = validate(form, spec.schema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await spec.run(adjustmentDeps(context), staff, reference, parsed.value);
  } catch (error) {
    throwAdjustmentError(error);
  }
  return redirect(localePath(`/staff/adjustments/${reference}?saved=1`, lang));
}
