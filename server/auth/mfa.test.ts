import { describe, expect, it } from "vitest";
import { checkTotp, currentTotp, decryptSecret, encryptSecret, groupSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrDataUri, totpUri } from "./mfa";

const SECRET = "s".repeat(40);

describe("two-step sign-in", () => {
  it("encrypts the TOTP secret and refuses a tampered or foreign one", () => {
    const totp = newTotpSecret();
    const stored = encryptSecret(SECRET, totp);
    expect(stored).not.toContain(totp);
    expect(decryptSecret(SECRET, stored)).toBe(totp);
    expect(decryptSecret("t".repeat(40), stored)).toBeNull();
    expect(decryptSecret(SECRET, stored.slice(0, -2) + "AA")).toBeNull();
    expect(decryptSecret(SECRET, "garbage")).toBeNull();
  });

  it("accepts the current code once it is past the last accepted step, and nothing else", async () => {
    const totp = newTotpSecret();
    const code = await currentTotp(totp);
    const first = await checkTotp(totp, code);
    expect(first.ok).toBe(true);
    const step = first.ok ? first.step : 0;
    expect((await checkTotp(totp, code, step)).ok).toBe(false);
    expect((await checkTotp(totp, "12345")).ok).toBe(false);
    expect((await checkTotp(totp, "abcdef")).ok).toBe(false);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect((await checkTotp(totp, wrong)).ok).toBe(false);
  });

  it("makes distinct readable recovery codes and keyed hashes of them", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(SECRET, codes[0]!)).toBe(hashRecoveryCode(SECRET, codes[0]!.toUpperCase().replace("-", " ")));
    expect(hashRecoveryCode(SECRET, codes[0]!)).not.toBe(hashRecoveryCode("t".repeat(40), codes[0]!));
  });

  it("draws the enrolment QR code as an SVG image and groups the secret for typing", async () => {
    const uri = totpUri("officer@doorstep.example", "JBSWY3DPEHPK3PXP");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Doorstep:officer%40doorstep\.example\?secret=JBSWY3DPEHPK3PXP/);
    const image = await qrDataUri(uri);
    expect(Buffer.from(image.replace("data:image/svg+xml;base64,", ""), "base64").toString()).toMatch(/^<svg /);
    expect(groupSecret("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
  });
});
