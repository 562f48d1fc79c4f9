// Staff identity: sign-in through remix-auth's form strategy, and guards that throw responses.
import { data, redirect, type AppLoadContext } from "react-router";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";
import type { StaffRole } from "../../generated/prisma/enums";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "../../server/auth/password";
import { isValidCsrfToken } from "../../server/http/csrf";
import { langFromPath, localePath } from "./lang";
import { getSession } from "./session.server";

export type StaffUser = { id: string; name: string; email: string; roles: StaffRole[]; speaksWelsh: boolean };

export class SignInError extends Error {
  constructor(
    readonly code: "csrf" | "invalid" | "tooMany" | "fields",
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds = 0,
  ) {
    super(code);
  }
}

// No NUL characters: PostgreSQL text cannot hold them, so the lookup would fail as a 500.
const noNul = (value: string) => !value.includes("\u0000");
const SignInSchema = z.object({
  email: z.string("staff:signIn.errors.emailRequired").trim().min(1, "staff:signIn.errors.emailRequired").max(254, "staff:signIn.errors.invalid").refine(noNul, "staff:signIn.errors.invalid"),
  password: z.string().min(1, "staff:signIn.errors.passwordRequired").max(1024, "staff:signIn.errors.invalid").refine(noNul, "staff:signIn.errors.invalid"),
});

export function createStaffAuthenticator(context: AppLoadContext) {
  const { prisma, signInLimiter } = context.services;
  const authenticator = new Authenticator<StaffUser>();
  authenticator.use(
    new FormStrategy(async ({ form }) => {
      if (!isValidCsrfToken(context.csrfToken, form.get("csrf"))) throw new SignInError("csrf");
      const parsed = SignInSchema.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "" });
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
        throw new SignInError("fields", fields);
      }
      const { email, password } = parsed.data;
      // Counted before the password is checked, so parallel guesses cannot outrun the limit.
      const wait = await signInLimiter.attempt(context.clientIp, email);
      if (wait > 0) throw new SignInError("tooMany", {}, wait);
      const user = await prisma.staffUser.findUnique({ where: { email: email.toLowerCase() } });
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) throw new SignInError("invalid");
      await signInLimiter.succeed(context.clientIp, email);
      // Hashes made at an older, cheaper cost are upgraded while we have the password in hand.
      if (needsRehash(user.passwordHash)) {
        await prisma.staffUser.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
      }
      return { id: user.id, name: user.name, email: user.email, roles: user.roles, speaksWelsh: user.speaksWelsh };
    }),
    "staff-form",
  );
  return authenticator;
}

export async function getStaff(request: Request, context: AppLoadContext): Promise<StaffUser | null> {
  const session = await getSession(request, context);
  const id = session.get("staffUserId");
  if (!id) return null;
  const user = await context.services.prisma.staffUser.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, roles: true, speaksWelsh: true, active: true },
  });
  if (!user || !user.active) return null;
  const { active: _active, ...staff } = user;
  return staff;
}

/** The signed-in member of staff, or a redirect to sign in (and back here afterwards). */
export async function requireStaff(request: Request, context: AppLoadContext, roles?: StaffRole[]): Promise<StaffUser> {
  const staff = await getStaff(request, context);
  const url = new URL(request.url);
  if (!staff) {
    const lang = langFromPath(url.pathname);
    const returnTo = url.pathname.replace(/\.data$/, "") + url.search;
    throw redirect(`${localePath("/staff/sign-in", lang)}?returnTo=${encodeURIComponent(returnTo)}`);
  }
  if (roles && !roles.some((role) => staff.roles.includes(role))) throw data({ reason: "forbidden" }, { status: 403 });
  return staff;
}

/** Only our own staff pages are allowed as a place to return to after sign-in. */
export function safeReturnTo(value: string | null, lang: "en" | "cy"): string {
  if (value && /^\/(cy\/)?staff(\/[\w\-/]*)?(\?[\w=&%\-.]*)?$/.test(value) && !value.includes("//")) return value;
  return localePath("/staff", lang);
}
