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
 * When a session seen at `at` expires: `idle` slides forward on each visit (staff sessions idle out
 * sooner than a member of the public's part-way through a form); `absolute` is fixed when the
 * session is created. Every write of an expiry takes it from here.
 */
export function expiryFrom(at: Date, holder: "staff" | "public"): { idle: Date; absolute: Date } {
  const ms = at.getTime();
  return { idle: new Date(ms + (holder === "staff" ? STAFF_IDLE_MS : PUBLIC_IDLE_MS)), absolute: new Date(ms + ABSOLUTE_MS) };
}

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
  const holderOf = (data: SessionData) => (data.staffUserId ? "staff" : "public");

  return createSessionStorage<SessionData, SessionData>({
    cookie,
    async createData(data) {
      const token = randomBytes(32).toString("base64url");
      const at = now();
      const expiry = expiryFrom(at, holderOf(data));
      await sql.query(
        `INSERT INTO "Session" ("id", "staffUserId", "data", "createdAt", "lastSeenAt", "expiresAt", "absoluteExpiresAt")
         VALUES ($1, $2::uuid, $3::jsonb, $4::timestamptz, $4::timestamptz, $5::timestamptz, $6::timestamptz)`,
        [hash(token), data.staffUserId ?? null, JSON.stringify(data), at.toISOString(), expiry.idle.toISOString(), expiry.absolute.toISOString()],
      );
      return token;
    },
    async readData(token) {
      if (typeof token !== "string" || token.length > 100) return null;
      const id = hash(token);
      const at = now();
      // The sliding expiry is written at most once a minute, in the same statement as the read
      // (the SELECT sees the row as it was before the UPDATE: one round trip either way). Who holds
      // the session is the row's, so both possible expiries go in and the row picks its own.
      const rows = await sql.query<{ data: SessionData; expiresAt: Date; absoluteExpiresAt: Date }>(
        `WITH touched AS (
           UPDATE "Session"
           SET "lastSeenAt" = $2::timestamptz,
               "expiresAt" = CASE WHEN "staffUserId" IS NULL THEN $4::timestamptz ELSE $5::timestamptz END
           WHERE "id" = $1 AND "lastSeenAt" < $3::timestamptz AND "expiresAt" > $2::timestamptz AND "absoluteExpiresAt" > $2::timestamptz
           RETURNING 1
         )
         SELECT "data", "expiresAt", "absoluteExpiresAt" FROM "Session" WHERE "id" = $1`,
        [id, at.toISOString(), new Date(at.getTime() - TOUCH_EVERY_MS).toISOString(), expiryFrom(at, "public").idle.toISOString(), expiryFrom(at, "staff").idle.toISOString()],
      );
      const row = rows[0];
      if (!row) return null;
      if (new Date(row.expiresAt).getTime() <= at.getTime() || new Date(row.absoluteExpiresAt).getTime() <= at.getTime()) {
        await sql.query(`DELETE FROM "Session" WHERE "id" = $1`, [id]);
        return null;
      }
      return row.data;
    },
    async updateData(token, data) {
      const at = now();
      await sql.query(
        `UPDATE "Session"
         SET "data" = $2::jsonb, "staffUserId" = $3::uuid, "lastSeenAt" = $4::timestamptz, "expiresAt" = $5::timestamptz
         WHERE "id" = $1`,
        [hash(token), JSON.stringify(data), data.staffUserId ?? null, at.toISOString(), expiryFrom(at, holderOf(data)).idle.toISOString()],
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
