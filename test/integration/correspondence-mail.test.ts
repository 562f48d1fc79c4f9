// Mail in and out for cases: the [Ref. …] tag, Reply-To and Message-ID on what we send; mail
// sent with nodemailer over real SMTP to the built-in receiver; an IMAP mailbox polled over the
// real protocol (a small fake server); and hostile input.
import { existsSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentFile } from "../../server/concerns/uploads";
import { createImapPoller } from "../../server/correspondence/imap-poller";
import { INBOUND_LIMITS, type InboundDeps } from "../../server/correspondence/inbound";
import { createOutgoingDecorator, withReferenceTag } from "../../server/correspondence/outgoing";
import { startSmtpReceiver, type SmtpReceiver } from "../../server/correspondence/smtp-receiver";
import { createCase } from "../../server/domain/cases";
import { createMailWorker } from "../../server/mail/mail-worker";
import type { Mailer, OutgoingMail } from "../../server/mail/mailer";
import { startFakeImap, type FakeImap } from "../support/fake-imap";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const silent = pino({ level: "silent" });
const REPLY_TO = "Casework <casework@casework.test>";
// A real (tiny) PDF: file-type recognises it by its magic number.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe.each(ENGINES)("correspondence on %s", (engine) => {
  let db: TestDatabase;
  let smtp: SmtpReceiver;
  let deps: InboundDeps;
  const dataDir = mkdtempSync(path.join(tmpdir(), "doorstep-mail-"));
  const MAX = 512 * 1024;
  let transport: Transporter;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deps = { prisma: db.prisma, dataDir, publicUrl: "http://doorstep.test", replyTo: REPLY_TO, ownAddresses: ["Doorstep <no-reply@casework.test>"], logger: silent };
    smtp = await startSmtpReceiver({ ...deps, logger: silent }, { port: 0, host: "127.0.0.1", maxBytes: MAX });
    transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await db?.close();
  });

  let n = 0;
  async function newCase(email = `customer${++n}-${engine}@example.com`, extra: { assignedToId?: string } = {}) {
    const { case: c } = await createCase(
      { prisma: db.prisma },
      { type: "RFA", channel: "web_form", language: "cy", summary: "Concern", customer: { name: "Cara", email }, organisation: { name: "Cyngor" }, emails: (k) => [{ to: email, subject: `Ack [Ref. ${k.reference}]`, text: "t", language: "cy", kind: "ack" }] },
    );
    if (extra.assignedToId) await db.prisma.case.update({ where: { id: c.id }, data: { assignedToId: extra.assignedToId } });
    return { ...c, email };
  }
  const inbound = (subjectLike: string) => db.prisma.inboundMail.findMany({ where: { subject: { contains: subjectLike } }, orderBy: { receivedAt: "asc" } });

  describe("mail out", () => {
    it("tags the subject with the reference once, sets Reply-To and a Message-ID we can recognise", async () => {
      const c = await newCase();
      const sent: OutgoingMail[] = [];
      const mailer: Mailer = { async send(m) { sent.push(m); return { messageId: m.messageId ?? "" }; }, close() {} };
      await db.prisma.emailMessage.updateMany({ where: { sentAt: null, caseId: { not: c.id } }, data: { sentAt: new Date() } });
      await db.prisma.emailMessage.create({ data: { to: c.email, subject: "Our decision (" + c.reference + ")", text: "t", language: "en", kind: "test", caseId: c.id } });
      const worker = createMailWorker({ prisma: db.prisma, mailer, logger: silent, decorate: createOutgoingDecorator({ prisma: db.prisma, replyTo: REPLY_TO }) });
      expect(await worker.deliverDue()).toBe(2);
      expect(sent.map((m) => m.subject).sort()).toEqual([`Ack [Ref. ${c.reference}]`, `Our decision [Ref. ${c.reference}]`]);
      for (const m of sent) {
        expect(m.replyTo).toBe(REPLY_TO);
        expect(m.messageId).toMatch(/^<[0-9a-f-]{36}@casework\.test>$/);
      }
      expect(withReferenceTag("Hello", "ADJ0000012")).toBe("Hello [Ref. ADJ0000012]");
    });
  });

  describe("the SMTP receiver", () => {
    it("joins a reply quoting the reference to its case, keeps the PDF, acknowledges once and tells the officer", async () => {
      const officer = await db.prisma.staffUser.create({ data: { email: `officer-${engine}@staff.test`, name: "Olwen", passwordHash: "x", roles: ["case_officer"] } });
      const c = await newCase(undefined, { assignedToId: officer.id });
      const info = await transport.sendMail({
        from: `Cara <${c.email.toUpperCase()}>`,
        to: "casework@casework.test",
        subject: `Re: Ack [Ref. ${c.reference}]`,
        text: "Here is the letter they sent me.",
        messageId: `<reply-1-${engine}@example.com>`,
        attachments: [{ filename: "letter.pdf", content: PDF }],
      });
      expect(info.accepted).toHaveLength(1);
      const [row] = await inbound(`Re: Ack [Ref. ${c.reference}]`);
      expect(row).toMatchObject({ status: "joined", caseId: c.id, matchedBy: "subject", attachmentCount: 1, source: "smtp" });
      expect(row!.text).toContain("letter they sent me");
      const files = await db.prisma.concernAttachment.findMany({ where: { caseId: c.id } });
      expect(files).toHaveLength(1);
      expect(files[0]).toMatchObject({ fileName: "letter.pdf", mediaType: "application/pdf" });
      expect(existsSync(attachmentFile(dataDir, files[0]!.storedName))).toBe(true);
      const events = await db.prisma.caseEvent.findMany({ where: { caseId: c.id, kind: "correspondence_in" } });
      expect(events).toHaveLength(1);
      const acks = await db.prisma.emailMessage.findMany({ where: { caseId: c.id, kind: "correspondence_acknowledgement" } });
      expect(acks).toHaveLength(1);
      expect(acks[0]!.subject).toContain(`[Ref. ${c.reference}]`);
      expect(acks[0]!.language).toBe("cy");
      expect(await db.prisma.emailMessage.count({ where: { caseId: c.id, kind: "staff_correspondence_notice", to: officer.email } })).toBe(1);

      // The same message delivered again (a relay retry) is kept once and not acknowledged again.
      await transport.sendMail({ from: c.email, to: "casework@casework.test", subject: `Re: Ack [Ref. ${c.reference}]`, text: "Here is the letter they sent me.", messageId: `<reply-1-${engine}@example.com>` });
      // A second, different message the same day joins too but is not acknowledged again.
      await transport.sendMail({ from: c.email, to: "casework@casework.test", subject: `One more thing [Ref. ${c.reference}]`, text: "And another." });
      expect(await db.prisma.inboundMail.count({ where: { caseId: c.id } })).toBe(2);
      expect(await db.prisma.emailMessage.count({ where: { caseId: c.id, kind: "correspondence_acknowledgement" } })).toBe(1);
    });

    it("joins a reply by its In-Reply-To header when the subject lost the reference", async () => {
      const c = await newCase();
      const ours = await db.prisma.emailMessage.findFirstOrThrow({ where: { caseId: c.id } });
      await transport.sendMail({ from: c.email, to: "casework@casework.test", subject: "Re: your email", text: "Reply", inReplyTo: `<${ours.id}@casework.test>`, references: [`<${ours.id}@casework.test>`] });
      const rows = await db.prisma.inboundMail.findMany({ where: { caseId: c.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.matchedBy).toBe("in_reply_to");
    });

    it("never answers automatic mail: auto-replies, bulk mail, bounces and our own mail", async () => {
      const c = await newCase();
      const before = await db.prisma.emailMessage.count();
      const send = (extra: SendMailOptions) => transport.sendMail({ from: c.email, to: "casework@casework.test", text: "x", ...extra });
      await send({ subject: `Out of office [Ref. ${c.reference}] A`, headers: { "Auto-Submitted": "auto-replied" } });
      await send({ subject: `Newsletter [Ref. ${c.reference}] B`, headers: { Precedence: "bulk" } });
      await send({ subject: `List [Ref. ${c.reference}] C`, headers: { Precedence: "list" } });
      await send({ subject: `Automatic reply: away [Ref. ${c.reference}] D` });
      await send({ subject: `Returned mail [Ref. ${c.reference}] E`, envelope: { from: "", to: "casework@casework.test" } });
      await send({ from: "no-reply@casework.test", subject: `Loop [Ref. ${c.reference}] F` });
      await transport.sendMail({
        envelope: { from: "mailer-daemon@example.com", to: "casework@casework.test" },
        raw: `From: Mail Delivery System <mailer-daemon@example.com>\r\nTo: casework@casework.test\r\nSubject: Undelivered [Ref. ${c.reference}] G\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n`,
      });
      const rows = await db.prisma.inboundMail.findMany({ where: { claimedReference: c.reference } });
      expect(rows.map((r) => [r.subject.slice(-1), r.status, r.reason]).sort()).toEqual([
        ["A", "ignored", "out_of_office"],
        ["B", "ignored", "bulk"],
        ["C", "ignored", "bulk"],
        ["D", "ignored", "out_of_office"],
        ["E", "ignored", "bounce"],
        ["F", "ignored", "own_mail"],
        ["G", "ignored", "bounce"],
      ]);
      expect(await db.prisma.emailMessage.count()).toBe(before);
      expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "correspondence_in" } })).toBe(0);
    });

    it("sends mail naming no case, or an unknown one, to triage", async () => {
      await transport.sendMail({ from: "new@example.com", to: "casework@casework.test", subject: `Help please ${engine}`, text: "New concern" });
      await transport.sendMail({ from: "new2@example.com", to: "casework@casework.test", subject: `About [Ref. RFA9999999] ${engine}`, text: "?" });
      const [none] = await inbound(`Help please ${engine}`);
      const [unknown] = await inbound(`About [Ref. RFA9999999] ${engine}`);
      expect(none).toMatchObject({ status: "triage", reason: "no_reference", caseId: null });
      expect(unknown).toMatchObject({ status: "triage", reason: "unknown_reference", claimedReference: "RFA9999999" });
      // Acknowledged in both languages, without a reference.
      const ack = await db.prisma.emailMessage.findFirstOrThrow({ where: { to: "new@example.com", kind: "correspondence_acknowledgement" } });
      expect(ack.text).toContain("Rydym wedi cael eich e-bost");
    });

    it("acknowledges one sender at most a few times a day, however many messages they send", async () => {
      const from = `flood-${engine}@example.com`;
      const sent = INBOUND_LIMITS.acksPerSenderPerDay + 2;
      for (let i = 0; i < sent; i++) await transport.sendMail({ from, to: "casework@casework.test", subject: `Flood ${i} ${engine}`, text: "again" });
      for (let i = 0; i < sent; i++) expect((await inbound(`Flood ${i} ${engine}`))[0]).toMatchObject({ status: "triage" });
      expect(await db.prisma.emailMessage.count({ where: { to: from, kind: "correspondence_acknowledgement" } })).toBe(INBOUND_LIMITS.acksPerSenderPerDay);
    });

    it("holds a reply to someone else's case for staff instead of merging it (a forged reference)", async () => {
      const c = await newCase();
      await transport.sendMail({ from: "stranger@example.net", to: "casework@casework.test", subject: `Re: [Ref. ${c.reference}] forged`, text: "Let me in", attachments: [{ filename: "x.pdf", content: PDF }] });
      const [row] = await inbound(`[Ref. ${c.reference}] forged`);
      expect(row).toMatchObject({ status: "held", reason: "not_customer", caseId: null, claimedReference: c.reference, acknowledgedAt: null });
      expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "correspondence_in" } })).toBe(0);
      expect(await db.prisma.concernAttachment.count({ where: { caseId: c.id } })).toBe(0);
      expect(await db.prisma.emailMessage.count({ where: { to: "stranger@example.net" } })).toBe(0);
    });

    it("joins a reply about an adjustment request to the request and tells its officer; a stranger's is held", async () => {
      const officer = await db.prisma.staffUser.create({ data: { email: `adj-officer-${engine}@staff.test`, name: "Aled", passwordHash: "x", roles: ["case_officer"] } });
      const email = `adj-${engine}@example.com`;
      const reference = engine === "pglite" ? "ADJ0000101" : "ADJ0000102";
      const request = await db.prisma.adjustmentRequest.create({
        data: { reference, language: "cy", correspondenceLanguage: "cy", needs: [{ code: "large_print" }], name: "Sam", email: email.toUpperCase(), receivedAt: new Date(), decisionDueAt: new Date(), assignedToId: officer.id },
      });
      const ours = await db.prisma.emailMessage.create({ data: { to: email, subject: `Your request [Ref. ${reference}]`, text: "t", language: "cy", kind: "adjustment.ack", sentAt: new Date() } });
      await db.prisma.adjustmentEmail.create({ data: { emailMessageId: ours.id, requestId: request.id, kind: "ack" } });

      // By In-Reply-To (the subject lost the reference), with a file.
      await transport.sendMail({ from: email, to: "casework@casework.test", subject: "Re: your letter", text: "Print 24pt please.", inReplyTo: `<${ours.id}@casework.test>`, attachments: [{ filename: "note.pdf", content: PDF }] });
      const [row] = await inbound("Re: your letter");
      expect(row).toMatchObject({ status: "joined", caseId: null, claimedReference: reference, matchedBy: "in_reply_to", attachmentCount: 1 });
      const events = await db.prisma.adjustmentEvent.findMany({ where: { requestId: request.id, kind: "customer_email" } });
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({ inboundId: row!.id, text: expect.stringContaining("Print 24pt please."), files: 1 });
      const notices = await db.prisma.emailMessage.findMany({ where: { to: officer.email, kind: "staff_correspondence_notice" } });
      expect(notices).toHaveLength(1);
      expect(notices[0]!.subject).toBe(`New message on adjustment request ${reference}`);
      expect(notices[0]!.text).toContain(`http://doorstep.test/staff/mail/${row!.id}`);
      expect(notices[0]!.text).not.toContain(email);
      // The customer is acknowledged in Welsh, and the acknowledgement belongs to the request.
      const ack = await db.prisma.emailMessage.findFirstOrThrow({ where: { to: email, kind: "correspondence_acknowledgement" } });
      expect(ack.subject).toContain(`[Ref. ${reference}]`);
      expect(ack.text).toContain("cais am addasiad");
      expect(await db.prisma.adjustmentEmail.count({ where: { emailMessageId: ack.id, requestId: request.id } })).toBe(1);

      // By the subject's tag.
      await transport.sendMail({ from: email, to: "casework@casework.test", subject: `Another thing [Ref. ${reference}]`, text: "And another." });
      expect(await db.prisma.adjustmentEvent.count({ where: { requestId: request.id, kind: "customer_email" } })).toBe(2);
      expect(await db.prisma.emailMessage.count({ where: { to: officer.email, kind: "staff_correspondence_notice" } })).toBe(2);
      expect(await db.prisma.emailMessage.count({ where: { to: email, kind: "correspondence_acknowledgement" } })).toBe(1);

      // Someone else quoting the reference: held, nothing on the request, nobody told or answered.
      await transport.sendMail({ from: "stranger@example.net", to: "casework@casework.test", subject: `Re: [Ref. ${reference}] let me in`, text: "Let me in" });
      const [held] = await inbound(`[Ref. ${reference}] let me in`);
      expect(held).toMatchObject({ status: "held", reason: "not_customer", claimedReference: reference, acknowledgedAt: null });
      expect(await db.prisma.adjustmentEvent.count({ where: { requestId: request.id, kind: "customer_email" } })).toBe(2);
      expect(await db.prisma.emailMessage.count({ where: { to: officer.email, kind: "staff_correspondence_notice" } })).toBe(2);
    });

    it("shows a reply to a closed case on it, marked for the officer", async () => {
      const c = await newCase();
      await db.prisma.case.update({ where: { id: c.id }, data: { status: "closed", closedAt: new Date(Date.now() - 3 * 86400_000), outcome: "Not DPA" } });
      await transport.sendMail({ from: c.email, to: "casework@casework.test", subject: `Still unhappy [Ref. ${c.reference}]`, text: "Please look again" });
      const event = await db.prisma.caseEvent.findFirstOrThrow({ where: { caseId: c.id, kind: "correspondence_in" } });
      expect(event.data).toMatchObject({ closed: true });
    });

    it("refuses a message over the size limit with 552 and keeps nothing", async () => {
      const c = await newCase();
      await expect(transport.sendMail({ from: c.email, to: "casework@casework.test", subject: `Huge [Ref. ${c.reference}]`, text: "x".repeat(MAX + 10_000) })).rejects.toThrow(/552|size/i);
      expect(await inbound(`Huge [Ref. ${c.reference}]`)).toHaveLength(0);
    });

    it("keeps at most ten files from a message with hundreds of attachments, and sends thousands to triage unread", async () => {
      const c = await newCase();
      const attachments = (count: number) => Array.from({ length: count }, (_, i) => ({ filename: `note${i}.txt`, content: `note ${i}\n` }));
      const started = Date.now();
      await transport.sendMail({ from: c.email, to: "casework@casework.test", subject: `Many [Ref. ${c.reference}]`, text: "Lots", attachments: attachments(300) });
      const [row] = await inbound(`Many [Ref. ${c.reference}]`);
      expect(row).toMatchObject({ status: "joined", attachmentCount: 10 });
      expect(await db.prisma.concernAttachment.count({ where: { caseId: c.id } })).toBe(10);
      const event = await db.prisma.caseEvent.findFirstOrThrow({ where: { caseId: c.id, kind: "correspondence_in" } });
      expect((event.data as { refused: number }).refused).toBe(290);
      // Beyond what the MIME parser will split, the message is not read as a message at all:
      // staff see who sent it and what it claims to be about, and nothing is acknowledged.
      await transport.sendMail({ from: c.email, to: "casework@casework.test", subject: `Thousands [Ref. ${c.reference}]`, text: "Lots", attachments: attachments(1500) });
      const [flood] = await inbound(`Thousands [Ref. ${c.reference}]`);
      expect(flood).toMatchObject({ status: "triage", reason: "too_many_parts", claimedReference: c.reference, fromNormalised: c.email, acknowledgedAt: null, attachmentCount: 0 });
      expect(Date.now() - started).toBeLessThan(30_000);
    });

    it("survives malformed MIME and files that are not what they say", async () => {
      const c = await newCase();
      await transport.sendMail({
        envelope: { from: c.email, to: "casework@casework.test" },
        raw: `From: ${c.email}\r\nSubject: Broken [Ref. ${c.reference}]\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\nContent-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--never-closed\r\nContent-Type: application/pdf; name="evil.pdf"\r\nContent-Disposition: attachment; filename="../../evil.pdf"\r\n\r\n<html><script>alert(1)</script></html>\r\n`,
      });
      const [row] = await inbound(`Broken [Ref. ${c.reference}]`);
      expect(row!.status).toBe("joined");
      // The "PDF" was HTML: refused, never stored.
      expect(await db.prisma.concernAttachment.count({ where: { caseId: c.id } })).toBe(0);
      await transport.sendMail({ envelope: { from: "x@example.com", to: "casework@casework.test" }, raw: "\u0000\u0001garbage without headers\r\n\r\n\r\n" });
    });
  });

  describe("the IMAP poller", () => {
    let imap: FakeImap;
    beforeAll(async () => {
      imap = await startFakeImap({ user: "casework", pass: "s3cret" });
    });
    afterAll(async () => {
      await imap?.close();
    });

    it("takes unread messages over IMAP, marks them read, and reads each once", async () => {
      const c = await newCase();
      imap.add(`From: ${c.email}\nTo: casework@casework.test\nSubject: By IMAP [Ref. ${c.reference}]\nMessage-ID: <imap-1-${engine}@example.com>\nMIME-Version: 1.0\nContent-Type: text/plain\n\nSent to the mailbox.\n`);
      imap.add(`From: someone@example.com\nSubject: Too big ${engine}\nMessage-ID: <imap-2-${engine}@example.com>\n\n${"y".repeat(MAX + 100)}\n`);
      imap.add(`From: ${c.email}\nSubject: Auto [Ref. ${c.reference}]\nAuto-Submitted: auto-generated\nMessage-ID: <imap-3-${engine}@example.com>\n\nbeep\n`);
      const poller = createImapPoller({ ...deps, logger: silent }, { url: `imap://casework:s3cret@127.0.0.1:${imap.port}/INBOX`, pollMs: 60_000, maxBytes: MAX });
      expect(await poller.pollOnce()).toBe(3);
      expect(imap.messages.every((m) => m.seen)).toBe(true);
      expect((await inbound(`By IMAP [Ref. ${c.reference}]`))[0]).toMatchObject({ status: "joined", source: "imap", caseId: c.id });
      expect((await inbound(`Too big ${engine}`))[0]).toMatchObject({ status: "triage", reason: "too_large", text: "" });
      expect((await inbound(`Auto [Ref. ${c.reference}]`))[0]).toMatchObject({ status: "ignored", reason: "auto_submitted" });
      expect(await poller.pollOnce()).toBe(0);
      // A message seen again (marked unread by someone) is recognised by its Message-ID.
      imap.messages[0]!.seen = false;
      expect(await poller.pollOnce()).toBe(1);
      expect(await db.prisma.inboundMail.count({ where: { caseId: c.id } })).toBe(1);
      expect(imap.commands.some((cmd) => /UID SEARCH UNSEEN/.test(cmd))).toBe(true);
    });

    it("fails to log in with the wrong password and takes nothing", async () => {
      imap.add("From: a@example.com\nSubject: waiting\n\nx\n");
      const poller = createImapPoller({ ...deps, logger: silent }, { url: `imap://casework:wrong@127.0.0.1:${imap.port}/INBOX`, pollMs: 60_000, maxBytes: MAX });
      await expect(poller.pollOnce()).rejects.toThrow();
      expect(imap.messages.at(-1)!.seen).toBe(false);
    });
  });
});
