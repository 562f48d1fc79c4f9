import { describe, expect, it } from "vitest";
import { CHAT_STATUSES, allowedChatActions, chatTransition, isLive, type ChatAction, type ChatSnapshot } from "./status.js";
import type { ChatStatus } from "./events.js";

const NOW = new Date("2026-12-06T10:00:00Z");
const EARLIER = new Date("2026-12-06T09:50:00Z");
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

function snapshot(status: ChatStatus, over: Partial<ChatSnapshot> = {}): ChatSnapshot {
  return {
    status,
    language: "en",
    adviserId: status === "active" ? A : null,
    assignedAt: status === "active" ? EARLIER : null,
    excludeAdviserId: null,
    welshFallbackConsent: false,
    fallbackOfferedAt: null,
    endedAt: status === "ended" ? EARLIER : null,
    endedBy: status === "ended" ? "customer" : null,
    rating: null,
    ...over,
  };
}

type Row = [ChatStatus, ChatAction, Partial<ChatSnapshot> | string, Partial<ChatSnapshot>?];

// Every status × every action kind, plus the interesting variants.
const table: Row[] = [
  // queued
  ["queued", { kind: "assign", adviserId: A }, { status: "active", adviserId: A, assignedAt: NOW, excludeAdviserId: null }],
  ["queued", { kind: "assign", adviserId: A }, { status: "active", adviserId: A, assignedAt: NOW, excludeAdviserId: null }, { excludeAdviserId: B }],
  ["queued", { kind: "requeue", reason: "timeout" }, "not_active"],
  ["queued", { kind: "hand_over", to: B }, "not_active"],
  ["queued", { kind: "end", by: "customer" }, { status: "ended", endedAt: NOW, endedBy: "customer" }],
  ["queued", { kind: "end", by: "system" }, { status: "ended", endedAt: NOW, endedBy: "system" }],
  ["queued", { kind: "accept_fallback" }, { welshFallbackConsent: true }],
  ["queued", { kind: "rate", rating: 5 }, "not_ended"],
  // active
  ["active", { kind: "assign", adviserId: B }, "not_queued"],
  ["active", { kind: "requeue", reason: "timeout" }, { status: "queued", adviserId: null, assignedAt: null, excludeAdviserId: null }],
  ["active", { kind: "requeue", reason: "transferred", excludeAdviser: true }, { status: "queued", adviserId: null, assignedAt: null, excludeAdviserId: A }],
  [
    "active",
    { kind: "requeue", reason: "transferred", excludeAdviser: true, toWelsh: true },
    { status: "queued", adviserId: null, assignedAt: null, excludeAdviserId: A, language: "cy", welshFallbackConsent: false, fallbackOfferedAt: null },
    { welshFallbackConsent: true, fallbackOfferedAt: EARLIER },
  ],
  ["active", { kind: "hand_over", to: B }, { adviserId: B, assignedAt: NOW }],
  ["active", { kind: "hand_over", to: A }, "same_adviser"],
  ["active", { kind: "end", by: "adviser" }, { status: "ended", endedAt: NOW, endedBy: "adviser" }],
  ["active", { kind: "accept_fallback" }, "not_queued"],
  ["active", { kind: "rate", rating: 4 }, "not_ended"],
  // ended
  ["ended", { kind: "assign", adviserId: A }, "ended"],
  ["ended", { kind: "requeue", reason: "disconnected" }, "ended"],
  ["ended", { kind: "hand_over", to: B }, "ended"],
  ["ended", { kind: "end", by: "customer" }, "ended"],
  ["ended", { kind: "accept_fallback" }, "ended"],
  ["ended", { kind: "rate", rating: 5 }, { rating: 5 }],
  ["ended", { kind: "rate", rating: 5 }, "already_rated", { rating: 3 }],
  ["ended", { kind: "rate", rating: 6 }, "invalid_rating"],
  ["ended", { kind: "rate", rating: 0 }, "invalid_rating"],
  // left a message (out of hours): never live
  ["left_message", { kind: "assign", adviserId: A }, "ended"],
  ["left_message", { kind: "requeue", reason: "timeout" }, "ended"],
  ["left_message", { kind: "hand_over", to: B }, "ended"],
  ["left_message", { kind: "end", by: "customer" }, "ended"],
  ["left_message", { kind: "accept_fallback" }, "ended"],
  ["left_message", { kind: "rate", rating: 5 }, "not_ended"],
];

describe("chat status machine", () => {
  it.each(table)("%s + %o → %o", (status, action, expected, over) => {
    const result = chatTransition(snapshot(status, over), action, NOW);
    if (typeof expected === "string") expect(result).toEqual({ ok: false, reason: expected });
    else expect(result).toEqual({ ok: true, next: expected });
  });

  it("covers every status and every action kind", () => {
    const kinds: ChatAction["kind"][] = ["assign", "requeue", "hand_over", "end", "accept_fallback", "rate"];
    for (const status of CHAT_STATUSES) for (const kind of kinds) expect(table.some(([s, a]) => s === status && a.kind === kind)).toBe(true);
  });

  it("lists only actions that can succeed", () => {
    const sample: Record<ChatAction["kind"], ChatAction> = {
      assign: { kind: "assign", adviserId: B },
      requeue: { kind: "requeue", reason: "timeout" },
      hand_over: { kind: "hand_over", to: B },
      end: { kind: "end", by: "system" },
      accept_fallback: { kind: "accept_fallback" },
      rate: { kind: "rate", rating: 5 },
    };
    for (const status of CHAT_STATUSES) {
      for (const lang of ["en", "cy"] as const) {
        const s = snapshot(status, { language: lang });
        const allowed = allowedChatActions(s);
        for (const [kind, action] of Object.entries(sample)) {
          const ok = chatTransition(s, action, NOW).ok;
          // accept_fallback on an English chat succeeds but is pointless, so it is not offered.
          if (kind === "accept_fallback" && lang === "en") continue;
          expect([status, lang, kind, allowed.includes(kind as ChatAction["kind"])]).toEqual([status, lang, kind, ok]);
        }
      }
    }
  });

  it("only queued and active chats are live", () => {
    expect(CHAT_STATUSES.filter(isLive)).toEqual(["queued", "active"]);
  });
});
