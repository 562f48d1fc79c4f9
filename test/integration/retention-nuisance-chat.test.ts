// Retention of the records that are not cases: nuisance reports after NUISANCE_RETENTION_DAYS and
// chat transcripts after CHAT_RETENTION_DAYS (or a day after the chat when the customer did not
// ask us to keep it). A dry run lists; a real run deletes exactly what it listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNuisanceReport, type DraftContact } from "../../server/domain/nuisance";
import { retentionPolicies, runRetention } from "../../server/retention/retention";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const policies = retentionPolicies({ nuisanceRetentionDays: 730, chatRetentionDays: 365 });

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

describe.each(ENGINES)("retention of nuisance reports and chats on %s", (engine) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const report = async (receivedAt: Date) =>
      submitNuisanceReport(
        { prisma: db.prisma, now: () => receivedAt },
        {
          language: "en",
          contacts: [call(receivedAt.toISOString().slice(0, 10))],
          about: { tps: "no", registeredOn: null, consent: "no", askedToStop: "no" },
          you: { wantsReply: false, name: null, email: null, phone: null },
          idempotencyKey: crypto.randomUUID(),
          acknowledgement: () => null,
        } as never,
      );
    ids.oldReport = (await report(daysAgo(800))).id;
    ids.newReport = (await report(daysAgo(100))).id;
    const chat = (endedAt: Date, transcriptConsent: boolean) =>
      db.prisma.chatConversation.create({ data: { status: "ended", language: "en", topic: "general", queuedAt: endedAt, createdAt: endedAt, endedAt, transcriptConsent } });
    ids.oldChat = (await chat(daysAgo(400), true)).id;
    ids.keptChat = (await chat(daysAgo(30), true)).id;
    ids.unconsentedChat = (await chat(daysAgo(2), false)).id;
    ids.todayChat = (await chat(new Date(NOW.getTime() - 3600_000), false)).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("lists, then deletes, only what is past its period", async () => {
    const dry = await runRetention(db.prisma, { now: NOW, dryRun: true, policies });
    const due = (name: string) => dry.find((r) => r.policy === name)!.items.map((i) => i.id).sort();
    expect(due("nuisance_reports")).toEqual([ids.oldReport]);
    expect(due("chat_transcripts")).toEqual([ids.oldChat, ids.unconsentedChat].sort());
    expect(await db.prisma.nuisanceReport.count()).toBe(2);

    const real = await runRetention(db.prisma, { now: NOW, dryRun: false, policies });
    expect(Object.fromEntries(real.map((r) => [r.policy, r.removed]))).toMatchObject({ nuisance_reports: 1, chat_transcripts: 2 });
    expect((await db.prisma.nuisanceReport.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([ids.newReport]);
    expect(await db.prisma.nuisanceContact.count({ where: { reportId: ids.oldReport } })).toBe(0);
    expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "nuisance_report", aggregateId: ids.oldReport } })).toBe(0);
    expect((await db.prisma.chatConversation.findMany({ select: { id: true } })).map((c) => c.id).sort()).toEqual([ids.keptChat, ids.todayChat].sort());
  });
});
