// Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>", sent as
// `Doorstep-Signature: t=<unix milliseconds>,v1=<hex>`. Milliseconds, not seconds: a retry a
// moment after a lost acknowledgement must not carry the same signature as the first try. Receivers check the HMAC in constant time,
// refuse timestamps outside a tolerance, and remember signatures they have seen so a captured
// request cannot be replayed. A retry is signed afresh, so it is never mistaken for a replay;
// receivers deduplicate retries by the event id instead.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "doorstep-signature";
export const EVENT_ID_HEADER = "doorstep-event-id";

export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date = new Date()): string {
  const t = now.getTime();
  return `t=${t},v1=${signPayload(secret, t, body)}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: "missing" | "malformed" | "expired" | "bad_signature" | "replayed" };

export function parseSignatureHeader(header: string | null | undefined): { t: number; v1: string[] } | null {
  if (!header) return null;
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,15}$/.test(value)) t = Number(value);
    else if (key === "v1" && value && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/** Checks one delivery. Pure apart from the seen-set the caller keeps. */
export function verifySignature(options: {
  secret: string;
  header: string | null | undefined;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
  seen?: Set<string>;
}): VerifyResult {
  if (!options.header) return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(options.header);
  if (!parsed) return { ok: false, reason: "malformed" };
  const now = (options.now ?? new Date()).getTime();
  if (Math.abs(now - parsed.t) > (options.toleranceSeconds ?? 300) * 1000) return { ok: false, reason: "expired" };
  const expected = Buffer.from(signPayload(options.secret, parsed.t, options.body), "hex");
  const match = parsed.v1.find((candidate) => {
    const given = Buffer.from(candidate, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!match) return { ok: false, reason: "bad_signature" };
  const key = `${parsed.t}.${match}`;
  if (options.seen?.has(key)) return { ok: false, reason: "replayed" };
  options.seen?.add(key);
  return { ok: true };
}
