// What every adjustment use case is given and may throw: the Prisma client, the clock and the
// texts (emails and flag words in both languages, built from the locale files in
// app/lib/adjustments-texts.server.ts and passed in, since server code never imports app/), and
// the one error the routes turn into a status.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { IsoDate } from "../domain/cases/working-days.js";
import type { Decision } from "../domain/adjustments/decision.js";
import type { Need } from "../domain/adjustments/needs.js";

export type Lang = "en" | "cy";

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string | null; language: Lang; kind: string };

/** What the email and flag texts are given about a request. */
export type RequestForTexts = {
  reference: string;
  language: Lang;
  correspondenceLanguage: Lang;
  name: string;
  email: string | null;
  needs: Need[];
  otherNeed: string | null;
  duration: "one_off" | "ongoing";
  receivedAt: Date;
  decisionDueAt: Date;
  hasDifficulty: boolean;
  replyBy: "email" | "phone" | "text" | "letter";
};

export type DecisionForTexts = Decision & { reviewAt: Date | null; checkDueAt: Date | null };

export interface AdjustmentTexts {
  acknowledgement(request: RequestForTexts, links: { withdrawConsent: string | null }): OutgoingEmail | null;
  decision(request: RequestForTexts, decision: DecisionForTexts): OutgoingEmail | null;
  headNotice(request: RequestForTexts, head: { name: string; email: string }, decision: DecisionForTexts, lang: Lang, deciderName: string): OutgoingEmail;
  flagSummary(request: RequestForTexts, decision: DecisionForTexts, lang: Lang): string;
  /** The dated note that replaces the flag's words when the details are removed. */
  removalNote(removedOn: IsoDate, lang: Lang): string;
}

export type Deps = { prisma: PrismaClient; now?: () => Date; texts: AdjustmentTexts };

export class AdjustmentError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "removed" | "cannot_decide" | "cannot_appeal" | "no_conference" | "not_agreed" | "invalid",
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(code);
  }
}
