// Sign-in in two steps for staff: after the password, a TOTP code (or a one-use recovery code)
// before the session becomes a staff session. Required for every account outside demo mode;
// in demo mode offered, and required for an account once it has turned it on.
import { redirect, type AppLoadContext } from "react-router";
import { audit } from "../../server/audit";
import { PENDING_MINUTES } from "../../server/auth/mfa";
import type { AppSession } from "../../server/auth/sessions";
import { localePath, type Lang } from "./lang";
import { commitSession, getSession } from "./session.server";

/** Demo mode is the only place an account may sign in with its password alone. */
export const mfaRequired = (context: AppLoadContext) => !context.services.config.seedDemoData;

/** A fresh session (no identifier known before sign-in is reused) for a member of staff who has passed every step. */
export async function completeSignIn(request: Request, context: AppLoadContext, staffUserId: string, method: "password" | "totp" | "recovery") {
  const { sessions, prisma } = context.services;
  await sessions.destroySession(await getSession(request, context));
  const session = await sessions.getSession();
  session.set("staffUserId", staffUserId);
  await prisma.staffUser.update({ where: { id: staffUserId }, data: { lastSignInAt: new Date() } });
  await audit(prisma, { actorId: staffUserId, action: "staff.sign_in", entityType: "StaffUser", entityId: staffUserId, data: { method } });
  return commitSession(context, session);
}

/**
 * Signs in the session that has just finished enrolling. It was made fresh when the password was
 * accepted (startSecondStep), so it is kept rather than replaced: the page that shows the
 * recovery codes is rendered by loaders that still read this request's cookie.
 */
export async function completeSignInInPlace(context: AppLoadContext, session: AppSession, staffUserId: string) {
  const { prisma } = context.services;
  session.unset("mfa");
  session.unset("mfaSetup");
  session.set("staffUserId", staffUserId);
  await prisma.staffUser.update({ where: { id: staffUserId }, data: { lastSignInAt: new Date() } });
  await audit(prisma, { actorId: staffUserId, action: "staff.sign_in", entityType: "StaffUser", entityId: staffUserId, data: { method: "totp" } });
  return commitSession(context, session);
}

/** After the password: a fresh session that only knows whose second step is awaited. */
export async function startSecondStep(request: Request, context: AppLoadContext, userId: string, stage: "verify" | "enrol", returnTo: string, lang: Lang) {
  const { sessions } = context.services;
  await sessions.destroySession(await getSession(request, context));
  const session = await sessions.getSession();
  session.set("mfa", { userId, stage, returnTo, failures: 0, startedAt: Date.now() });
  const to = stage === "verify" ? "/staff/sign-in/code" : "/staff/two-step";
  return redirect(localePath(to, lang), { headers: await commitSession(context, session) });
}

/** The half-done sign-in in this session, if it is still fresh. */
export function pendingSecondStep(session: AppSession) {
  const pending = session.get("mfa");
  if (!pending || Date.now() - pending.startedAt > PENDING_MINUTES * 60_000) return null;
  return pending;
}
