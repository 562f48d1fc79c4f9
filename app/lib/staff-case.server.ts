// What the staff case page shows and may offer, for its loader: the case, its concern report,
// which intents this person may use (the action checks again), the officers to allocate to and
// the case's allowed transitions. Every view is audited.
import { data, type AppLoadContext } from "react-router";
import { audit } from "../../server/audit";
import { can } from "../../server/auth/permissions";
import { allowedActions, CASE_TYPES, CONTACT_DIRECTIONS, CONTACT_METHODS, outcomesFor, parseReference, type CaseStatus, type CaseType } from "../../server/domain/cases";
import { CASE_INTENT_NAMES, mayCaseIntent, type CaseIntentName } from "./case-intents.server";
import { caseForStaff } from "./cases.server";
import { concernForStaff } from "./concerns-staff.server";
import type { requireCapability } from "./permissions.server";

/** The reference in the address, upper-cased; anything that is not a reference is a 404. */
export function referenceParam(value: string | undefined): string {
  const parsed = parseReference(value ?? "");
  if (!parsed) throw data({ reason: "notFound" }, { status: 404 });
  return (value ?? "").trim().toUpperCase();
}

type Staff = Awaited<ReturnType<typeof requireCapability>>;

export async function staffCasePage(context: AppLoadContext, staff: Staff, reference: string) {
  const found = await caseForStaff(context, reference);
  if (!found) throw data({ reason: "notFound" }, { status: 404 });
  // Every staff view of a case (and so of its customer's details) is recorded.
  await audit(context.services.prisma, { actorId: staff.id, action: "case.view", entityType: "Case", entityId: found.id, data: { reference: found.reference } });
  // What this person may do here: the page shows only those forms (the action checks again).
  const record = { assignedToId: found.assignedToId };
  const may = Object.fromEntries(CASE_INTENT_NAMES.map((name) => [name, mayCaseIntent(staff, name, record)])) as Record<CaseIntentName, boolean>;
  const officers = may.allocate
    ? await context.services.prisma.staffUser.findMany({ where: { active: true, roles: { hasSome: ["case_officer", "manager", "head_of_customer_contact"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  const snapshot = { type: found.type as CaseType, status: found.status as CaseStatus, openedAt: new Date(found.openedAt), workQueue: null, queuedAt: null, underWayAt: null, closedAt: found.closedAt ? new Date(found.closedAt) : null, outcome: null, reopenCount: found.reopenCount };
  return {
    found,
    concern: await concernForStaff(context, found.id),
    me: staff.id,
    may,
    acceptLate: can(staff, "case.complaint.late"),
    officers,
    allowed: allowedActions(snapshot, context.services.now()) as string[],
    outcomes: outcomesFor(found.type as CaseType) as string[],
    // The lists the forms offer (components import nothing from server/).
    caseTypes: [...CASE_TYPES] as string[],
    contactMethods: [...CONTACT_METHODS] as string[],
    contactDirections: [...CONTACT_DIRECTIONS] as string[],
  };
}

export type StaffCasePage = Awaited<ReturnType<typeof staffCasePage>>;
/** The case as the page's components see it. */
export type StaffCaseView = StaffCasePage["found"];
