// Staff reminders (server/reminders/staff-reminders.ts) on real databases with the clock injected:
// adjustment reviews and checks falling due, callbacks and clocks about to breach go to the
// officer and the managers, once each (also when two sweeps run at once), again only when the
// due time moves; Welsh-speaking staff get Welsh first; nothing outside the look-ahead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../../server/domain/cases";
import { sendStaffReminders } from "../../server/reminders/staff-reminders";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const NOW = new Date("2027-01-04T09:05:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3600_000);

describe.each(ENGINES)("staff reminders on %s", (engine) => {
  let db: TestDatabase;
  let officer: string;
  let welshOfficer: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const mk = (email: string, roles: ("case_officer" | "manager")[], speaksWelsh = false) => db.prisma.staffUser.create({ data: { email, name: email, passwordHash: "x", roles, speaksWelsh }, select: { id: true } });
    officer = (await mk("officer@staff.test", ["case_officer"])).id;
    welshOfficer = (await mk("swyddog@staff.test", ["case_officer"], true)).id;
    await mk("manager@staff.test", ["manager"]);
    await mk("retired@staff.test", ["manager"]).then((m) => db.prisma.staffUser.update({ where: { id: m.id }, data: { active: false } }));
  });
  afterAll(async () => {
    await db?.close();
  });

  const sweep = (at: Date) => sendStaffReminders({ prisma: db.prisma, now: () => at, publicUrl: "https://doorstep.test" });
  const mailsTo = (email: string) => db.prisma.emailMessage.findMany({ where: { to: email, kind: "staff_reminder" }, orderBy: { createdAt: "asc" } });
  async function openCase(assignedToId: string | null, nextDueAt: Date) {
    const { case: c } = await createCase({ prisma: db.prisma }, { type: "RFA", channel: "web_form", language: "en", summary: "x", customer: { name: "Ceri", email: `c${Math.random()}@example.com` } });
    await db.prisma.case.update({ where: { id: c.id }, data: { assignedToId, nextDueAt } });
    return c;
  }

  it("tells the officer and the managers once of what falls due, in their language", async () => {
    const mine = await openCase(officer, hours(20));
    const later = await openCase(officer, hours(30));
    const welsh = await openCase(welshOfficer, hours(-2));
    await db.prisma.caseCallback.create({ data: { caseId: mine.id, requestedAt: NOW, dueAt: hours(5), note: "call back" } });
    const adj = await db.prisma.adjustmentRequest.create({
      data: { reference: `ADJ${engine === "pglite" ? "0000901" : "0000902"}`, status: "agreed", language: "en", correspondenceLanguage: "en", needs: [], agreedNeeds: [], receivedAt: NOW, decisionDueAt: NOW, assignedToId: officer, reviewDueAt: hours(40), checkDueAt: hours(100) },
    });

    expect(await sweep(NOW)).toEqual({ emails: 3, reminders: 3 + 1 + 4 });
    const [toOfficer] = await mailsTo("officer@staff.test");
    expect(toOfficer!.subject).toBe("3 things fall due soon");
    expect(toOfficer!.text).toContain(`Case clock ${mine.reference}: due`);
    expect(toOfficer!.text).toContain(`Callback ${mine.reference}`);
    expect(toOfficer!.text).toContain(`Adjustment review ${adj.reference}`);
    expect(toOfficer!.text).toContain(`https://doorstep.test/staff/adjustments/${adj.reference}`);
    expect(toOfficer!.text).not.toContain(later.reference);
    expect(toOfficer!.text).not.toContain("Check the adjustment worked");
    const [toWelsh] = await mailsTo("swyddog@staff.test");
    expect(toWelsh!.subject).toBe("Mae 1 peth yn ddyledus cyn hir / 1 thing falls due soon");
    expect(toWelsh!.text.indexOf(`Cloc achos ${welsh.reference}: yn hwyr ers`)).toBeLessThan(toWelsh!.text.indexOf(`Case clock ${welsh.reference}: overdue since`));
    expect(toWelsh!.text).toContain(`https://doorstep.test/cy/staff/cases/${welsh.reference}`);
    const [toManager] = await mailsTo("manager@staff.test");
    expect(toManager!.subject).toBe("4 things fall due soon");
    expect(await mailsTo("retired@staff.test")).toHaveLength(0);

    // An hour later: nothing new to say. Then the later clock comes within a day: only that.
    expect(await sweep(hours(1))).toEqual({ emails: 0, reminders: 0 });
    expect(await sweep(hours(7))).toEqual({ emails: 2, reminders: 2 });
    expect((await mailsTo("officer@staff.test")).at(-1)!.text).toContain(later.reference);
    expect((await mailsTo("officer@staff.test")).at(-1)!.text).not.toContain(mine.reference);
  });

  it("sends once when two sweeps run at once, and again when the due time moves", async () => {
    const c = await openCase(officer, hours(200));
    await db.prisma.case.update({ where: { id: c.id }, data: { nextDueAt: hours(210) } });
    const at = hours(195);
    const before = (await mailsTo("officer@staff.test")).length;
    const results = await Promise.all([sweep(at), sweep(at)]);
    const officerMails = (await mailsTo("officer@staff.test")).slice(before);
    expect(officerMails.filter((m) => m.text.includes(c.reference))).toHaveLength(1);
    expect(results.reduce((s, r) => s + r.reminders, 0)).toBeGreaterThanOrEqual(2);
    expect(await db.prisma.staffReminder.count({ where: { subjectId: c.id } })).toBe(2);

    // The clock restarts with a new due time: told again.
    await db.prisma.case.update({ where: { id: c.id }, data: { nextDueAt: hours(215) } });
    await sweep(at);
    expect(await db.prisma.staffReminder.count({ where: { subjectId: c.id } })).toBe(4);
    // Closed: nothing more about it.
    await db.prisma.case.update({ where: { id: c.id }, data: { status: "closed", nextDueAt: hours(216) } });
    await sweep(at);
    expect(await db.prisma.staffReminder.count({ where: { subjectId: c.id } })).toBe(4);
  });
});
