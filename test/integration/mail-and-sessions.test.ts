import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABSOLUTE_MS, createAppSessionStorage, purgeExpiredSessions, STAFF_IDLE_MS } from "../../server/auth/sessions";
import { createMailWorker, retryDelayMs } from "../../server/mail/mail-worker";
import type { Mailer, OutgoingMail } from "../../server/mail/mailer";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const silent = pino({ level: "silent" });

describe.each(ENGINES)("on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe("mail worker", () => {
    it("retries a failed email later and sends it once the mail server is back", async () => {
      const sent: OutgoingMail[] = [];
      let down = true;
      const mailer: Mailer = {
        async send(mail) {
          if (down) throw new Error("connection refused");
          sent.push(mail);
          return { messageId: "x" };
        },
        close() {},
      };
      const email = await db.prisma.emailMessage.create({ data: { to: "a@example.com", subject: "s", text: "t", language: "cy", kind: "test" } });
      const worker = createMailWorker({ prisma: db.prisma, mailer, logger: silent });
      expect(await worker.deliverDue()).toBe(0);
      const failed = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: email.id } });
      expect(failed.attempts).toBe(1);
      expect(failed.sentAt).toBeNull();
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 5_000);
      // Not due yet: nothing is sent even though the server is back.
      down = false;
      expect(await worker.deliverDue()).toBe(0);
      await db.prisma.emailMessage.update({ where: { id: email.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      expect(await worker.deliverDue()).toBe(1);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.language).toBe("cy");
      expect(await worker.deliverDue()).toBe(0);
    });

    it("never sends one email twice when two workers run at once", async () => {
      let count = 0;
      const mailer: Mailer = {
        async send() {
          count++;
          await new Promise((r) => setTimeout(r, 5));
          return { messageId: "x" };
        },
        close() {},
      };
      await db.prisma.emailMessage.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
      await db.prisma.emailMessage.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ to: `p${i}@example.com`, subject: "s", text: "t", language: "en" as const, kind: "test" })) });
      const a = createMailWorker({ prisma: db.prisma, mailer, logger: silent });
      const b = createMailWorker({ prisma: db.prisma, mailer, logger: silent });
      let total = 0;
      for (let round = 0; round < 3; round++) {
        const [x, y] = await Promise.all([a.deliverDue(10), b.deliverDue(10)]);
        total += x + y;
      }
      expect(total).toBe(30);
      expect(count).toBe(30);
    });
  });

  describe("sessions", () => {
    it("signs staff out after 30 idle minutes and everyone after 12 hours", async () => {
      let now = new Date("2026-11-23T09:00:00Z");
      const storage = createAppSessionStorage({ prisma: db.prisma, secret: "s".repeat(32), secure: false, now: () => now });
      const session = await storage.getSession();
      session.set("staffUserId", undefined);
      session.set("flash", "public");
      const cookie = await storage.commitSession(session);
      const header = cookie.split(";")[0]!;

      now = new Date(now.getTime() + 60 * 60_000); // a public session survives an idle hour
      expect((await storage.getSession(header)).get("flash")).toBe("public");

      const staffSession = await storage.getSession();
      const staffUser = await db.prisma.staffUser.create({ data: { email: `s-${Date.now()}@example.com`, name: "S", passwordHash: "x", roles: ["case_officer"] } });
      staffSession.set("staffUserId", staffUser.id);
      const staffHeader = (await storage.commitSession(staffSession)).split(";")[0]!;
      now = new Date(now.getTime() + STAFF_IDLE_MS - 60_000);
      expect((await storage.getSession(staffHeader)).get("staffUserId")).toBe(staffUser.id);
      now = new Date(now.getTime() + STAFF_IDLE_MS + 1);
      expect((await storage.getSession(staffHeader)).get("staffUserId")).toBeUndefined();

      now = new Date(new Date("2026-11-23T09:00:00Z").getTime() + ABSOLUTE_MS + 1);
      expect((await storage.getSession(header)).get("flash")).toBeUndefined();
      expect(await purgeExpiredSessions(db.prisma, now)).toBeGreaterThanOrEqual(0);
    });

    it("saves a changed session in place: its data exactly, who is signed in, and a new idle expiry", async () => {
      let now = new Date("2026-11-24T09:00:00Z");
      const storage = createAppSessionStorage({ prisma: db.prisma, secret: "s".repeat(32), secure: false, now: () => now });
      const session = await storage.getSession();
      session.set("flash", "first");
      const header = (await storage.commitSession(session)).split(";")[0]!;
      const staffUser = await db.prisma.staffUser.create({ data: { email: `u-${Date.now()}@example.com`, name: "U", passwordHash: "x", roles: ["case_officer"] } });

      now = new Date(now.getTime() + 5 * 60_000);
      const again = await storage.getSession(header);
      const draft = { name: "Siân O'Brien \"Jones\"", note: "Diolch 🙂 \\ back-slash", count: 3, nested: { list: [1, null, "ŵ"] } };
      again.set("drafts", { nuisance: draft });
      again.set("staffUserId", staffUser.id);
      expect((await storage.commitSession(again)).split(";")[0]).toBe(header); // same token, updated in place

      const read = await storage.getSession(header);
      expect(read.get("drafts")).toEqual({ nuisance: draft });
      expect(read.get("staffUserId")).toBe(staffUser.id);
      const rows = await db.prisma.session.findMany({ where: { staffUserId: staffUser.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.lastSeenAt.toISOString()).toBe(now.toISOString());
      expect(rows[0]!.expiresAt.toISOString()).toBe(new Date(now.getTime() + STAFF_IDLE_MS).toISOString());

      again.unset("staffUserId");
      await storage.commitSession(again);
      expect((await db.prisma.session.findMany({ where: { staffUserId: staffUser.id } })).length).toBe(0);
    });

    it("keeps only a hash of the token in the database", async () => {
      const storage = createAppSessionStorage({ prisma: db.prisma, secret: "s".repeat(32), secure: true });
      const session = await storage.getSession();
      session.set("flash", "x");
      const cookie = await storage.commitSession(session);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Secure/i);
      const rows = await db.prisma.session.findMany({ select: { id: true } });
      const token = decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!);
      for (const row of rows) expect(token).not.toContain(row.id);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);
    });
  });
});
