// Who gets which chat next. Pure functions over snapshots, so the rules are tested on tables
// and the socket server only applies the result.

export type QueuedChat = {
  id: string;
  lang: "en" | "cy";
  /** When the customer first joined the queue; a chat put back keeps its place. */
  queuedAt: Date;
  /** The customer agreed to an adviser who does not speak Welsh. */
  fallbackConsented: boolean;
  /** Advisers this chat must not go back to (e.g. the one who just transferred it). */
  excludeAdviserIds?: readonly string[];
};

export type AdviserLoad = {
  id: string;
  speaksWelsh: boolean;
  available: boolean;
  connected: boolean;
  load: number;
  maxChats: number;
  /** When the adviser last took a chat; the one idle longest gets the next. */
  lastAssignedAt: Date | null;
};

export type Assignment = { chatId: string; adviserId: string };

/** First come, first served: oldest first, ties by id so the order is stable. */
export function orderQueue<T extends Pick<QueuedChat, "queuedAt" | "id">>(queue: readonly T[]): T[] {
  return [...queue].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id.localeCompare(b.id));
}

export function canTakeChat(adviser: AdviserLoad): boolean {
  return adviser.available && adviser.connected && adviser.load < adviser.maxChats;
}

/** Whether this adviser may answer this chat: Welsh chats need a Welsh speaker unless the customer agreed otherwise. */
export function eligible(chat: QueuedChat, adviser: AdviserLoad): boolean {
  if (chat.excludeAdviserIds?.includes(adviser.id)) return false;
  return chat.lang !== "cy" || adviser.speaksWelsh || chat.fallbackConsented;
}

/**
 * Assigns as many queued chats as free capacity allows, oldest first. A Welsh chat waiting
 * for a Welsh speaker does not hold up the English chats behind it. Among eligible advisers the
 * least loaded, then the one idle longest, gets the chat; a Welsh chat prefers Welsh speakers
 * even when the customer agreed to fall back.
 */
export function nextAssignments(queue: readonly QueuedChat[], advisers: readonly AdviserLoad[]): Assignment[] {
  const loads = new Map(advisers.map((a) => [a.id, { ...a }]));
  const result: Assignment[] = [];
  for (const chat of orderQueue(queue)) {
    const candidates = [...loads.values()].filter((a) => canTakeChat(a) && eligible(chat, a));
    if (candidates.length === 0) continue;
    candidates.sort(
      (a, b) =>
        (chat.lang === "cy" ? Number(b.speaksWelsh) - Number(a.speaksWelsh) : 0) ||
        a.load - b.load ||
        (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
        a.id.localeCompare(b.id),
    );
    const chosen = candidates[0]!;
    chosen.load += 1;
    result.push({ chatId: chat.id, adviserId: chosen.id });
  }
  return result;
}

/** 1-based place in the queue among chats the same advisers could answer. */
export function queuePosition(queue: readonly QueuedChat[], chatId: string): number | null {
  const ordered = orderQueue(queue);
  const index = ordered.findIndex((c) => c.id === chatId);
  if (index < 0) return null;
  const chat = ordered[index]!;
  // An English chat is not behind Welsh-only chats (they wait for different advisers), and vice versa.
  const welshOnly = (c: QueuedChat) => c.lang === "cy" && !c.fallbackConsented;
  return ordered.slice(0, index).filter((c) => welshOnly(c) === welshOnly(chat)).length + 1;
}

export const DEFAULT_HANDLING_SECONDS = 10.5 * 60;

/**
 * Estimated wait for the person at `position`: each adviser seat frees up on average every
 * (median handling time / seats) seconds. With no adviser signed in we still give the figure
 * for one seat rather than nothing. Rounded up to the minute so it never looks precise.
 */
export function estimateWaitSeconds(input: { position: number; recentHandlingSeconds: readonly number[]; seats: number; freeSeats: number }): number {
  if (input.position <= input.freeSeats) return 0;
  const median = medianOf(input.recentHandlingSeconds) ?? DEFAULT_HANDLING_SECONDS;
  const seats = Math.max(1, input.seats);
  const ahead = input.position - input.freeSeats;
  return Math.ceil((ahead * median) / seats / 60) * 60;
}

export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type ActiveChat = {
  id: string;
  adviserId: string;
  assignedAt: Date;
  /** When the adviser first replied; null until then. */
  firstAnsweredAt: Date | null;
};

export type RequeueReason = "timeout" | "disconnected";

/**
 * Active chats that go back to the queue: not answered within `answerTimeoutMs` of being
 * assigned, or whose adviser has been disconnected longer than `disconnectGraceMs`
 * (a page reload or a server restart is shorter than the grace, so those keep their chats).
 */
export function chatsToRequeue(
  active: readonly ActiveChat[],
  adviserGoneSince: ReadonlyMap<string, Date>,
  now: Date,
  limits: { answerTimeoutMs: number; disconnectGraceMs: number },
): { chatId: string; adviserId: string; reason: RequeueReason }[] {
  const out: { chatId: string; adviserId: string; reason: RequeueReason }[] = [];
  for (const chat of active) {
    const gone = adviserGoneSince.get(chat.adviserId);
    if (gone && now.getTime() - gone.getTime() >= limits.disconnectGraceMs) {
      out.push({ chatId: chat.id, adviserId: chat.adviserId, reason: "disconnected" });
    } else if (!chat.firstAnsweredAt && now.getTime() - chat.assignedAt.getTime() >= limits.answerTimeoutMs) {
      out.push({ chatId: chat.id, adviserId: chat.adviserId, reason: "timeout" });
    }
  }
  return out;
}

/** A Welsh chat that has waited this long with no Welsh speaker free is offered an English-speaking adviser. */
export function shouldOfferFallback(chat: QueuedChat, advisers: readonly AdviserLoad[], now: Date, afterMs: number): boolean {
  if (chat.lang !== "cy" || chat.fallbackConsented) return false;
  if (now.getTime() - chat.queuedAt.getTime() < afterMs) return false;
  return !advisers.some((a) => canTakeChat(a) && a.speaksWelsh);
}

/**
 * How old a present customer's "last seen" may get before the heartbeat writes it again. The
 * heartbeat (every `heartbeatMs`) skips a row a message holds and retries it at the next beat, so
 * a present customer's row is at most this plus two beats old; that must stay inside the grace
 * after which a customer counts as gone, with a beat to spare. Writing less often matters because
 * the conversation's row is the one every message updates.
 */
export function customerRefreshAfterMs(customerGraceMs: number, heartbeatMs: number): number {
  return Math.max(0, Math.min(customerGraceMs / 3, customerGraceMs - 3 * heartbeatMs));
}
