// Staff two-step sign-in: TOTP (RFC 6238, otplib) enrolled with a QR code, and one-use recovery
// codes. The TOTP secret is stored encrypted (AES-256-GCM, key derived from SESSION_SECRET), so
// a copy of the database alone cannot mint codes; recovery codes are stored as keyed hashes.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Prisma } from "../db";

export const ISSUER = "Doorstep";
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes allowed in one sign-in before the person must start again with their password. */
export const MAX_CODE_ATTEMPTS = 5;
/** Minutes between the password and the code before the half-done sign-in lapses. */
export const PENDING_MINUTES = 10;

const key = (secret: string, purpose: string) => Buffer.from(hkdfSync("sha256", secret, "doorstep-mfa", purpose, 32));

export function encryptSecret(sessionSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(sessionSecret, "totp-secret"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function decryptSecret(sessionSecret: string, stored: string): string | null {
  const [version, iv, body, tag] = stored.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(sessionSecret, "totp-secret"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** The secret in groups of four, as people type it into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(" ");
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The enrolment QR code as an SVG data URI (the CSP allows data: images; no script needed). */
export async function qrDataUri(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
export const isTotpShape = (code: string) => /^\d{6}$/.test(normaliseCode(code));

/**
 * Checks a six-digit code, allowing one step of clock drift either way, and never a step at or
 * before `afterStep` (a code seen once, by us or by someone watching, is spent).
 */
export async function checkTotp(secret: string, code: string, afterStep?: number | null): Promise<{ ok: true; step: number } | { ok: false }> {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return { ok: false };
  try {
    const result = await verify({ secret, token, epochTolerance: 30, ...(afterStep != null ? { afterTimeStep: afterStep } : {}) });
    if (result.valid && "timeStep" in result && typeof result.timeStep === "number") return { ok: true, step: result.timeStep };
  } catch {
    // otplib throws on an afterTimeStep beyond the window (clock moved back): not a valid code.
  }
  return { ok: false };
}

/** For tests and the demo: the code an authenticator app would show now. */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud and typed from paper

/** Ten codes like `k7m2p-9xq4r` (about 50 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Keyed hash: high-entropy random codes need no slow hash, but a database copy alone must not test guesses. */
export function hashRecoveryCode(sessionSecret: string, code: string): string {
  return createHmac("sha256", key(sessionSecret, "recovery-code")).update(normaliseCode(code)).digest("base64url");
}

/** Turns on TOTP for a member of staff and replaces their recovery codes; returns the new codes (shown once). */
export async function enableTotp(prisma: Prisma, sessionSecret: string, staffUserId: string, secret: string, step: number, at: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await prisma.$transaction([
    prisma.staffRecoveryCode.deleteMany({ where: { staffUserId } }),
    prisma.staffRecoveryCode.createMany({ data: codes.map((code) => ({ staffUserId, codeHash: hashRecoveryCode(sessionSecret, code) })) }),
    prisma.staffUser.update({ where: { id: staffUserId }, data: { totpSecret: encryptSecret(sessionSecret, secret), totpEnabledAt: at, totpLastStep: step } }),
  ]);
  return codes;
}

/**
 * Checks the second step for a member of staff with TOTP on: a current code (recorded so it
 * cannot be replayed) or an unused recovery code (spent atomically, so two racing uses cannot both pass).
 */
export async function checkSecondStep(
  prisma: Prisma,
  sessionSecret: string,
  staffUserId: string,
  code: string,
  at: Date,
): Promise<"totp" | "recovery" | null> {
  const user = await prisma.staffUser.findUnique({ where: { id: staffUserId }, select: { totpSecret: true, totpLastStep: true, totpEnabledAt: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) return null;
  if (isTotpShape(code)) {
    const secret = decryptSecret(sessionSecret, user.totpSecret);
    if (!secret) return null;
    const result = await checkTotp(secret, code, user.totpLastStep);
    if (!result.ok) return null;
    // Compare-and-set on the last step: of two requests with one code, only one wins.
    const { count } = await prisma.staffUser.updateMany({
      where: { id: staffUserId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: result.step } }] },
      data: { totpLastStep: result.step },
    });
    return count === 1 ? "totp" : null;
  }
  const normalised = normaliseCode(code);
  if (!/^[a-z0-9]{10}$/.test(normalised)) return null;
  const { count } = await prisma.staffRecoveryCode.updateMany({
    where: { staffUserId, codeHash: hashRecoveryCode(sessionSecret, normalised), usedAt: null },
    data: { usedAt: at },
  });
  return count === 1 ? "recovery" : null;
}
