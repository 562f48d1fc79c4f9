// Server-side sessions for staff and for members of the public part-way through a form.
// The cookie holds a random token; the database keeps only its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import { createSessionStorage, type Session, type SessionStorage } from "react-router";
import type { Prisma } from "../db";
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

export function createAppSessionStorage(options: { prisma: Prisma; secret: string; secure: boolean; now?: () => Date }): AppSessionStorage {
  const { prisma } = options;
  const now = options.now ?? (() => new Date());
  const cookie = createSignedCookie(cookieNames(options.secure).session, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    secrets: [options.secret],
  });
  const idleFor = (data: SessionData) => (data.staffUserId ? STAFF_IDLE_MS : PUBLIC_IDLE_MS);

  return createSessionStorage<SessionData, SessionData>({
    cookie,
    async createData(data) {
      const token = randomBytes(32).toString("base64url");
      const at = now();
      await prisma.session.create({
        data: {
          id: hash(token),
          staffUserId: data.staffUserId ?? null,
          data: data as object,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + idleFor(data)),
          absoluteExpiresAt: new Date(at.getTime() + ABSOLUTE_MS),
        },
      });
      return token;
    },
    async readData(token) {
      if (typeof token !== "string" || token.length > 100) return null;
      const row = await prisma.session.findUnique({ where: { id: hash(token) } });
      if (!row) return null;
      const at = now();
      if (row.expiresAt <= at || row.absoluteExpiresAt <= at) {
        await prisma.session.deleteMany({ where: { id: row.id } });
        return null;
      }
      if (at.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        const data = row.data as SessionData;
        await prisma.$executeRaw`
          UPDATE "Session" SET "lastSeenAt" = ${at.toISOString()}::timestamptz, "expiresAt" = ${new Date(at.getTime() + idleFor(data)).toISOString()}::timestamptz
          WHERE "id" = ${row.id}`;
      }
      return row.data as SessionData;
    },
    async updateData(token, data) {
      const at = now();
      // One statement: Prisma's updateMany sends BEGIN, UPDATE, COMMIT, three round trips on
      // every form step (issue 15).
      await prisma.$executeRaw`
        UPDATE "Session"
        SET "data" = ${JSON.stringify(data)}::jsonb, "staffUserId" = ${data.staffUserId ?? null}::uuid,
            "lastSeenAt" = ${at.toISOString()}::timestamptz, "expiresAt" = ${new Date(at.getTime() + idleFor(data)).toISOString()}::timestamptz
        WHERE "id" = ${hash(token)}`;
    },
    async deleteData(token) {
      await prisma.session.deleteMany({ where: { id: hash(token) } });
    },
  });
}

/** Removes expired sessions; run periodically. */
export async function purgeExpiredSessions(prisma: Prisma, at = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lte: at } }, { absoluteExpiresAt: { lte: at } }] } });
  return count;
}
