// Signed conversation tokens: what a customer's browser keeps so a reload or a new tab
// resumes the same conversation. HMAC-SHA256 with the session secret; nothing secret inside.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOKEN_TTL_MS = 24 * 60 * 60_000;

function mac(secret: string, payload: string) {
  return createHmac("sha256", secret).update(`chat-token:${payload}`).digest("base64url");
}

export function signConversationToken(secret: string, conversationId: string, now: Date): string {
  const payload = `${conversationId}.${now.getTime().toString(36)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The conversation id, or null when the token is forged, malformed or expired. */
export function verifyConversationToken(secret: string, token: string, now: Date): string | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [id, issued, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(secret, `${id}.${issued}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt) || now.getTime() - issuedAt > TOKEN_TTL_MS) return null;
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}
