// "Email me on that day" reminders (server/reminders/concern-reminders.ts) on real databases, with
// the clock injected: nothing before the day, sent on the day in the person's language with a
// working link back to their answers (now ready to report) and a stop link; never sent twice, even
// by two sweeps at once; a stopped reminder or a sent report sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSavedDrafts, findDraft, resumeDraft } from "../../server/concerns/drafts";
import { evaluate, type Answers } from "../../server/domain/concerns";
import type { Mailer, OutgoingMail } from "../../server/mail/mailer";
import { findReminder, requestConcernReminder, sendDueReminders, stopReminder } from "../../server/reminders/concern-reminders";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

// A subject access request made on 3 December 2026: the assistant says wait.
const ANSWERS: Answers = { topic: "personal", whatHappened: "sar", organisation: "Acme Ltd", location: "uk", sector: "general_business", raisedOn: "2026-12-03" };
const ASKED_ON = "2026-12-06";

function fakeMailer(options: { failFirst?: boolean } = {}) {
  const sent: OutgoingMail[] = [];
  let fail = options.failFirst ?? false;
  const mailer: Mailer = {
    async send(mail) {
      // Yield first, so two sweeps at once really interleave.
      await new Promise((r) => setImmediate(r));
      if (fail) {
        fail = false;
        throw new Error("smtp down");
      }
      sent.push(mail);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {},
  };
  return { mailer, sent };
}

const at = (iso: string) => () => new Date(iso);
const link = (text: string, kind: "resume" | "stop") => new RegExp(`https://doorstep\\.test(/cy)?/${kind === "resume" ? "concerns/resume" : "reminders/stop"}/([A-Za-z0-9_-]{43})`).exec(text)?.[2] ?? null;

describe.each(ENGINES)("concern reminders on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  const wait = evaluate(ANSWERS, ASKED_ON).outcome;
  const dueOn = wait?.kind === "wait" ? wait.comeBackOn : "";
  let n = 0;
  const ask = (lang: "en" | "cy", now = at(`${ASKED_ON}T10:00:00Z`)) =>
    requestConcernReminder({ prisma: db.prisma, now }, { email: `r${++n}-${engine}@example.com`, language: lang, dueOn, data: { journeyId: `journey-${engine}-${n}`, answers: ANSWERS as Record<string, unknown>, report: {} } });
  const sweep = (now: () => Date, mailer: Mailer) => sendDueReminders({ prisma: db.prisma, now, mailer, publicUrl: "https://doorstep.test" });
  // The day before, late at night in London, and the day itself at 08:00 London (GMT in January).
  const dayBefore = () => at(`${new Date(new Date(`${dueOn}T12:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10)}T23:59:00Z`);
  const onTheDay = () => at(`${dueOn}T08:00:00Z`);

  it("the assistant's answer is 'wait' with a date to come back on", () => {
    expect(wait?.kind).toBe("wait");
    expect(dueOn > ASKED_ON).toBe(true);
  });

  it("sends nothing before the day, then on the day in Welsh with links back to the answers and to stop; never twice", async () => {
    const { id } = await ask("cy");
    const { mailer, sent } = fakeMailer();
    expect(await sweep(dayBefore(), mailer)).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(0);

    // Two instances sweeping at once: one email.
    const results = await Promise.all([sweep(onTheDay(), mailer), sweep(onTheDay(), mailer)]);
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(1);
    const mine = sent.filter((m) => m.to === `r${n}-${engine}@example.com`);
    expect(mine).toHaveLength(1);
    const mail = mine[0]!;
    expect(mail.language).toBe("cy");
    expect(mail.subject).toBe("Gallwch roi gwybod i ni am eich pryder nawr");
    expect(mail.text).toContain("https://doorstep.test/cy/concerns/resume/");
    expect(mail.text).not.toContain("https://doorstep.test/concerns/");
    // Later sweeps (that day and after) send nothing more.
    expect((await sweep(at(`${dueOn}T15:00:00Z`), mailer)).sent).toBe(0);
    expect(sent.filter((m) => m.to === mail.to)).toHaveLength(1);
    expect((await db.prisma.reminder.findUniqueOrThrow({ where: { id } })).sentAt).not.toBeNull();

    // The resume link opens the saved answers, which on that day go on to the report.
    const resume = link(mail.text, "resume")!;
    expect(await findDraft({ prisma: db.prisma, now: onTheDay() }, resume)).not.toBeNull();
    const saved = await resumeDraft({ prisma: db.prisma, now: onTheDay() }, resume);
    expect(saved?.answers).toEqual(ANSWERS);
    const then = evaluate(saved!.answers as Answers, dueOn);
    // No longer "wait": past the one-month deadline the assistant asks whether they were told it
    // would take longer, on its way to the report.
    expect(then.outcome).toBeNull();
    expect(then.next).toBe("extended");
    expect(evaluate({ ...(saved!.answers as Answers), extended: "no" }, dueOn).next).toBe("last-contact");

    // Its stop link still works after sending (it stops nothing more, but is not an error).
    const stop = link(mail.text, "stop")!;
    expect(await stopReminder({ prisma: db.prisma, now: onTheDay() }, stop)).toBe("stopped");
    expect(await stopReminder({ prisma: db.prisma, now: onTheDay() }, stop)).toBe("already");
  });

  it("writes in English for an English journey, and the stop link stops it before the day", async () => {
    const { mailer, sent } = fakeMailer();
    const { stopToken } = await ask("en");
    const stopped = await ask("en");
    expect(await findReminder({ prisma: db.prisma, now: onTheDay() }, stopped.stopToken)).toMatchObject({ dueOn, stoppedAt: null });
    expect(await stopReminder({ prisma: db.prisma, now: at(`${ASKED_ON}T11:00:00Z`) }, stopped.stopToken)).toBe("stopped");
    expect(await stopReminder({ prisma: db.prisma, now: at(`${ASKED_ON}T11:00:00Z`) }, "x".repeat(43))).toBe("unknown");
    await sweep(onTheDay(), mailer);
    expect(sent.map((m) => m.to)).toEqual([`r${n - 1}-${engine}@example.com`]);
    expect(sent[0]!.subject).toBe("You can now report your concern to us");
    expect(sent[0]!.text).toMatch(/https:\/\/doorstep\.test\/concerns\/resume\/[A-Za-z0-9_-]{43}/);
    // The confirmation's stop token was replaced by the one in the reminder email.
    expect(await findReminder({ prisma: db.prisma, now: onTheDay() }, stopToken)).toBeNull();
  });

  it("retries a failed send on the next sweep, and sends nothing once the report has been sent", async () => {
    const { mailer, sent } = fakeMailer({ failFirst: true });
    await ask("en");
    const reported = await ask("cy");
    const reportedJourney = (await db.prisma.reminder.findFirstOrThrow({ where: { tokenHash: { not: "" }, journeyId: { endsWith: `-${n}` } } })).journeyId;
    await db.prisma.$transaction((tx) => deleteSavedDrafts(tx, reportedJourney, new Date(`${ASKED_ON}T12:00:00Z`), "submitted"));
    expect(await findReminder({ prisma: db.prisma, now: onTheDay() }, reported.stopToken)).toMatchObject({ stoppedAt: expect.any(Date) });
    expect(await sweep(onTheDay(), mailer)).toEqual({ sent: 0, failed: 1 });
    expect(await sweep(onTheDay(), mailer)).toEqual({ sent: 1, failed: 0 });
    expect(sent.map((m) => m.to)).toEqual([`r${n - 1}-${engine}@example.com`]);
  });
});
