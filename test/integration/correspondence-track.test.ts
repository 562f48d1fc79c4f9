// The /track link: emailed only to the case's customer, shows what we sent them (not staff mail or
// notes), lets them add to an open case, and stops working when it expires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessFor, addFromTrackPage, caseForAccess, newInboundId, sendTrackLink } from "../../server/correspondence/track-access";
import { createCase } from "../../server/domain/cases";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

describe.each(ENGINES)("tracking link on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("emails a link that shows what we sent and takes a message onto the open case", async () => {
    const email = `t-${engine}@example.com`;
    const { case: c } = await createCase({ prisma: db.prisma }, { type: "ENQ", channel: "web_form", language: "cy", summary: "x", customer: { name: "T", email }, emails: (k) => [{ to: email, subject: `Ack [Ref. ${k.reference}]`, text: "Your ack", language: "cy", kind: "ack" }] });
    await db.prisma.emailMessage.create({ data: { to: "officer@staff.test", subject: "internal", text: "Staff only", language: "en", kind: "staff_correspondence_notice", caseId: c.id } });
    await db.prisma.caseEvent.create({ data: { caseId: c.id, kind: "note", data: { text: "Internal note" } } });
    const now = new Date();
    expect(await sendTrackLink({ prisma: db.prisma, publicUrl: "http://d.test", now: () => now }, { reference: c.reference, email: email.toUpperCase(), language: "cy", pageLang: "cy" })).toBe(true);
    const linkEmail = await db.prisma.emailMessage.findFirstOrThrow({ where: { caseId: c.id, kind: "track_link" } });
    expect(linkEmail.subject).toBe(`Eich dolen i ${c.reference}`);
    const token = /\/cy\/track\/case\/([A-Za-z0-9_-]+)/.exec(linkEmail.text)![1]!;
    const access = (await accessFor(db.prisma, token, now))!;
    const view = (await caseForAccess(db.prisma, access))!;
    expect(view.sent.map((e) => e.text)).toEqual(["Your ack"]);
    const inboundId = newInboundId();
    await addFromTrackPage({ prisma: db.prisma, publicUrl: "http://d.test", now: () => now }, { inboundId, caseId: c.id, email: access.email, text: "Here is more", files: 0 });
    expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "correspondence_in" } })).toBe(1);
    expect((await caseForAccess(db.prisma, access))!.added.map((m) => m.text)).toEqual(["Here is more"]);
    // Expired after 7 days; a made-up token never works.
    expect(await accessFor(db.prisma, token, new Date(now.getTime() + 8 * 86400_000))).toBeNull();
    expect(await accessFor(db.prisma, "x".repeat(43), now)).toBeNull();
    // Asking again and again does not flood the inbox.
    for (let i = 0; i < 5; i++) await sendTrackLink({ prisma: db.prisma, publicUrl: "http://d.test", now: () => now }, { reference: c.reference, email, language: "cy", pageLang: "cy" });
    expect(await db.prisma.emailMessage.count({ where: { caseId: c.id, kind: "track_link" } })).toBe(3);
  });
});
