// Who may see and do what with adjustment requests. Pure: roles and ids in, yes or no out.
// The rules live in server/auth/permissions.ts; these names are kept for the adjustment code.
import { can, canReadSensitive, type StaffLike } from "../../auth/permissions.js";

export type { StaffLike };

export const canDecideRequests = (staff: StaffLike) => can(staff, "adjustment.decide");
export const isHeadOfCustomerContact = (staff: StaffLike) => can(staff, "adjustment.head");
export const isManagerOrHead = (staff: StaffLike) => can(staff, "adjustment.any");

/**
 * The sensitive "what you find hard" text: the Head of Customer Contact,
 * managers, and the officer dealing with the request (the one assigned to it).
 */
export const canSeeDifficulty = (staff: StaffLike, request: { assignedToId: string | null }): boolean => canReadSensitive(staff, request);

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
export const canDecideConference = (staff: StaffLike) => can(staff, "adjustment.conference");
