// Who may see and do what with adjustment requests. Pure: roles and ids in, yes or no out.

export type StaffLike = { id: string; roles: readonly string[] };

/** Roles that may decide requests and record what follows (the procedure's sign-off roles). */
export const DECIDER_ROLES = ["case_officer", "manager", "head_of_customer_contact"] as const;
/** Roles that may always read what a customer finds hard. */
export const SENSITIVE_ROLES = ["head_of_customer_contact", "manager"] as const;
export const HEAD_ROLE = "head_of_customer_contact";

const hasAny = (staff: StaffLike, roles: readonly string[]) => roles.some((r) => staff.roles.includes(r));

export const canDecideRequests = (staff: StaffLike) => hasAny(staff, DECIDER_ROLES);
export const isHeadOfCustomerContact = (staff: StaffLike) => staff.roles.includes(HEAD_ROLE);
export const isManagerOrHead = (staff: StaffLike) => hasAny(staff, SENSITIVE_ROLES);

/**
 * The sensitive "what you find hard" text: the Head of Customer Contact,
 * managers, and the officer dealing with the request (the one assigned to it).
 */
export function canSeeDifficulty(staff: StaffLike, request: { assignedToId: string | null }): boolean {
  if (isManagerOrHead(staff)) return true;
  return request.assignedToId !== null && request.assignedToId === staff.id && canDecideRequests(staff);
}

/**
 * Taking a request to deal with it: a case officer may take one nobody has; managers and
 * the Head of Customer Contact may take over any.
 */
export function canTake(staff: StaffLike, request: { assignedToId: string | null }): boolean {
  if (!canDecideRequests(staff)) return false;
  if (request.assignedToId === staff.id) return false;
  return request.assignedToId === null || isManagerOrHead(staff);
}

/** Case conferences (appeals) are decided by the Head of Customer Contact. */
export const canDecideConference = (staff: StaffLike) => isHeadOfCustomerContact(staff);
