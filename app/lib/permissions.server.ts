// The route side of server/auth/permissions.ts: the signed-in member of staff, if they hold the
// capability; otherwise a redirect to sign in (nobody signed in) or a 403 page.
import { data, type AppLoadContext } from "react-router";
import { can, canActOnCase, ForbiddenError, type Capability } from "../../server/auth/permissions";
import { requireStaff, type StaffUser } from "./staff.server";

export const forbidden = () => data({ reason: "forbidden" }, { status: 403 });

export async function requireCapability(request: Request, context: AppLoadContext, capability: Capability): Promise<StaffUser> {
  const staff = await requireStaff(request, context);
  if (!can(staff, capability)) throw forbidden();
  return staff;
}

/** For a case: the capability, and (unless a manager) the case is allocated to this officer. */
export function requireOnCase(staff: StaffUser, capability: Capability, record: { assignedToId: string | null }): void {
  if (!canActOnCase(staff, capability, record)) throw forbidden();
}

/** Turns a ForbiddenError from the domain into the 403 page; anything else is re-thrown. */
export function rethrowForbidden(error: unknown): never {
  if (error instanceof ForbiddenError) throw forbidden();
  throw error;
}
