// The language switch on a form page is a submit button (DESIGN §7: the switch keeps the person's
// answers). What they typed and have not sent yet is kept in their session for that one page,
// they are sent to the same page in the other language, and the page shows it again once.
// Works the same with JavaScript off (a plain form post) and on.
import { redirect, type AppLoadContext } from "react-router";
import { SWITCH_FIELD } from "~/components/form/typed";
import { isLang, langFromPath, localePath, stripLang } from "./lang";
import { commitSession, getSession } from "./session.server";

/** A marker cookie (no personal data): only requests that carry it read the session for kept values. */
const MARKER = "ds_kept";
const MARKER_MAX_AGE = 600;

/** A message to show once with the page given back (the fill-time check in forms.server.ts). */
export type KeptNotice = "formTooFast";
type Kept = { path: string; values: Record<string, string[]>; notice?: KeptNotice };
type WithKept = { get(key: "kept"): Kept | undefined; set(key: "kept", value: Kept): void; unset(key: "kept"): void };

const pagePath = (url: URL) => stripLang(url.pathname) + url.search;

/** In an action, after the CSRF check: a language switch keeps the typed values and redirects. */
export async function keepTypedOnLanguageSwitch(request: Request, context: AppLoadContext, form: FormData): Promise<void> {
  const to = form.get(SWITCH_FIELD);
  if (!isLang(to)) return;
  // No prototype: a posted field named "__proto__" must be a key like any other (a 500 found by test/hostile/).
  const values: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key === "csrf" || key === SWITCH_FIELD) continue;
    (values[key] ??= []).push(value);
  }
  throw await keepAndRedirect(request, context, { values }, to);
}

/** Sends the person back to the same page with what they typed and a message shown once. */
export async function giveBackWithNotice(request: Request, context: AppLoadContext, form: FormData, notice: KeptNotice): Promise<never> {
  // No prototype: a posted field named "__proto__" must be a key like any other (a 500 found by test/hostile/).
  const values: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key === "csrf" || key === SWITCH_FIELD) continue;
    (values[key] ??= []).push(value);
  }
  throw await keepAndRedirect(request, context, { values, notice }, langFromPath(new URL(request.url).pathname));
}

async function keepAndRedirect(request: Request, context: AppLoadContext, kept: Omit<Kept, "path">, to: "en" | "cy") {
  const url = new URL(request.url);
  const session = await getSession(request, context);
  (session as unknown as WithKept).set("kept", { path: pagePath(url), ...kept });
  const headers = new Headers(await commitSession(context, session));
  headers.append("Set-Cookie", `${MARKER}=1; Path=/; Max-Age=${MARKER_MAX_AGE}; HttpOnly; SameSite=Lax`);
  return redirect(localePath(pagePath(url), to), { headers });
}

/** In the root loader: the values kept for this page, taken once (null when there are none). */
export async function takeTyped(
  request: Request,
  context: AppLoadContext,
): Promise<{ values: Record<string, string[]> | null; notice: KeptNotice | null; headers: Headers | null }> {
  if (!/(?:^|;\s*)ds_kept=1(?:;|$)/.test(request.headers.get("Cookie") ?? "")) return { values: null, notice: null, headers: null };
  const session = await getSession(request, context);
  const kept = (session as unknown as WithKept).get("kept");
  const url = new URL(request.url);
  if (kept && kept.path !== pagePath(url)) return { values: null, notice: null, headers: null };
  (session as unknown as WithKept).unset("kept");
  const headers = new Headers(await commitSession(context, session));
  headers.append("Set-Cookie", `${MARKER}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  return { values: kept?.values ?? null, notice: kept?.notice ?? null, headers };
}
