// Server side of the adjustments journey and staff pages: drafts, redirects, and the
// service dependencies (database, clock, texts) for server/domain/adjustments.
import { redirect, type AppLoadContext } from "react-router";
import type { Deps } from "../../server/adjustments";
import type { AppSession } from "../../server/auth/sessions";
import { afterStep, guardStep, stepPath, type Draft, type Step } from "./adjustments";
import { createAdjustmentTexts } from "./adjustments-texts.server";
import { langFromPath, localePath, type Lang } from "./lang";
import { commitSession, getDraft, getSession, setDraft } from "./session.server";

export const DRAFT = "adjustments";

export function adjustmentDeps(context: AppLoadContext): Deps {
  const { prisma, now, config } = context.services;
  return { prisma, now, texts: createAdjustmentTexts(config.publicUrl) };
}

/** The draft for a journey page; redirects to the first unanswered page when this one comes too early. */
export async function journeyPage(request: Request, context: AppLoadContext, step: Step) {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname);
  const session = await getSession(request, context);
  const draft = getDraft<Draft>(session, DRAFT) as Draft;
  const missing = guardStep(step, draft);
  if (missing) throw redirect(localePath(stepPath(missing), lang));
  return { session, draft, lang, changing: url.searchParams.get("change") === "1" };
}

/** Saves the answers and goes on: to the next page, or back to check answers when changing. */
export async function saveAndContinue(context: AppLoadContext, session: AppSession, draft: Draft, step: Step, lang: Lang, changing: boolean) {
  setDraft(session, DRAFT, draft as Record<string, unknown>);
  const next = afterStep(step, draft, changing);
  const query = changing && next !== "check" ? "?change=1" : "";
  return redirect(localePath(stepPath(next) + query, lang), { headers: await commitSession(context, session) });
}
