import { describe, expect, it } from "vitest";
import { signConversationToken, verifyConversationToken } from "./tokens";

const secret = "s".repeat(40);
const id = "0b6a2f3e-8d7c-4c1a-9a55-5d1e2f3a4b5c";
const now = new Date("2026-12-02T10:00:00Z");

describe("conversation tokens", () => {
  const token = signConversationToken(secret, id, now);
  it.each([
    ["valid", token, now, id],
    ["other secret", signConversationToken("t".repeat(40), id, now), now, null],
    ["tampered id", token.replace(id, "1b6a2f3e-8d7c-4c1a-9a55-5d1e2f3a4b5c"), now, null],
    ["expired", token, new Date(now.getTime() + 25 * 3600_000), null],
    ["garbage", "abc", now, null],
    ["empty signature", token.split(".").slice(0, 2).join(".") + ".", now, null],
  ])("%s", (_name, value, at, expected) => expect(verifyConversationToken(secret, value as string, at as Date)).toBe(expected));
});
