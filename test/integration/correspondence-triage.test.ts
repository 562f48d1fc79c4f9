// Staff decisions on mail (link, confirm a held message, create a case, set aside) and staff
// intake of cases from phone, letter and email: same queues, clocks and acknowledgement as the web forms.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveMail, type InboundDeps } from "../../server/correspondence/inbound";
import { createStaffCase, IntakeSchema } from "../../server/correspondence/intake";
import { confirmHeldAdjustment, createCaseFromMail, linkMail, setAside, TriageError } from "../../server/correspondence/triage";
import { ForbiddenError } from "../../server/auth/permissions";
import { computeCaseClocks, createCase } from "../../server/domain/cases";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const raw = (from: string, subject: string, body = "Hello", attach = false) =>
  Buffer.from(
    attach
      ? `From: ${from}\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n${body}\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${PDF.toString("base64")}\r\n--b--\r\n`
      : `From: ${from}\r\nSubject: ${subject}\r\n\r\n${body}\r\n`,
  );

describe.each(ENGINES)("triage and intake on %s", (engine) => {
  let db: TestDatabase;
  let deps: InboundDeps;
  let staffId: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deps = { prisma: db.prisma, dataDir: mkdtempSync(path.join(tmpdir(), "doorstep-triage-")), publicUrl: "http://doorstep.test", replyTo: "casework@casework.test" };
    staffId = (await db.prisma.staffUser.create({ data: { email: `s-${engine}@staff.test`, name: "S", passwordHash: "x", roles: ["case_officer"] } })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("confirms a held message onto its case, files and all, once", async () => {
    const { case: c } = await createCase({ prisma: db.prisma }, { type: "ENQ", channel: "web_form", language: "en", summary: "x", customer: { name: "A", email: `a-${engine}@example.com` } });
    const held = await receiveMail(deps, { source: "smtp", raw: raw("rep@solicitors.example", `[Ref. ${c.reference}] for my client`, "On behalf of A", true) });
    expect(held.status).toBe("held");
    expect(await db.prisma.concernAttachment.count({ where: { journeyId: `mail:${held.id}`, caseId: null } })).toBe(1);
    await linkMail(deps, staffId, held.id, c.reference);
    const row = await db.prisma.inboundMail.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ status: "joined", caseId: c.id, matchedBy: "staff", decidedById: staffId });
    expect(await db.prisma.concernAttachment.count({ where: { journeyId: `mail:${held.id}`, caseId: c.id } })).toBe(1);
    expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "correspondence_in", actorId: staffId } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { entityId: held.id, action: "mail.confirm_held" } })).toBe(1);
    await expect(linkMail(deps, staffId, held.id, c.reference)).rejects.toThrow(TriageError);
  });

  it("confirms a held message onto the adjustment request it names, only for those who may see all of it", async () => {
    const officer = await db.prisma.staffUser.create({ data: { email: `adj-o-${engine}@staff.test`, name: "O", passwordHash: "x", roles: ["case_officer"] } });
    const reference = engine === "pglite" ? "ADJ0000201" : "ADJ0000202";
    const request = await db.prisma.adjustmentRequest.create({
      data: { reference, language: "en", correspondenceLanguage: "en", needs: [{ code: "large_print" }], name: "Sam", email: `sam-${engine}@example.com`, receivedAt: new Date(), decisionDueAt: new Date() },
    });
    const held = await receiveMail(deps, { source: "smtp", raw: raw("carer@example.net", `Re: [Ref. ${reference}] for my mother`, "She needs 24pt", true) });
    expect(held).toMatchObject({ status: "held", reference });
    const other = { id: staffId, roles: ["case_officer"] };
    // Unassigned, or someone else's: an officer may not; nothing changes.
    await expect(confirmHeldAdjustment(deps, other, held.id)).rejects.toThrow(ForbiddenError);
    await db.prisma.adjustmentRequest.update({ where: { id: request.id }, data: { assignedToId: officer.id } });
    await expect(confirmHeldAdjustment(deps, other, held.id)).rejects.toThrow(ForbiddenError);
    expect((await db.prisma.inboundMail.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("held");
    expect(await db.prisma.adjustmentEvent.count({ where: { requestId: request.id } })).toBe(0);
    // The officer dealing with it confirms: on the timeline as theirs, the back office told, audited; once.
    expect(await confirmHeldAdjustment(deps, { id: officer.id, roles: ["case_officer"] }, held.id)).toBe(reference);
    expect(await db.prisma.inboundMail.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "joined", caseId: null, matchedBy: "staff", decidedById: officer.id, acknowledgedAt: null });
    const event = await db.prisma.adjustmentEvent.findFirstOrThrow({ where: { requestId: request.id, kind: "customer_email" } });
    expect(event).toMatchObject({ actorId: officer.id, data: { inboundId: held.id, text: expect.stringContaining("She needs 24pt"), files: 1 } });
    expect(await db.prisma.outboxEvent.count({ where: { aggregateId: request.id, eventType: "adjustment_request.customer_message" } })).toBe(1);
    expect(await db.prisma.emailMessage.count({ where: { to: officer.email, kind: "staff_correspondence_notice" } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { entityId: held.id, action: "mail.confirm_held", actorId: officer.id } })).toBe(1);
    await expect(confirmHeldAdjustment(deps, { id: officer.id, roles: ["manager"] }, held.id)).rejects.toMatchObject({ code: "already_decided" });
  });

  it("refuses to link to a case that does not exist, and sets aside what is not case work", async () => {
    const m = await receiveMail(deps, { source: "smtp", raw: raw("spam@example.com", `Win a prize ${engine}`) });
    await expect(linkMail(deps, staffId, m.id, "RFA9999998")).rejects.toMatchObject({ code: "unknown_case" });
    await setAside(deps, staffId, m.id);
    expect((await db.prisma.inboundMail.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("ignored");
    await expect(setAside(deps, staffId, m.id)).rejects.toThrow(TriageError);
  });

  it("creates a case from a message in triage, channel email, with the message on it", async () => {
    const m = await receiveMail(deps, { source: "imap", raw: raw(`new-${engine}@example.com`, "My council shared my data", "They sent it to my neighbour") });
    const input = IntakeSchema.parse({ type: "RFA", channel: "email", language: "cy", summary: "They sent it to my neighbour", name: "Nia", email: `new-${engine}@example.com`, organisation: "Cyngor Sir", sector: "local_government" });
    const reference = await createCaseFromMail(deps, staffId, m.id, input);
    const c = await db.prisma.case.findUniqueOrThrow({ where: { reference } });
    expect(c).toMatchObject({ channel: "email", language: "cy", workQueue: "13", type: "RFA" });
    expect(c.title).toMatch(/^Welsh language/);
    expect((await db.prisma.inboundMail.findUniqueOrThrow({ where: { id: m.id } })).caseId).toBe(c.id);
    const ack = await db.prisma.emailMessage.findFirstOrThrow({ where: { caseId: c.id, kind: "case_acknowledgement" } });
    expect(ack.subject).toBe(`Rydym wedi cael eich achos [Ref. ${reference}]`);
  });

  it("takes a case by phone or letter with the web forms' clocks, and checks a complaint's 3 months", async () => {
    const now = new Date("2026-12-07T10:00:00Z");
    const { case: phone } = await createStaffCase({ prisma: db.prisma, now: () => now }, staffId, IntakeSchema.parse({ type: "ENQ", channel: "phone", language: "en", summary: "Can they do this?", name: "Pat", phone: "01234 567890" }));
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id: phone.id } });
    const clocks = computeCaseClocks("ENQ", now);
    expect(row).toMatchObject({ channel: "phone", workQueue: "4", queueDueAt: clocks.queueBy, answerDueAt: clocks.answerBy, acknowledgedAt: null });
    // No email: no acknowledgement email (the officer prints the letter).
    expect(await db.prisma.emailMessage.count({ where: { caseId: phone.id } })).toBe(0);
    const { case: letter } = await createStaffCase({ prisma: db.prisma, now: () => now }, staffId, IntakeSchema.parse({ type: "RCC", channel: "letter", language: "en", summary: "Rude reply", name: "Lee", address: "1 High St", eventOn: "2026-08-01" }));
    const rcc = await db.prisma.case.findUniqueOrThrow({ where: { id: letter.id } });
    expect(rcc).toMatchObject({ channel: "letter", late: true });
    expect(rcc.details).toMatchObject({ eventOn: "2026-08-01", inTime: false, postalAddress: "1 High St" });
    expect(IntakeSchema.safeParse({ type: "RCC", channel: "letter", language: "en", summary: "x", name: "L" }).success).toBe(false);
    expect(IntakeSchema.safeParse({ type: "XXX", channel: "fax", language: "fr", summary: "", name: "" }).success).toBe(false);
  });
});
