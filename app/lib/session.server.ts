import type { AppLoadContext } from "react-router";
import type { AppSession } from "../../server/auth/sessions";

export async function getSession(request: Request, context: AppLoadContext): Promise<AppSession> {
  return context.services.sessions.getSession(request.headers.get("Cookie"));
}

export async function commitSession(context: AppLoadContext, session: AppSession): Promise<HeadersInit> {
  return { "Set-Cookie": await context.services.sessions.commitSession(session) };
}

export function getDraft<T extends Record<string, unknown>>(session: AppSession, name: string): Partial<T> {
  return (session.get("drafts")?.[name] ?? {}) as Partial<T>;
}

export function setDraft(session: AppSession, name: string, draft: Record<string, unknown> | undefined) {
  const drafts = { ...(session.get("drafts") ?? {}) };
  if (draft) drafts[name] = draft;
  else delete drafts[name];
  session.set("drafts", drafts);
}
