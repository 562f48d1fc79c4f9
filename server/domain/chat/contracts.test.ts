// The chat's payload schemas refuse what would otherwise fail at the database and come back as
// "internal": lone UTF-16 surrogates in typed text (PostgreSQL refuses them in JSON: the hostile
// run's "leave a message" with "x\ud83dy") and message numbers beyond the 32-bit column.
import { describe, expect, it } from "vitest";
import { CUSTOMER_EVENT_SCHEMAS, isWellFormedText, type CustomerClientEvents } from "./contracts";

const conversationId = "7b0e4c1e-2f7a-4d7e-9a54-0d1c5b3b9a11";
const leave = { lang: "cy", topic: "foi", name: "Siân", email: "sian@example.org", text: "Ble mae fy nghais?", idempotencyKey: "b6ae7d83-5923-4b45-b41f-6d25d6fe58ba" };

describe("isWellFormedText", () => {
  it.each([
    ["plain", "Hello", true],
    ["Welsh letters", "ŵ ŷ â", true],
    ["an emoji (a surrogate pair)", "x😀y", true],
    ["a high surrogate alone", "x\ud83dy", false],
    ["a low surrogate alone", "x\ude00y", false],
    ["a high surrogate at the end", "x\ud83d", false],
    ["two high surrogates", "\ud83d\ud83d\ude00", false],
    ["a NUL", "x\u0000y", false],
    ["a tab and new lines", "a\tb\r\nc", true],
  ])("%s", (_name, value, expected) => {
    expect(isWellFormedText(value)).toBe(expected);
  });
});

describe("customer event schemas", () => {
  const cases: [keyof CustomerClientEvents, unknown, boolean][] = [
    ["chat:leave-message", leave, true],
    ["chat:leave-message", { ...leave, text: "x\ud83dy" }, false],
    ["chat:leave-message", { ...leave, name: "Si\udc00n" }, false],
    ["chat:leave-message", { ...leave, text: "Helo\u0000" }, false],
    ["chat:start", { lang: "en", topic: "foi", name: "A\u0000B", transcriptConsent: false }, false],
    ["message:send", { conversationId, clientId: "abcdefgh", text: "x\ud83dy" }, false],
    ["message:send", { conversationId, clientId: "abcdefgh", text: "x😀y" }, true],
    ["chat:start", { lang: "en", topic: "foi", name: "\ud800", transcriptConsent: false }, false],
    ["chat:rate", { conversationId, rating: 4, comment: "da\udfff" }, false],
    ["receipt:update", { conversationId, upToSeq: 2 ** 31 - 1, state: "read" }, true],
    ["receipt:update", { conversationId, upToSeq: 2 ** 31, state: "read" }, false],
    ["chat:resume", { token: "x".repeat(20), lastSeq: 2 ** 40 }, false],
  ];
  it.each(cases)("%s %j accepted: %s", (event, payload, accepted) => {
    expect(CUSTOMER_EVENT_SCHEMAS[event].safeParse(payload).success).toBe(accepted);
  });
});
