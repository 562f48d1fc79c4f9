// Deciding a request: agree all, agree some (with what we will do instead), or decline
// (with the reasons and what we can do; the right to complain is always added to the letter).
import type { AgreeableCode } from "./needs.js";

export const DECISION_OUTCOMES = ["agree_all", "agree_some", "decline"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_TEXT_MAX = 2000;

export const ADJUSTMENT_STATUSES = ["received", "agreed", "partly_agreed", "declined", "removed"] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

export const STATUS_FOR_OUTCOME: Record<DecisionOutcome, Exclude<AdjustmentStatus, "received" | "removed">> = {
  agree_all: "agreed",
  agree_some: "partly_agreed",
  decline: "declined",
};

export type DecisionInput = {
  outcome: DecisionOutcome;
  /** For agree_some: the codes agreed. Ignored otherwise. */
  agreed?: readonly string[];
  instead?: string | null;
  reasons?: string | null;
  alternatives?: string | null;
};

export type Decision = {
  outcome: DecisionOutcome;
  status: "agreed" | "partly_agreed" | "declined";
  agreed: AgreeableCode[];
  instead: string | null;
  reasons: string | null;
  alternatives: string | null;
};

export type DecisionError = "agreed_none" | "agreed_all" | "instead_required" | "reasons_required" | "alternatives_required" | "too_long";

const clean = (value: string | null | undefined) => {
  const v = (value ?? "").trim();
  return v === "" ? null : v;
};

/**
 * Checks a decision against what was asked for. Returns field → error code on
 * failure: `agreed` (agree_some must pick at least one and not all),
 * `instead`, `reasons`, `alternatives`.
 */
export function validateDecision(
  requested: readonly AgreeableCode[],
  input: DecisionInput,
): { ok: true; decision: Decision } | { ok: false; errors: Partial<Record<"agreed" | "instead" | "reasons" | "alternatives", DecisionError>> } {
  const errors: Partial<Record<"agreed" | "instead" | "reasons" | "alternatives", DecisionError>> = {};
  const instead = clean(input.instead);
  const reasons = clean(input.reasons);
  const alternatives = clean(input.alternatives);
  for (const [field, value] of [["instead", instead], ["reasons", reasons], ["alternatives", alternatives]] as const) {
    if (value && value.length > DECISION_TEXT_MAX) errors[field] = "too_long";
  }
  let agreed: AgreeableCode[] = [];
  if (input.outcome === "agree_all") agreed = [...requested];
  if (input.outcome === "agree_some") {
    const chosen = new Set(input.agreed ?? []);
    agreed = requested.filter((code) => chosen.has(code));
    if (agreed.length === 0) errors.agreed = "agreed_none";
    else if (agreed.length === requested.length) errors.agreed = "agreed_all";
    if (!instead) errors.instead ??= "instead_required";
  }
  if (input.outcome === "decline") {
    if (!reasons) errors.reasons ??= "reasons_required";
    if (!alternatives) errors.alternatives ??= "alternatives_required";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    decision: {
      outcome: input.outcome,
      status: STATUS_FOR_OUTCOME[input.outcome],
      agreed,
      instead: input.outcome === "agree_some" ? instead : null,
      reasons: input.outcome === "decline" ? reasons : null,
      alternatives: input.outcome === "decline" ? alternatives : null,
    },
  };
}

export type ConferenceState = { outcome: string | null; decidedAt: Date | null };

/**
 * A request can be decided while it waits for a decision, and again only after a
 * case conference (an appeal) decided the decision should change, later than the
 * last decision. Removed requests are never decided.
 */
export function canDecide(status: AdjustmentStatus, decidedAt: Date | null, conferences: readonly ConferenceState[]): boolean {
  if (status === "removed") return false;
  if (status === "received") return true;
  return conferences.some((c) => c.outcome === "changed" && c.decidedAt !== null && (!decidedAt || c.decidedAt > decidedAt));
}

/** An appeal can be made against a decision that was made, when no conference is open. */
export function canAppeal(status: AdjustmentStatus, conferences: readonly ConferenceState[]): boolean {
  if (status === "received" || status === "removed") return false;
  return conferences.every((c) => c.decidedAt !== null);
}

export const CONFERENCE_OUTCOMES = ["stands", "changed"] as const;
export type ConferenceOutcome = (typeof CONFERENCE_OUTCOMES)[number];

/** Whether an agreed adjustment (and so a flag) follows from this status. */
export const isAgreed = (status: AdjustmentStatus) => status === "agreed" || status === "partly_agreed";
