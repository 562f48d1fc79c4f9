// Server-side sessions for staff and for members of the public part-way through a form.
// The cookie holds a random token; the database keeps only its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import { createSessionStorage, type Session, type SessionStorage } from "react-router";
import { sqlThroughPrisma, type Prisma, type Sql } from "../db";
import { cookieNames } from "../http/csrf";
import { createSignedCookie } from "../http/signed-cookie";

/** The plain-HTTP name; over HTTPS it is `__Host-doorstep_session` (see cookieNames). */
export const SESSION_COOKIE = "doorstep_session";
export const STAFF_IDLE_MS = 30 * 60_000;
export const PUBLIC_IDLE_MS = 2 * 60 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
// Sliding expiry is written at most this often, not on every request.
const TOUCH_EVERY_MS = 60_000;

export type SessionData = {
  staffUserId?: string;
  drafts?: Record<string, Record<string, unknown>>;
  submitted?: Record<string, { reference: string; email?: string } & Record<string, unknown>>;
  flash?: string;
  /** Password accepted, second step still to do (server/auth/mfa.ts); not signed in yet. */
  mfa?: { userId: string; stage: "verify" | "enrol"; returnTo: string; failures: number; startedAt: number };
  /** A TOTP secret being enrolled, encrypted, until its first code confirms it. */
  mfaSetup?: string;
};
export type AppSession = Session<SessionData, SessionData>;
export type AppSessionStorage = SessionStorage<SessionData, SessionData>;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Every statement here runs on every request that carries a session, so it goes through `sql`
 * (the driver directly, server/db.ts) rather than Prisma: Prisma's own CPU per query was most of
 * what a form step cost (issue 15). Each read or write is one statement.
 */
export function createAppSessionStorage(options: { prisma: Prisma; sql?: Sql; secret: string; secure: boolean; now?: () => Date }): AppSessionStorage {
  const sql = options.sql ?? sqlThroughPrisma(options.prisma);
  const now = options.now ?? (() => new Date());
  const cookie = createSignedCookie(cookieNames(options.secure).session, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    secrets: [options.secret],
  });
  const idleFor = (data: SessionData) => (data.staffUserId ? STAFF_IDLE_MS : PUBLIC_IDLE_MS);
  const iso = (ms: number) => new Date(ms).toISOString();

  return createSessionStorage<SessionData, SessionData>({
    cookie,
    async createData(data) {
      const token = randomBytes(32).toString("base64url");
      const at = now().getTime();
      await sql.query(
        `INSERT INTO "Session" ("id", "staffUserId", "data", "createdAt", "lastSeenAt", "expiresAt", "absoluteExpiresAt")
         VALUES ($1, $2::uuid, $3::jsonb, $4::timestamptz, $4::timestamptz, $5::timestamptz, $6::timestamptz)`,
        [hash(token), data.staffUserId ?? null, JSON.stringify(data), iso(at), iso(at + idleFor(data)), iso(at + ABSOLUTE_MS)],
      );
      return token;
    },
    async readData(token) {
      if (typeof token !== "string" || token.length > 100) return null;
      const id = hash(token);
      const at = now().getTime();
      // The sliding expiry is written at most once a minute, in the same statement as the read
      // (the SELECT sees the row as it was before the UPDATE: one round trip either way).
      const rows = await sql.query<{ data: SessionData; expiresAt: Date; absoluteExpiresAt: Date }>(
        `WITH touched AS (
           UPDATE "Session"
           SET "lastSeenAt" = $2::timestamptz,
               "expiresAt" = $2::timestamptz + (CASE WHEN "staffUserId" IS NULL THEN $4::int ELSE $5::int END) * interval '1 millisecond'
           WHERE "id" = $1 AND "lastSeenAt" < $3::timestamptz AND "expiresAt" > $2::timestamptz AND "absoluteExpiresAt" > $2::timestamptz
           RETURNING 1
         )
         SELECT "data", "expiresAt", "absoluteExpiresAt" FROM "Session" WHERE "id" = $1`,
        [id, iso(at), iso(at - TOUCH_EVERY_MS), PUBLIC_IDLE_MS, STAFF_IDLE_MS],
      );
      const row = rows[0];
      if (!row) return null;
      if (new Date(row.expiresAt).getTime() <= at || new Date(row.absoluteExpiresAt).getTime() <= at) {
        await sql.query(`DELETE FROM "Session" WHERE "id" = $1`, [id]);
        return null;
      }
      return row.data;
    },
    async updateData(token, data) {
      const at = now().getTime();
      await sql.query(
        `UPDATE "Session"
         SET "data" = $2::jsonb, "staffUserId" = $3::uuid, "lastSeenAt" = $4::timestamptz, "expiresAt" = $5::timestamptz
         WHERE "id" = $1`,
        [hash(token), JSON.stringify(data), data.staffUserId ?? null, iso(at), iso(at + idleFor(data))],
      );
    },
    async deleteData(token) {
      await sql.query(`DELETE FROM "Session" WHERE "id" = $1`, [hash(token)]);
    },
  });
}

/** Removes expired sessions; run periodically. */
export async function purgeExpiredSessions(prisma: Prisma, at = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lte: at } }, { absoluteExpiresAt: { lte: at } }] } });
  return count;
}
