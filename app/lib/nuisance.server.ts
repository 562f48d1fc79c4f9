// Server side of the nuisance journey: the session draft, page guards, the "use the same
// details next time" cookie, and the acknowledgement email's words.
import { redirect, type AppLoadContext } from "react-router";
import { z } from "zod";
import type { AppSession } from "../../server/auth/sessions";
import { createSignedCookie } from "../../server/http/signed-cookie";
import type { Advice } from "../../server/domain/nuisance/advice";
import { BASE, nuisanceGuard, type NuisanceDraft, type NuisancePage } from "./nuisance";
import { langFromPath, localePath, type Lang } from "./lang";
import { serverT } from "./locales.server";
import { commitSession, getDraft, getSession, setDraft } from "./session.server";

export const DRAFT = "nuisance";

export type Loaded = { session: AppSession; draft: NuisanceDraft; lang: Lang };

export async function loadDraft(request: Request, context: AppLoadContext): Promise<Loaded> {
  const lang = langFromPath(new URL(request.url).pathname);
  const session = await getSession(request, context);
  const saved = getDraft<NuisanceDraft>(session, DRAFT);
  const draft: NuisanceDraft = { draftId: saved.draftId ?? crypto.randomUUID(), contacts: saved.contacts ?? [], ...saved } as NuisanceDraft;
  return { session, draft, lang };
}

/** A page that comes too early for the answers sends the person to the first page still to answer (the journey engine's rule). */
export async function requirePage(request: Request, context: AppLoadContext, page: NuisancePage): Promise<Loaded & { changing: boolean }> {
  const loaded = await loadDraft(request, context);
  const missing = nuisanceGuard(page, loaded.draft);
  if (missing) throw redirect(localePath(missing, loaded.lang));
  return { ...loaded, changing: new URL(request.url).searchParams.get("change") === "1" };
}

export async function saveAndGo(context: AppLoadContext, loaded: Loaded, draft: NuisanceDraft, path: string, headers: HeadersInit = {}) {
  setDraft(loaded.session, DRAFT, draft as unknown as Record<string, unknown>);
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(await commitSession(context, loaded.session))) h.append(k, v as string);
  return redirect(localePath(path, loaded.lang), { headers: h });
}

// ── "use the same details next time" ────────────────────────────────────────
// Only with the person's consent, on their device only, for 30 days; signed so it cannot be forged.
const REMEMBER_DAYS = 30;
const RememberSchema = z.object({ name: z.string().max(200), email: z.string().max(254), phone: z.string().max(40) });
export type Remembered = z.infer<typeof RememberSchema>;

function rememberCookie(context: AppLoadContext) {
  const { config } = context.services;
  return createSignedCookie("nuisance_details", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure,
    secrets: [config.sessionSecret],
    maxAge: REMEMBER_DAYS * 24 * 3600,
  });
}

export async function readRemembered(request: Request, context: AppLoadContext): Promise<Remembered | null> {
  try {
    const parsed = RememberSchema.safeParse(await rememberCookie(context).parse(request.headers.get("Cookie")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Set-Cookie to keep the details, or to forget any kept before when they said no this time. */
export async function rememberHeader(context: AppLoadContext, you: NonNullable<NuisanceDraft["you"]>): Promise<string> {
  const cookie = rememberCookie(context);
  if (you.remember) return cookie.serialize({ name: you.name, email: you.email, phone: you.phone });
  return cookie.serialize("", { maxAge: 0 });
}

// ── acknowledgement email ───────────────────────────────────────────────────

export function acknowledgementEmail(lang: Lang, to: string, publicUrl: string) {
  return ({ reference, advice, contactCount }: { reference: string; advice: Advice[]; contactCount: number }) => {
    const t = serverT(lang, "email-nuisance");
    const lines = [
      t("acknowledgement.greeting"),
      "",
      t("acknowledgement.body", { count: contactCount, reference }),
      "",
      t("acknowledgement.intelligence"),
      "",
      t("acknowledgement.adviceHeading"),
      ...advice.map((a) => `- ${t(`advice.${a}`)}`),
      "",
      t("acknowledgement.more", { url: `${publicUrl}${lang === "cy" ? "/cy" : ""}${BASE}` }),
      "",
      t("acknowledgement.signoff"),
    ];
    return { to, subject: t("acknowledgement.subject", { reference }), text: lines.join("\n"), language: lang, kind: "nuisance_acknowledgement" };
  };
}
