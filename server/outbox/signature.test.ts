import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signatureHeader, signPayload, verifySignature } from "./signature";

const secret = "test-secret-that-is-long-enough-123456";
const body = JSON.stringify({ id: "e1", type: "case.created" });
const now = new Date("2026-12-02T10:00:00Z");

describe("webhook signatures", () => {
  it("matches a known HMAC-SHA256 over timestamp.body", () => {
    // printf '1700000000.{}' | openssl dgst -sha256 -hmac key
    expect(signPayload("key", 1700000000, "{}")).toBe("9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    expect(signPayload("key", 1700000000, "{}")).toMatch(/^[0-9a-f]{64}$/);
    expect(signPayload("key", 1700000000, "{}")).not.toBe(signPayload("key", 1700000001, "{}"));
  });

  it.each([
    ["a fresh, correct signature", () => ({ header: signatureHeader(secret, body, now), body }), { ok: true }],
    ["no header", () => ({ header: null, body }), { ok: false, reason: "missing" }],
    ["garbage", () => ({ header: "t=abc,v1=xyz", body }), { ok: false, reason: "malformed" }],
    ["a changed body", () => ({ header: signatureHeader(secret, body, now), body: body.replace("e1", "e2") }), { ok: false, reason: "bad_signature" }],
    ["the wrong secret", () => ({ header: signatureHeader("another-secret-another-secret-xx", body, now), body }), { ok: false, reason: "bad_signature" }],
    ["a timestamp 6 minutes old", () => ({ header: signatureHeader(secret, body, new Date(now.getTime() - 360_000)), body }), { ok: false, reason: "expired" }],
    ["a timestamp 6 minutes ahead", () => ({ header: signatureHeader(secret, body, new Date(now.getTime() + 360_000)), body }), { ok: false, reason: "expired" }],
    [
      "an old timestamp re-signed with a forged v1 for a new time",
      () => {
        const old = parseSignatureHeader(signatureHeader(secret, body, new Date(now.getTime() - 3_600_000)))!;
        return { header: `t=${now.getTime()},v1=${old.v1[0]}`, body };
      },
      { ok: false, reason: "bad_signature" },
    ],
  ] as const)("%s", (_name, make, expected) => {
    const { header, body: b } = make();
    expect(verifySignature({ secret, header, body: b, now })).toEqual(expected);
  });

  it("refuses the same signed request a second time", () => {
    const seen = new Set<string>();
    const header = signatureHeader(secret, body, now);
    expect(verifySignature({ secret, header, body, now, seen })).toEqual({ ok: true });
    expect(verifySignature({ secret, header, body, now, seen })).toEqual({ ok: false, reason: "replayed" });
    // A retry is signed again a second later and is accepted (receivers deduplicate by event id).
    const retry = signatureHeader(secret, body, new Date(now.getTime() + 1000));
    expect(verifySignature({ secret, header: retry, body, now, seen })).toEqual({ ok: true });
  });
});
