import { describe, expect, it } from "vitest";
import { chatsToRequeue, customerRefreshAfterMs, estimateWaitSeconds, nextAssignments, queuePosition, shouldOfferFallback, type AdviserLoad, type QueuedChat } from "./queue";

const t = (min: number) => new Date(Date.UTC(2026, 11, 2, 10, min));
const chat = (id: string, min: number, lang: "en" | "cy" = "en", fallbackConsented = false): QueuedChat => ({ id, queuedAt: t(min), lang, fallbackConsented });
const adviser = (id: string, over: Partial<AdviserLoad> = {}): AdviserLoad => ({
  id,
  speaksWelsh: false,
  available: true,
  connected: true,
  load: 0,
  maxChats: 3,
  lastAssignedAt: null,
  ...over,
});

describe("nextAssignments", () => {
  const cases: { name: string; queue: QueuedChat[]; advisers: AdviserLoad[]; expected: [string, string][] }[] = [
    { name: "oldest chat first (FCFS), one seat", queue: [chat("b", 5), chat("a", 1)], advisers: [adviser("x", { maxChats: 1 })], expected: [["a", "x"]] },
    { name: "fills capacity and no further", queue: [chat("a", 1), chat("b", 2), chat("c", 3), chat("d", 4)], advisers: [adviser("x")], expected: [["a", "x"], ["b", "x"], ["c", "x"]] },
    { name: "capacity counts chats already held", queue: [chat("a", 1), chat("b", 2)], advisers: [adviser("x", { load: 2 })], expected: [["a", "x"]] },
    { name: "least-loaded adviser first", queue: [chat("a", 1), chat("b", 2)], advisers: [adviser("x", { load: 1 }), adviser("y")], expected: [["a", "y"], ["b", "x"]] },
    { name: "unavailable or disconnected advisers get nothing", queue: [chat("a", 1)], advisers: [adviser("x", { available: false }), adviser("y", { connected: false })], expected: [] },
    { name: "Welsh chat waits for a Welsh speaker", queue: [chat("a", 1, "cy")], advisers: [adviser("x")], expected: [] },
    { name: "Welsh chat goes to the Welsh speaker", queue: [chat("a", 1, "cy")], advisers: [adviser("x"), adviser("w", { speaksWelsh: true, load: 2 })], expected: [["a", "w"]] },
    { name: "Welsh chat with consent falls back", queue: [chat("a", 1, "cy", true)], advisers: [adviser("x")], expected: [["a", "x"]] },
    { name: "consented Welsh chat still prefers a Welsh speaker", queue: [chat("a", 1, "cy", true)], advisers: [adviser("x"), adviser("w", { speaksWelsh: true, load: 1 })], expected: [["a", "w"]] },
    { name: "a waiting Welsh chat does not block English ones", queue: [chat("a", 1, "cy"), chat("b", 2)], advisers: [adviser("x", { maxChats: 1 })], expected: [["b", "x"]] },
    { name: "idle longest gets the tie", queue: [chat("a", 1)], advisers: [adviser("x", { lastAssignedAt: t(9) }), adviser("y", { lastAssignedAt: t(2) })], expected: [["a", "y"]] },
    { name: "excluded adviser skipped (transfer)", queue: [{ ...chat("a", 1), excludeAdviserIds: ["x"] }], advisers: [adviser("x"), adviser("y", { load: 2 })], expected: [["a", "y"]] },
  ];
  it.each(cases)("$name", ({ queue, advisers, expected }) => {
    expect(nextAssignments(queue, advisers).map((a) => [a.chatId, a.adviserId])).toEqual(expected);
  });
});

describe("queuePosition", () => {
  const queue = [chat("a", 1), chat("w", 2, "cy"), chat("b", 3), chat("c", 4, "cy", true)];
  it.each([
    ["a", 1],
    ["b", 2],
    ["w", 1],
    ["c", 3],
    ["missing", null],
  ] as const)("%s is at %s", (id, pos) => expect(queuePosition(queue, id)).toBe(pos));
});

describe("estimateWaitSeconds", () => {
  it.each([
    { position: 1, recent: [600], seats: 3, free: 1, expected: 0 },
    { position: 2, recent: [600], seats: 3, free: 1, expected: 240 },
    { position: 3, recent: [300, 600, 900], seats: 1, free: 0, expected: 1800 },
    { position: 1, recent: [], seats: 0, free: 0, expected: 660 },
  ])("position $position, $seats seats → $expected s", ({ position, recent, seats, free, expected }) => {
    expect(estimateWaitSeconds({ position, recentHandlingSeconds: recent, seats, freeSeats: free })).toBe(expected);
  });
});

describe("chatsToRequeue", () => {
  const limits = { answerTimeoutMs: 2 * 60_000, disconnectGraceMs: 30_000 };
  it.each([
    { name: "answered, adviser here", first: t(1), gone: undefined, now: t(30), expected: [] },
    { name: "not answered in time", first: null, gone: undefined, now: t(3), expected: ["timeout"] },
    { name: "not answered, still in time", first: null, gone: undefined, now: new Date(t(0).getTime() + 60_000), expected: [] },
    { name: "adviser gone past the grace", first: t(1), gone: t(10), now: new Date(t(10).getTime() + 31_000), expected: ["disconnected"] },
    { name: "adviser reloading (within grace)", first: t(1), gone: t(10), now: new Date(t(10).getTime() + 5_000), expected: [] },
  ])("$name", ({ first, gone, now, expected }) => {
    const active = [{ id: "a", adviserId: "x", assignedAt: t(0), firstAnsweredAt: first }];
    const goneMap = new Map(gone ? [["x", gone]] : []);
    expect(chatsToRequeue(active, goneMap, now, limits).map((r) => r.reason)).toEqual(expected);
  });
});

describe("shouldOfferFallback", () => {
  it.each([
    { name: "English chat never", c: chat("a", 0), advisers: [adviser("x")], expected: false },
    { name: "Welsh, waited, no Welsh speaker free", c: chat("a", 0, "cy"), advisers: [adviser("x"), adviser("w", { speaksWelsh: true, load: 3 })], expected: true },
    { name: "Welsh, Welsh speaker free", c: chat("a", 0, "cy"), advisers: [adviser("w", { speaksWelsh: true })], expected: false },
    { name: "Welsh, not waited long enough", c: chat("a", 4, "cy"), advisers: [], expected: false },
    { name: "already consented", c: chat("a", 0, "cy", true), advisers: [], expected: false },
  ])("$name", ({ c, advisers, expected }) => {
    expect(shouldOfferFallback(c, advisers, t(5), 3 * 60_000)).toBe(expected);
  });
});

describe("customerRefreshAfterMs", () => {
  it.each([
    // grace, heartbeat, refresh after: a third of the grace, never closer to it than three beats, never negative
    [120_000, 5_000, 40_000],
    [30_000, 5_000, 10_000],
    [20_000, 5_000, 5_000],
    [15_000, 5_000, 0],
    [4_000, 5_000, 0],
  ])("grace %i ms, heartbeat %i ms: refresh rows older than %i ms", (grace, beat, expected) => {
    const refresh = customerRefreshAfterMs(grace, beat);
    expect(refresh).toBe(expected);
    // The promise it exists for: a present customer is never older than the grace.
    expect(refresh + 2 * beat).toBeLessThan(Math.max(grace, 2 * beat + 1));
  });
});
