// The life of a chat as a pure state machine, like server/domain/cases/status.ts: the caller reads
// a snapshot, asks transition() what changes, and writes only those fields with a conditional
// update on the snapshot's status and adviser, so two instances acting on the same chat at the
// same moment cannot both succeed (the loser's update matches no row and is refused as "ended"
// or "not_assigned").
import type { ChatStatus } from "./events.js";

export const CHAT_STATUSES = ["queued", "active", "ended", "left_message"] as const satisfies readonly ChatStatus[];

/** The fields of a conversation the machine reads and writes. */
export interface ChatSnapshot {
  status: ChatStatus;
  language: "en" | "cy";
  adviserId: string | null;
  assignedAt: Date | null;
  excludeAdviserId: string | null;
  welshFallbackConsent: boolean;
  fallbackOfferedAt: Date | null;
  endedAt: Date | null;
  endedBy: "customer" | "adviser" | "system" | null;
  rating: number | null;
}

export type ChatRequeueReason = "timeout" | "disconnected" | "transferred";

export type ChatAction =
  /** The dispatcher gives a queued chat to an adviser. */
  | { kind: "assign"; adviserId: string }
  /** An active chat goes back to the queue, keeping its place; "transferred" may move it to the Welsh queue. */
  | { kind: "requeue"; reason: ChatRequeueReason; excludeAdviser?: boolean; toWelsh?: boolean }
  /** An active chat moves straight to another adviser (an adviser's transfer, a supervisor's reassign or take-over). */
  | { kind: "hand_over"; to: string }
  | { kind: "end"; by: "customer" | "adviser" | "system" }
  | { kind: "accept_fallback" }
  | { kind: "rate"; rating: number };

export const CHAT_REFUSALS = ["ended", "not_queued", "not_active", "same_adviser", "not_ended", "already_rated", "invalid_rating"] as const;
export type ChatRefusal = (typeof CHAT_REFUSALS)[number];

export type ChatTransition = { ok: true; next: Partial<ChatSnapshot> } | { ok: false; reason: ChatRefusal };

const refuse = (reason: ChatRefusal): ChatTransition => ({ ok: false, reason });
const closed = (status: ChatStatus) => status === "ended" || status === "left_message";

export function isLive(status: ChatStatus): boolean {
  return status === "queued" || status === "active";
}

/** Pure: returns only the fields to change. */
export function chatTransition(current: ChatSnapshot, action: ChatAction, now: Date): ChatTransition {
  const { status } = current;
  switch (action.kind) {
    case "assign":
      if (status !== "queued") return refuse(closed(status) ? "ended" : "not_queued");
      return { ok: true, next: { status: "active", adviserId: action.adviserId, assignedAt: now, excludeAdviserId: null } };
    case "requeue": {
      if (status !== "active") return refuse(closed(status) ? "ended" : "not_active");
      const next: Partial<ChatSnapshot> = {
        status: "queued",
        adviserId: null,
        assignedAt: null,
        excludeAdviserId: action.excludeAdviser ? current.adviserId : null,
      };
      // Moved to the Welsh queue: it now waits for a Welsh speaker, and any earlier consent to an
      // English-speaking adviser no longer applies.
      if (action.toWelsh) Object.assign(next, { language: "cy", welshFallbackConsent: false, fallbackOfferedAt: null });
      return { ok: true, next };
    }
    case "hand_over":
      if (status !== "active") return refuse(closed(status) ? "ended" : "not_active");
      if (current.adviserId === action.to) return refuse("same_adviser");
      return { ok: true, next: { adviserId: action.to, assignedAt: now } };
    case "end":
      if (closed(status)) return refuse("ended");
      return { ok: true, next: { status: "ended", endedAt: now, endedBy: action.by } };
    case "accept_fallback":
      if (status !== "queued") return refuse(closed(status) ? "ended" : "not_queued");
      return { ok: true, next: { welshFallbackConsent: true } };
    case "rate":
      if (status !== "ended") return refuse("not_ended");
      if (current.rating !== null) return refuse("already_rated");
      if (!Number.isInteger(action.rating) || action.rating < 1 || action.rating > 5) return refuse("invalid_rating");
      return { ok: true, next: { rating: action.rating } };
  }
}

/** Which actions could succeed now (for buttons and for the supervisor view). */
export function allowedChatActions(current: ChatSnapshot): ChatAction["kind"][] {
  switch (current.status) {
    case "queued":
      return current.language === "cy" && !current.welshFallbackConsent ? ["assign", "end", "accept_fallback"] : ["assign", "end"];
    case "active":
      return ["requeue", "hand_over", "end"];
    case "ended":
      return current.rating === null ? ["rate"] : [];
    case "left_message":
      return [];
  }
}
