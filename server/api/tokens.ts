// API bearer tokens: shown once when made, stored only as a SHA-256 hash, scoped, expiring,
// revocable. SHA-256 (not a slow password hash) is right here: the secret is 256 random bits.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.js";

export const API_SCOPES = ["cases:read", "reports:read", "adjustments:read", "events:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const TOKEN_PREFIX = "dst_";

export const NewTokenSchema = z.object({
  name: z.string("staff-backoffice:tokens.errors.name").trim().min(1, "staff-backoffice:tokens.errors.name").max(100, "staff-backoffice:tokens.errors.nameTooLong"),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "staff-backoffice:tokens.errors.scopes"),
  days: z.coerce.number("staff-backoffice:tokens.errors.days").int("staff-backoffice:tokens.errors.days").min(1, "staff-backoffice:tokens.errors.days").max(366, "staff-backoffice:tokens.errors.days"),
});

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(prisma: PrismaClient, input: z.output<typeof NewTokenSchema> & { createdById: string | null; now: Date }) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await prisma.apiToken.create({
    data: {
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      scopes: [...new Set(input.scopes)],
      createdAt: input.now,
      createdById: input.createdById,
      expiresAt: new Date(input.now.getTime() + input.days * 24 * 3600_000),
    },
  });
  return { token, id: row.id };
}

export async function revokeApiToken(prisma: PrismaClient, id: string, revokedById: string, now: Date): Promise<boolean> {
  const result = await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedById } });
  return result.count === 1;
}

export type AuthResult = { ok: true; tokenId: string; scopes: ApiScope[] } | { ok: false; reason: "missing" | "invalid" | "expired" | "revoked" };

/** Reads "Authorization: Bearer dst_…". Unknown, revoked and expired tokens all fail. */
export async function authenticateToken(prisma: PrismaClient, header: string | undefined, now: Date): Promise<AuthResult> {
  const match = /^Bearer ([A-Za-z0-9_\-]{10,100})$/.exec(header?.trim() ?? "");
  if (!header) return { ok: false, reason: "missing" };
  if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "invalid" };
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) } });
  if (!row) return { ok: false, reason: "invalid" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: "expired" };
  // At most one write a minute per token, so reads stay cheap.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  }
  return { ok: true, tokenId: row.id, scopes: row.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)) };
}
