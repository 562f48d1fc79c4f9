// The subject access copy: the customer's data, all of it, nothing that is someone else's,
// and the sensitive adjustment text only for those who may read it on the screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { addContact, addNote, createCase, requestCallback, takeCase } from "../domain/cases";
import { maskTokens, sectionCounts, subjectAccessExport, subjectHash } from "./subject-access";

describe("subject access copy", () => {
  let db: TestDatabase;
  const email = "Sam.Subject@Example.com";
  const other = "someone.else@example.com";
  let admin: { id: string; roles: string[] };
  let head: { id: string; roles: string[] };
  let officer: { id: string; roles: string[] };
  let reference = "";
  const now = new Date("2026-11-23T10:00:00Z");

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    const make = async (name: string, roles: string[]) => {
      const row = await db.prisma.staffUser.create({ data: { email: `${name}@x.test`, name: `Staff ${name}`, passwordHash: "x", roles: roles as never } });
      return { id: row.id, roles: row.roles as string[] };
    };
    admin = await make("admin", ["admin"]);
    head = await make("head", ["head_of_customer_contact"]);
    officer = await make("officer", ["case_officer"]);
    const deps = { prisma: db.prisma, now: () => now };
    const made = await createCase(deps, { type: "RFA", channel: "web_form", language: "en", summary: "My council shared my address.", customer: { name: "Sam Subject", email, phone: "07700900123" }, organisation: { name: "Example Council" } });
    reference = made.case.reference;
    await takeCase(deps, officer, reference);
    await addNote(deps, officer, reference, { text: "INTERNAL-NOTE sounds vexatious" });
    await addContact(deps, officer, reference, { method: "call", direction: "out", summary: "Called Sam about the address" });
    await requestCallback(deps, officer, reference, { note: "INTERNAL-CALLBACK ring after lunch" });
    // Someone else's case, linked to Sam's: not Sam's data.
    const theirs = await createCase(deps, { type: "RFA", channel: "web_form", language: "en", summary: "OTHER-PERSON concern", customer: { name: "Other Person", email: other } });
    await db.prisma.caseLink.create({ data: { caseId: made.case.id, linkedId: theirs.case.id, createdAt: now } });
    const party = await db.prisma.party.findUniqueOrThrow({ where: { emailNormalised: email.toLowerCase() } });
    await db.prisma.adjustmentRequest.create({
      data: { reference: "ADJ0000001", language: "en", correspondenceLanguage: "en", needs: [{ code: "large_print" }], difficulty: "SENSITIVE-TEXT reading small print", difficultyConsentAt: now, name: "Sam Subject", email, partyId: party.id, receivedAt: now, decisionDueAt: now, assignedToId: officer.id },
    });
    await db.prisma.nuisanceReport.create({
      data: { reference: "NUI0000001", language: "en", receivedAt: now, name: "Sam Subject", email: email.toUpperCase(), phone: "07700900123", contactCount: 1, idempotencyKey: "n1", contacts: { create: { position: 1, kind: "live_call", occurredAt: now, timeKnown: true, fromStatus: "given", fromTyped: "01632 960000", topic: "pensions" } } },
    });
    const chat = await db.prisma.chatConversation.create({ data: { status: "ended", language: "en", topic: "general", customerName: "Sam", customerEmail: email, transcriptConsent: true, queuedAt: now, adviserId: officer.id } });
    await db.prisma.chatMessage.createMany({
      data: [
        { conversationId: chat.id, seq: 1, clientId: "a", author: "customer", text: "CHAT-CUSTOMER hello" },
        { conversationId: chat.id, seq: 2, clientId: "b", author: "adviser", adviserId: officer.id, authorName: "Staff officer", text: "CHAT-ADVISER hi Sam" },
        { conversationId: chat.id, seq: 3, clientId: "c", author: "adviser", kind: "note", adviserId: officer.id, authorName: "Staff officer", text: "CHAT-NOTE internal" },
      ],
    });
    await db.prisma.emailMessage.create({ data: { to: email, subject: "We have your request", text: "Withdraw consent: http://localhost/adjustments/consent/AbCdEf0123456789xyz", language: "en", kind: "adjustment.ack" } });
    await db.prisma.emailMessage.create({ data: { to: other, subject: "OTHER-EMAIL", text: "not Sam's", language: "en", kind: "x" } });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("holds every kind of record about them: cases, adjustments, nuisance reports, chats and emails", async () => {
    const result = (await subjectAccessExport(db.prisma, email.toLowerCase(), now, head))!;
    expect(sectionCounts(result.copy)).toMatchObject({ person: 1, cases: 1, adjustmentRequests: 1, nuisanceReports: 1, chats: 1, emailsWeSent: 1 });
    expect(result.copy.nuisanceReports[0]).toMatchObject({ name: "Sam Subject", phone: "07700900123" });
    expect(result.copy.chats[0]!.transcript.map((m) => m.text)).toEqual(["CHAT-CUSTOMER hello", "CHAT-ADVISER hi Sam"]);
    expect(result.subject).toEqual({ partyId: expect.any(String), hash: subjectHash(email) });
  });

  it("leaves out staff notes, staff names and ids, other people's cases and live tokens", async () => {
    const result = (await subjectAccessExport(db.prisma, email, now, head))!;
    const text = JSON.stringify(result.copy);
    for (const secret of ["INTERNAL-NOTE", "INTERNAL-CALLBACK", "CHAT-NOTE", "OTHER-PERSON", "OTHER-EMAIL", "Staff officer", officer.id, "AbCdEf0123456789xyz"]) expect(text, secret).not.toContain(secret);
    expect(text).toContain("Called Sam about the address");
    expect(text).toContain("/adjustments/consent/[removed]");
  });

  it("includes what they find hard only for those who may read it on the screen, and says when it is withheld", async () => {
    const byAdmin = (await subjectAccessExport(db.prisma, email, now, admin))!;
    expect(JSON.stringify(byAdmin.copy)).not.toContain("SENSITIVE-TEXT");
    expect(byAdmin.sensitive).toEqual({ included: [], withheld: ["ADJ0000001"] });
    expect(byAdmin.copy.adjustmentRequests[0]!.whatYouFindHard).toEqual({ withheld: true });
    const byHead = (await subjectAccessExport(db.prisma, email, now, head))!;
    expect(JSON.stringify(byHead.copy)).toContain("SENSITIVE-TEXT");
    expect(byHead.sensitive.included.map((s) => s.reference)).toEqual(["ADJ0000001"]);
    // The officer dealing with the request may read it too.
    expect(JSON.stringify((await subjectAccessExport(db.prisma, email, now, officer))!.copy)).toContain("SENSITIVE-TEXT");
  });

  it("includes the reminders they asked for (the day, what it leads back to), never the token hash or a live link", async () => {
    const tokenHash = "f".repeat(64);
    await db.prisma.concernDraft.create({ data: { tokenHash: "e".repeat(64), journeyId: "journey-sam", language: "cy", data: { answers: { organisation: "REMINDER-ANSWER Example Council" } }, expiresAt: new Date("2027-01-18T00:00:00Z") } });
    await db.prisma.reminder.create({ data: { tokenHash, email: email.toUpperCase(), language: "cy", dueOn: "2027-01-04", journeyId: "journey-sam", createdAt: now } });
    await db.prisma.reminder.create({ data: { tokenHash: "d".repeat(64), email: other, language: "en", dueOn: "2027-02-01", journeyId: "journey-other", createdAt: now } });
    await db.prisma.emailMessage.create({ data: { to: email, subject: "Your reminder", text: "Stop: http://localhost/reminders/stop/StopToken0123456789 Track: http://localhost/cy/track/case/TrackToken0123456789", language: "cy", kind: "reminder" } });
    const result = (await subjectAccessExport(db.prisma, email, now, admin))!;
    expect(sectionCounts(result.copy).reminders).toBe(1);
    expect(result.copy.reminders[0]).toMatchObject({ remindOn: "2027-01-04", language: "cy", sentAt: null, stoppedAt: null, savedAnswers: { answers: { organisation: "REMINDER-ANSWER Example Council" } } });
    const text = JSON.stringify(result.copy);
    for (const secret of [tokenHash, "e".repeat(64), "2027-02-01", "StopToken0123456789", "TrackToken0123456789"]) expect(text, secret).not.toContain(secret);
    // A person known only by a reminder still gets a copy.
    const onlyReminder = "only.reminder@example.com";
    await db.prisma.reminder.create({ data: { tokenHash: "c".repeat(64), email: onlyReminder, language: "en", dueOn: "2027-03-01", journeyId: "journey-only", createdAt: now } });
    expect((await subjectAccessExport(db.prisma, onlyReminder, now, admin))!.copy.reminders).toHaveLength(1);
  });

  it("finds nothing for an address it does not hold", async () => {
    expect(await subjectAccessExport(db.prisma, "nobody@example.com", now, head)).toBeNull();
    expect(maskTokens("/concerns/resume/abcdefgh12345678")).toBe("/concerns/resume/[removed]");
  });
});
