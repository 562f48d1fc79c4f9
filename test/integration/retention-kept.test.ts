// Retention, "what is kept" (issue 12): every record holding personal data has a period and goes
// when it ends. The nuisance purge leaves no outbox rows behind; emails not tied to a case, delivered
// outbox events and abandoned chats go after their periods; what is still in its period stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeNuisance, submitNuisanceReport, type DraftContact } from "../../server/domain/nuisance";
import { outboxEventsPolicy, retentionPolicies, RETENTION_PERIODS, runRetention } from "../../server/retention/retention";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000);

const call = (date: string): DraftContact => ({
  id: crypto.randomUUID(),
  kind: "live_call",
  date,
  time: "10:15",
  fromStatus: "given",
  from: "07700 900123",
  to: "",
  company: "",
  topic: "pensions",
  message: "",
  subject: "",
  description: "",
});

describe.each(ENGINES)("retention of what used to be kept on %s", (engine) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};
  const exists = {
    email: async (id: string) => (await db.prisma.emailMessage.count({ where: { id } })) === 1,
    event: async (id: string) => (await db.prisma.outboxEvent.count({ where: { id } })) === 1,
    chat: async (id: string) => (await db.prisma.chatConversation.count({ where: { id } })) === 1,
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("the automatic nuisance purge leaves no outbox rows for /api/v1/reports and /events to serve", async () => {
    const report = async (receivedAt: Date) =>
      submitNuisanceReport(
        { prisma: db.prisma, now: () => receivedAt },
        {
          language: "en",
          contacts: [call(receivedAt.toISOString().slice(0, 10))],
          about: { tps: "no", registeredOn: null, consent: "no", askedToStop: "no" },
          you: { wantsReply: true, name: "Nia Jones", email: "nia@example.org", phone: null },
          idempotencyKey: crypto.randomUUID(),
          acknowledgement: () => null,
        } as never,
      );
    const old = (await report(daysAgo(800))).id;
    const recent = (await report(daysAgo(10))).id;
    // The purge that ran before (server/domain/nuisance/retention.ts) deletes the report only…
    await purgeNuisance({ prisma: db.prisma, now: () => NOW, retentionDays: 730 });
    expect(await db.prisma.nuisanceReport.count({ where: { id: old } })).toBe(0);
    // …and the outbox policy, which runs after every record policy, takes its events.
    await runRetention(db.prisma, { now: NOW, dryRun: false, policies: [outboxEventsPolicy({ webhookConfigured: true })] });
    expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "nuisance_report", aggregateId: old } })).toBe(0);
    expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "nuisance_report", aggregateId: recent } })).toBeGreaterThan(0);
  });

  it("emails not tied to a case go 30 days after they were sent or given up; a case's emails stay with the case", async () => {
    const email = (data: { sentAt?: Date | null; createdAt: Date; attempts?: number; caseId?: string; kind: string }) =>
      db.prisma.emailMessage.create({ data: { to: "someone@example.org", subject: "s", text: "t", language: "en", ...data } });
    const days = RETENTION_PERIODS.emailWithoutCaseDays;
    ids.sentOld = (await email({ kind: "chat_transcript", sentAt: daysAgo(days + 1), createdAt: daysAgo(days + 1) })).id;
    ids.consentOld = (await email({ kind: "adjustment_received", sentAt: daysAgo(days + 2), createdAt: daysAgo(days + 2) })).id;
    ids.sentRecent = (await email({ kind: "chat_transcript", sentAt: daysAgo(days - 1), createdAt: daysAgo(days - 1) })).id;
    ids.gaveUp = (await email({ kind: "contact_acknowledgement", sentAt: null, attempts: 10, createdAt: daysAgo(days + 5) })).id;
    ids.stillTrying = (await email({ kind: "contact_acknowledgement", sentAt: null, attempts: 3, createdAt: daysAgo(days + 5) })).id;
    const kase = await db.prisma.$queryRaw<{ id: string }[]>`SELECT gen_random_uuid()::text AS id`;
    ids.caseEmail = (await email({ kind: "case_acknowledgement", sentAt: daysAgo(400), createdAt: daysAgo(400), caseId: kase[0]!.id })).id;
    await runRetention(db.prisma, { now: NOW, dryRun: false, policies: retentionPolicies({ nuisanceRetentionDays: 730, chatRetentionDays: 365 }) });
    expect(await exists.email(ids.sentOld!)).toBe(false);
    expect(await exists.email(ids.consentOld!)).toBe(false);
    expect(await exists.email(ids.gaveUp!)).toBe(false);
    expect(await exists.email(ids.sentRecent!)).toBe(true);
    expect(await exists.email(ids.stillTrying!)).toBe(true);
    expect(await exists.email(ids.caseEmail!)).toBe(true);
  });

  it("delivered outbox events go after 30 days; undelivered ones wait for the webhook, or 90 days without one", async () => {
    const event = (data: { deliveredAt?: Date | null; createdAt: Date }) =>
      db.prisma.outboxEvent.create({ data: { aggregateType: "case.test", aggregateId: crypto.randomUUID(), eventType: "case.noted", schemaVersion: 1, payload: { name: "Someone" }, ...data } });
    const d = RETENTION_PERIODS.deliveredEventDays;
    ids.deliveredOld = (await event({ createdAt: daysAgo(d + 3), deliveredAt: daysAgo(d + 1) })).id;
    ids.deliveredRecent = (await event({ createdAt: daysAgo(d + 3), deliveredAt: daysAgo(d - 1) })).id;
    ids.undelivered = (await event({ createdAt: daysAgo(200) })).id;
    await runRetention(db.prisma, { now: NOW, dryRun: false, policies: [outboxEventsPolicy({ webhookConfigured: true })] });
    expect(await exists.event(ids.deliveredOld!)).toBe(false);
    expect(await exists.event(ids.deliveredRecent!)).toBe(true);
    expect(await exists.event(ids.undelivered!)).toBe(true);
    await runRetention(db.prisma, { now: NOW, dryRun: false, policies: [outboxEventsPolicy({ webhookConfigured: false })] });
    expect(await exists.event(ids.undelivered!)).toBe(false);
    expect(await exists.event(ids.deliveredRecent!)).toBe(true);
  });

  it("abandoned queued or active chats go a day after the last thing that happened in them", async () => {
    const chat = (status: "queued" | "active" | "left_message", at: Date) =>
      db.prisma.chatConversation.create({ data: { status, language: "en", topic: "general", customerName: "Ann", customerEmail: "ann@example.org", queuedAt: at, createdAt: at, assignedAt: status === "active" ? at : null } });
    const h = RETENTION_PERIODS.abandonedChatHours;
    ids.queuedOld = (await chat("queued", hoursAgo(h + 1))).id;
    ids.activeOld = (await chat("active", hoursAgo(h + 5))).id;
    ids.activeTalking = (await chat("active", hoursAgo(h + 5))).id;
    await db.prisma.chatMessage.create({ data: { conversationId: ids.activeTalking, seq: 1, clientId: "c1", author: "customer", text: "still here", createdAt: hoursAgo(1) } });
    ids.queuedNow = (await chat("queued", hoursAgo(1))).id;
    ids.leftMessage = (await chat("left_message", hoursAgo(h + 2))).id;
    const [dry] = await runRetention(db.prisma, { now: NOW, dryRun: true, policies: retentionPolicies({ nuisanceRetentionDays: 730, chatRetentionDays: 365 }).filter((p) => p.name === "abandoned_chats") });
    expect(dry!.items.map((i) => i.id).sort()).toEqual([ids.queuedOld, ids.activeOld, ids.leftMessage].sort());
    await runRetention(db.prisma, { now: NOW, dryRun: false, policies: retentionPolicies({ nuisanceRetentionDays: 730, chatRetentionDays: 365 }) });
    expect(await exists.chat(ids.queuedOld!)).toBe(false);
    expect(await exists.chat(ids.activeOld!)).toBe(false);
    expect(await exists.chat(ids.activeTalking!)).toBe(true);
    expect(await exists.chat(ids.queuedNow!)).toBe(true);
    expect(await exists.chat(ids.leftMessage!)).toBe(false);
  });

  it("a real run takes as many batches as it needs", async () => {
    await db.prisma.outboxEvent.createMany({
      data: Array.from({ length: 25 }, () => ({ aggregateType: "case.test", aggregateId: crypto.randomUUID(), eventType: "case.noted", schemaVersion: 1, payload: {}, createdAt: daysAgo(60), deliveredAt: daysAgo(59) })),
    });
    const [report] = await runRetention(db.prisma, { now: NOW, dryRun: false, limit: 10, maxRounds: 10, policies: [outboxEventsPolicy({ webhookConfigured: true })] });
    expect(report!.removed).toBeGreaterThanOrEqual(25);
    expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "case.test", deliveredAt: { lt: daysAgo(31) } } })).toBe(0);
  });
});
