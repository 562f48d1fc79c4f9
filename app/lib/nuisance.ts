// The nuisance reporting journey, shared by its pages: the draft, page addresses, and the
// zod schemas of the pages after the contacts. Client-safe (no server imports).
import { z } from "zod";
import type { AboutYou, YourDetailsAnswers } from "../../server/domain/nuisance/answers";
import type { DraftContact } from "../../server/domain/nuisance/contact";
import { canShow, stepAfter, walkPages, type PageList } from "../../server/domain/journey/engine";
import { CONTACT_KINDS, type ContactKind } from "../../server/domain/nuisance/kinds";

export { CONTACT_KINDS, MAX_CONTACTS, TOPICS, DESCRIPTION_MAX, MESSAGE_MAX } from "../../server/domain/nuisance/kinds";
export type { DraftContact } from "../../server/domain/nuisance/contact";

export { aboutYouPage, YourDetailsPage } from "../../server/domain/nuisance/answers";

/** The draft: `about` and `you` are what the pages' schemas give (z.output), declared once. */
export type NuisanceDraft = {
  /** Ties uploaded .eml files to this draft until the report is sent. */
  draftId: string;
  contacts: DraftContact[];
  about?: AboutYou;
  you?: YourDetailsAnswers;
  idempotencyKey?: string;
};

export const BASE = "/report-nuisance";
export const isKind = (value: unknown): value is ContactKind => typeof value === "string" && (CONTACT_KINDS as readonly string[]).includes(value);

export const KindSchema = z.object({ kind: z.enum(CONTACT_KINDS, { error: "errors.kind.required" }) });
export const AnotherSchema = z.object({ another: z.enum(["yes", "no"], { error: "errors.another.required" }) });
export const RemoveSchema = z.object({ confirm: z.enum(["yes", "no"], { error: "errors.remove.required" }) });

export const SubmissionSchema = z.object({ idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

// ── the journey, for the engine (server/domain/journey/engine.ts) ──────────────
// The contacts come first (added one at a time from the kind page, listed on the contacts page),
// then "About you", "Your details" and check answers.
export const NUISANCE_PAGES = ["contacts", "about-you", "your-details", "check"] as const;
export type NuisancePage = (typeof NUISANCE_PAGES)[number];

export const NUISANCE_JOURNEY: PageList<NuisancePage, Partial<NuisanceDraft>> = {
  pages: NUISANCE_PAGES,
  answered: (page, draft) => (page === "contacts" ? (draft.contacts?.length ?? 0) > 0 : page === "about-you" ? Boolean(draft.about) : page === "your-details" ? Boolean(draft.you) : false),
};

export const walkNuisance = (draft: Partial<NuisanceDraft>) => walkPages(NUISANCE_JOURNEY, draft);

/** A page's address: until there is a contact, adding one starts from the kind page. */
export function nuisancePath(page: NuisancePage | null, draft: Partial<NuisanceDraft>): string {
  if (page === "contacts" && !draft.contacts?.length) return `${BASE}/kind`;
  return `${BASE}/${page ?? "check"}`;
}

/** Null when the page can be shown; else the address of the first page still to answer. The contacts list needs a contact. */
export function nuisanceGuard(page: NuisancePage, draft: Partial<NuisanceDraft>): string | null {
  const walk = walkNuisance(draft);
  const shown = page === "contacts" ? walk.path.includes(page) : canShow(walk, page);
  return shown ? null : nuisancePath(walk.next, draft);
}

/**
 * Where Continue goes after answering a page: the next page on the path even when answered
 * (back, back, Continue shows each page again), or, when changing from check answers, back
 * there unless a page is still to answer.
 */
export function nuisanceAfter(page: NuisancePage, draft: Partial<NuisanceDraft>, changing: boolean): string {
  const walk = walkNuisance(draft);
  return nuisancePath(changing ? walk.next : stepAfter(walk, page), draft);
}

/** Where someone part-way through belongs: the first page still to answer. */
export function resumePath(draft: Partial<NuisanceDraft>): string {
  return nuisancePath(walkNuisance(draft).next, draft);
}
