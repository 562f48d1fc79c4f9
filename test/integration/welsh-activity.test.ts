// The manager dashboard and the Welsh enquiries report count chats and nuisance reports from
// their own tables (not every chat or report becomes a case), on PGlite and PostgreSQL.
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardFigures } from "../../app/lib/dashboard.server";
import { welshRows } from "../../app/lib/welsh-report.server";
import { submitNuisanceReport, type DraftContact } from "../../server/domain/nuisance";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const NOW = new Date("2026-12-01T12:00:00Z");

const call = (): DraftContact => ({
  id: crypto.randomUUID(),
  kind: "live_call",
  date: "2026-11-30",
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

describe.each(ENGINES)("chats and nuisance reports in the figures on %s", (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    for (const language of ["cy", "cy", "en"] as const) {
      await submitNuisanceReport(
        { prisma: db.prisma, now: () => NOW },
        {
          language,
          contacts: [call()],
          about: { tps: "no", registeredOn: null, consent: "no", askedToStop: "no" },
          you: { wantsReply: false, name: null, email: null, phone: null },
          idempotencyKey: crypto.randomUUID(),
          acknowledgement: () => null,
        } as never,
      );
    }
    for (const language of ["cy", "en", "en", "en"] as const) {
      await db.prisma.chatConversation.create({ data: { status: "ended", language, topic: "general", createdAt: NOW, queuedAt: NOW } });
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  it("counts Welsh chats and Welsh nuisance reports in the Welsh enquiries report", async () => {
    const rows = await welshRows(db.prisma, new Date("2026-11-01T00:00:00Z"));
    expect(rows).toContainEqual({ month: "2026-12", channel: "chat", count: 1 });
    expect(rows).toContainEqual({ month: "2026-12", channel: "nuisance_tool", count: 2 });
  });

  it("shows every chat and nuisance report of the week on the dashboard", async () => {
    const context = { services: { prisma: db.prisma, now: () => NOW } } as unknown as AppLoadContext;
    const figures = await dashboardFigures(context);
    const week = figures.weekly.at(-1)!;
    expect(week.counts).toMatchObject({ chat: 4, nuisance_tool: 3 });
  });
});
