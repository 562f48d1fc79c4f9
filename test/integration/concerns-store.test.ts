// The concerns assistant's storage against real databases (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set): a report makes exactly one case with its type, queue, clocks,
// late attribute and attachments; bad files are refused and nothing is kept; saved drafts are
// single-use, stored hashed and deleted after 30 days or on submission.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "react-router";
import { loader as downloadAttachment } from "../../app/routes/staff.cases.$reference.attachments.$id";
import { createAppSessionStorage } from "../../server/auth/sessions";
import { findDraft, hashToken, purgeExpiredDrafts, resumeDraft, saveDraft } from "../../server/concerns/drafts";
import { submitConcern } from "../../server/concerns/submit";
import { journeyUploads, purgeExpiredUploads, receiveUploads, removeUpload, uploadsDir } from "../../server/concerns/uploads";
import { evaluate, UPLOAD_LIMITS, type Answers, type Report } from "../../server/domain/concerns";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const fixture = (name: string) => readFileSync(path.resolve("test/fixtures/concerns", name));
const NOW = new Date("2026-03-10T10:00:00Z"); // Tuesday
const TODAY = "2026-03-10";

async function pdfBytes(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return doc.save();
}

function uploadRequest(files: { name: string; bytes: Uint8Array; type?: string }[], fields: Record<string, string> = { csrf: "ok", intent: "upload" }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("files", new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? "application/octet-stream" }));
  return new Request("http://localhost/concerns/report/files", { method: "POST", body: form });
}

const sarAnswers: Answers = { topic: "personal", whatHappened: "sar", organisation: "Example Health Trust", location: "uk", sector: "health", raisedOn: "2026-02-03", extended: "no", lastContact: "2026-02-03" };
const report: Report = {
  description: "I asked for my records and heard nothing. <script>alert(1)</script>",
  timeline: [{ date: "2026-02-20", text: "I phoned and they said they would reply" }],
  timelineDone: true,
  wanted: "Send me my records",
  representative: "no",
  filesDone: true,
  name: "Sam Jones",
  email: "Sam.Jones@example.com",
  contactMethod: "email",
  language: "cy",
  adjustments: "yes",
  adjustmentsDetail: "Large print",
};

describe.each(ENGINES)("concerns storage on %s", (engine) => {
  let db: TestDatabase;
  let dataDir: string;
  const deps = () => ({ prisma: db.prisma, dataDir, now: () => NOW });
  const accept = (form: FormData) => form.get("csrf") === "ok";
  const filesOnDisk = () => (existsSync(uploadsDir(dataDir)) ? readdirSync(uploadsDir(dataDir)) : []);
  const incoming = () => (existsSync(path.join(dataDir, "concerns", "incoming")) ? readdirSync(path.join(dataDir, "concerns", "incoming")) : []);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dataDir = mkdtempSync(path.join(tmpdir(), "concerns-store-"));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("uploads", () => {
    it("keeps good files of every accepted kind, by content, outside the web root, with sanitised names", async () => {
      const journeyId = `j-kinds-${engine}`;
      const result = await receiveUploads(deps(), uploadRequest([
        { name: "../../Llythyr ŵ <1>.pdf", bytes: await pdfBytes("reply"), type: "application/pdf" },
        { name: "reply.docx", bytes: fixture("reply.docx") },
        { name: "scan.png", bytes: fixture("scan.png") },
        { name: "photo.jpg", bytes: fixture("photo.jpg") },
        { name: "message.eml", bytes: fixture("message.eml") },
        { name: "notes.txt", bytes: fixture("notes.txt") },
      ]), { journeyId, alreadyUploaded: 0, field: "files", accept });
      expect(result.ok).toBe(true);
      const stored = await journeyUploads(db.prisma, journeyId);
      expect(stored.map((s) => [s.fileName, s.mediaType]).sort()).toEqual([
        ["Llythyr ŵ 1.pdf", "application/pdf"],
        ["message.eml", "message/rfc822"],
        ["notes.txt", "text/plain"],
        ["photo.jpg", "image/jpeg"],
        ["reply.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["scan.png", "image/png"],
      ]);
      const rows = await db.prisma.concernAttachment.findMany({ where: { journeyId } });
      for (const row of rows) {
        expect(row.storedName).toMatch(/^[0-9a-f-]{36}$/);
        expect(existsSync(path.join(uploadsDir(dataDir), row.storedName))).toBe(true);
        expect(row.expiresAt!.getTime()).toBe(NOW.getTime() + 30 * 24 * 3600_000);
      }
      expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "concern_attachment", eventType: "concern_attachment.uploaded", aggregateId: { in: rows.map((r) => r.id) } } })).toBe(6);
      expect(incoming()).toEqual([]);
    });

    it.each([
      ["a program renamed .pdf", { name: "letter.pdf", bytes: fixture("program-renamed.pdf") }, "wrong_type"],
      ["a PNG called .pdf", { name: "letter.pdf", bytes: fixture("scan.png") }, "name_mismatch"],
      ["a web page called .txt's cousin .html", { name: "page.html", bytes: Buffer.from("<script>alert(1)</script>") }, "wrong_type"],
      ["an empty file", { name: "empty.pdf", bytes: new Uint8Array() }, "empty"],
    ])("refuses %s with a reason, and keeps nothing from the same upload", async (_label, bad, error) => {
      const journeyId = `j-bad-${engine}-${error}`;
      const before = filesOnDisk().length;
      const result = await receiveUploads(deps(), uploadRequest([{ name: "good.png", bytes: fixture("scan.png") }, bad]), { journeyId, alreadyUploaded: 0, field: "files", accept });
      expect(result).toMatchObject({ ok: false, reason: "rejected", rejected: [{ error }] });
      expect(await db.prisma.concernAttachment.count({ where: { journeyId } })).toBe(0);
      expect(filesOnDisk().length).toBe(before);
      expect(incoming()).toEqual([]);
    });

    it("refuses a file over 5 MB while reading it, and keeps nothing", async () => {
      const journeyId = `j-big-${engine}`;
      const before = filesOnDisk().length;
      const big = new Uint8Array(UPLOAD_LIMITS.maxFileBytes + 1);
      big.set(Buffer.from("%PDF-1.7\n"));
      const result = await receiveUploads(deps(), uploadRequest([{ name: "small.png", bytes: fixture("scan.png") }, { name: "big.pdf", bytes: big }]), { journeyId, alreadyUploaded: 0, field: "files", accept });
      expect(result).toMatchObject({ ok: false, reason: "too_large_any" });
      expect(await db.prisma.concernAttachment.count({ where: { journeyId } })).toBe(0);
      expect(filesOnDisk().length).toBe(before);
      expect(incoming()).toEqual([]);
    });

    it("takes no more than 6 files for a journey", async () => {
      const journeyId = `j-many-${engine}`;
      const four = Array.from({ length: 4 }, (_, i) => ({ name: `scan${i}.png`, bytes: fixture("scan.png") }));
      expect((await receiveUploads(deps(), uploadRequest(four), { journeyId, alreadyUploaded: 0, field: "files", accept })).ok).toBe(true);
      const three = four.slice(0, 3);
      expect(await receiveUploads(deps(), uploadRequest(three), { journeyId, alreadyUploaded: 4, field: "files", accept })).toMatchObject({ ok: false, reason: "too_many" });
      expect(await db.prisma.concernAttachment.count({ where: { journeyId } })).toBe(4);
    });

    it("keeps nothing when the form's CSRF check fails", async () => {
      const journeyId = `j-csrf-${engine}`;
      const result = await receiveUploads(deps(), uploadRequest([{ name: "scan.png", bytes: fixture("scan.png") }], { csrf: "wrong", intent: "upload" }), { journeyId, alreadyUploaded: 0, field: "files", accept });
      expect(result).toMatchObject({ ok: false, reason: "csrf" });
      expect(await db.prisma.concernAttachment.count({ where: { journeyId } })).toBe(0);
    });

    it("removes an upload, and deletes expired ones that were never sent", async () => {
      const journeyId = `j-remove-${engine}`;
      const result = await receiveUploads(deps(), uploadRequest([{ name: "a.png", bytes: fixture("scan.png") }, { name: "b.png", bytes: fixture("scan.png") }]), { journeyId, alreadyUploaded: 0, field: "files", accept });
      if (!result.ok) throw new Error("upload failed");
      expect(await removeUpload(deps(), "another-journey", result.stored[0]!.id)).toBeNull();
      expect((await removeUpload(deps(), journeyId, result.stored[0]!.id))?.fileName).toBe("a.png");
      expect(existsSync(path.join(uploadsDir(dataDir), result.stored[0]!.id))).toBe(false);
      const later = { ...deps(), now: () => new Date(NOW.getTime() + 31 * 24 * 3600_000) };
      await purgeExpiredUploads(later);
      expect(await db.prisma.concernAttachment.count({ where: { journeyId } })).toBe(0);
      expect(existsSync(path.join(uploadsDir(dataDir), result.stored[1]!.id))).toBe(false);
    });
  });

  describe("submitting a report", () => {
    it("creates exactly one RFA case in the sector's queue, with clocks, details, attachments, email; drafts deleted", async () => {
      const journeyId = `j-submit-${engine}`;
      await receiveUploads(deps(), uploadRequest([{ name: "request.pdf", bytes: await pdfBytes("my request") }, { name: "notes.txt", bytes: fixture("notes.txt") }]), { journeyId, alreadyUploaded: 0, field: "files", accept });
      const saved = await saveDraft(deps(), { data: { journeyId, answers: sarAnswers as Record<string, unknown>, report: {} }, language: "en" });
      const evaluation = evaluate(sarAnswers, TODAY);
      expect(evaluation.outcome?.kind).toBe("report");
      const input = {
        journeyId,
        answers: sarAnswers,
        report,
        evaluation,
        journeyLanguage: "en" as const,
        idempotencyKey: `key-${engine}-submit-0001`,
        email: (c: { reference: string }) => ({ to: report.email!, subject: `Ack [Ref. ${c.reference}]`, text: "x", language: "cy" as const, kind: "concern_acknowledgement" }),
      };
      const [first, second] = await Promise.all([submitConcern(deps(), input), submitConcern(deps(), input)]);
      expect(first.case.reference).toBe(second.case.reference);
      expect(await db.prisma.case.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);

      const row = await db.prisma.case.findUniqueOrThrow({ where: { reference: first.case.reference }, include: { concernAttachments: true, parties: { include: { party: true } } } });
      expect(row.reference).toMatch(/^RFA\d{7}$/);
      expect(row.type).toBe("RFA");
      expect(row.workQueue).toBe("12"); // data protection: health
      expect(row.language).toBe("cy"); // their preferred language
      expect(row.title).toMatch(/^Welsh language – Data protection concern – Example Health Trust$/);
      expect(row.late).toBe(false);
      expect(row.summary).toBe(report.description);
      // Tue 10 Mar 2026 + 3 working days = Fri 13 Mar; +14 and +30 calendar days.
      expect(row.queueDueAt.toISOString()).toBe("2026-03-13T23:59:59.999Z");
      expect(row.underWayDueAt.toISOString()).toBe("2026-03-24T23:59:59.999Z");
      expect(row.answerDueAt.toISOString()).toBe("2026-04-09T22:59:59.999Z");
      const details = row.details as Record<string, unknown>;
      expect(details).toMatchObject({ form: "concerns", caseType: "RFA", reason: "no_reply", answers: { whatHappened: "sar", sector: "health", raisedOn: "2026-02-03" }, adjustments: { needed: true, detail: "Large print" } });
      expect((details.attachments as unknown[]).length).toBe(2);
      expect(row.concernAttachments.map((a) => a.fileName).sort()).toEqual(["notes.txt", "request.pdf"]);
      expect(row.concernAttachments.every((a) => a.expiresAt === null)).toBe(true);
      expect(row.parties.map((p) => [p.role, p.party.name]).sort()).toEqual([["customer", "Sam Jones"], ["organisation", "Example Health Trust"]]);
      expect(await db.prisma.emailMessage.count({ where: { caseId: row.id, kind: "concern_acknowledgement" } })).toBe(1);
      expect(await db.prisma.outboxEvent.count({ where: { aggregateId: row.id, eventType: "case.created" } })).toBe(1);
      expect(await db.prisma.outboxEvent.count({ where: { eventType: "concern_attachment.attached", aggregateId: { in: row.concernAttachments.map((a) => a.id) } } })).toBe(2);
      // The saved copy is gone, and its link no longer works.
      expect(await db.prisma.concernDraft.count({ where: { journeyId } })).toBe(0);
      expect(await resumeDraft(deps(), saved.token)).toBeNull();
      // Attached files are no longer the journey's to remove or expire.
      expect(await journeyUploads(db.prisma, journeyId)).toEqual([]);
      await purgeExpiredUploads({ ...deps(), now: () => new Date(NOW.getTime() + 90 * 24 * 3600_000) });
      expect(await db.prisma.concernAttachment.count({ where: { caseId: row.id } })).toBe(2);
    });

    it.each([
      ["foi", { topic: "foi", organisation: "Cyngor Sir", sector: "local_government", raisedOn: "2025-09-01", replied: "yes", repliedOn: "2025-09-20", reviewRequested: "yes", reviewRequestedOn: "2025-10-01", reviewReplied: "yes", reviewRepliedOn: "2025-11-05", lastContact: "2025-11-05" }, "FS50", "18", true],
      ["eir", { topic: "eir", organisation: "Water Co", sector: "environment", raisedOn: "2026-01-05", replied: "no", lastContact: "2026-01-05" }, "FER", "16", false],
      ["credit", { topic: "credit", organisation: "Credit Checkers", location: "uk", raised: "yes", raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", lastContact: "2026-02-01" }, "SEC", "7", false],
    ] as const)("a %s report gets its own type and queue, and the late attribute when late", async (label, answers, type, queue, late) => {
      const evaluation = evaluate(answers as Answers, TODAY);
      const { case: created } = await submitConcern(deps(), {
        journeyId: `j-${label}-${engine}`,
        answers: answers as Answers,
        report: { ...report, lateReason: "I was unwell", lateDisability: "yes" },
        evaluation,
        journeyLanguage: "en",
        idempotencyKey: `key-${engine}-${label}-0001`,
      });
      const row = await db.prisma.case.findUniqueOrThrow({ where: { id: created.id } });
      expect([row.type, row.workQueue, row.late]).toEqual([type, queue, late]);
      expect((row.details as { lateReason: string | null }).lateReason).toBe(late ? "I was unwell" : null);
    });

    it("refuses a journey that does not end in a report", async () => {
      const answers: Answers = { topic: "marketing", channel: "email" };
      await expect(submitConcern(deps(), { journeyId: "x", answers, report, evaluation: evaluate(answers, TODAY), journeyLanguage: "en", idempotencyKey: `key-${engine}-nope-0001` })).rejects.toThrow();
      expect(await db.prisma.case.count({ where: { idempotencyKey: `key-${engine}-nope-0001` } })).toBe(0);
    });
  });

  describe("the staff download", () => {
    it("sends an attached file to signed-in staff only, and audits each download", async () => {
      const journeyId = `j-download-${engine}`;
      await receiveUploads(deps(), uploadRequest([{ name: "reply.docx", bytes: fixture("reply.docx") }]), { journeyId, alreadyUploaded: 0, field: "files", accept });
      const evaluation = evaluate(sarAnswers, TODAY);
      const { case: created } = await submitConcern(deps(), { journeyId, answers: sarAnswers, report, evaluation, journeyLanguage: "en", idempotencyKey: `key-${engine}-download-01` });
      const attachment = await db.prisma.concernAttachment.findFirstOrThrow({ where: { caseId: created.id } });
      const staff = await db.prisma.staffUser.create({ data: { email: `officer-${engine}@example.org`, name: "Olu Officer", passwordHash: "x", roles: ["case_officer"] } });
      const sessions = createAppSessionStorage({ prisma: db.prisma, secret: "s".repeat(32), secure: false });
      const session = await sessions.getSession();
      session.set("staffUserId", staff.id);
      const cookie = (await sessions.commitSession(session)).split(";")[0]!;
      const context = { services: { prisma: db.prisma, sessions, config: { dataDir }, now: () => NOW }, csrfToken: "", nonce: "", clientIp: "127.0.0.1" } as unknown as AppLoadContext;
      const url = `http://localhost/staff/cases/${created.reference}/attachments/${attachment.id}`;
      const call = (headers: Record<string, string>, params = { reference: created.reference, id: attachment.id }) =>
        downloadAttachment({ request: new Request(url, { headers }), context, params } as never).catch((thrown: unknown) => thrown as Response);

      const anonymous = (await call({})) as Response;
      expect(anonymous.status).toBe(302);
      expect(await db.prisma.auditEvent.count({ where: { entityId: attachment.id } })).toBe(0);

      const res = (await call({ cookie })) as Response;
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="reply.docx"; filename*=UTF-8''reply.docx`);
      expect(Buffer.from(await res.arrayBuffer()).equals(fixture("reply.docx"))).toBe(true);
      const audits = await db.prisma.auditEvent.findMany({ where: { entityId: attachment.id } });
      expect(audits.map((a) => [a.action, a.actorId])).toEqual([["concern_attachment.download", staff.id]]);

      // Another case's reference, or a file never sent with a report, is not found.
      const wrongCase = await call({ cookie }, { reference: "RFA0000001", id: attachment.id });
      expect((wrongCase as { init?: { status?: number } }).init?.status ?? (wrongCase as Response).status).toBe(404);
    });
  });

  describe("save and return", () => {
    it("stores only the token's hash, works once, and a newer save replaces the older link", async () => {
      const journeyId = `j-save-${engine}`;
      const first = await saveDraft(deps(), { data: { journeyId, answers: { topic: "foi" }, report: {} }, language: "cy" });
      const second = await saveDraft(deps(), { data: { journeyId, answers: { topic: "foi", organisation: "Cyngor" }, report: {} }, language: "cy" });
      const rows = await db.prisma.concernDraft.findMany({ where: { journeyId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toBe(hashToken(second.token));
      expect(JSON.stringify(rows[0])).not.toContain(second.token);
      expect(await findDraft(deps(), first.token)).toBeNull();
      expect(await findDraft(deps(), second.token)).toMatchObject({ language: "cy" });
      const [a, b] = await Promise.all([resumeDraft(deps(), second.token), resumeDraft(deps(), second.token)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect((a ?? b)!.answers).toEqual({ topic: "foi", organisation: "Cyngor" });
      expect(await resumeDraft(deps(), second.token)).toBeNull();
      expect(await db.prisma.outboxEvent.count({ where: { aggregateType: "concern_draft", eventType: "concern_draft.resumed", aggregateId: rows[0]!.id } })).toBe(1);
    });

    it("expires after 30 days and is then deleted", async () => {
      const journeyId = `j-expire-${engine}`;
      const saved = await saveDraft(deps(), { data: { journeyId, answers: { topic: "other" }, report: {} }, language: "en" });
      const day29 = { ...deps(), now: () => new Date(NOW.getTime() + 29 * 24 * 3600_000) };
      const day30 = { ...deps(), now: () => new Date(NOW.getTime() + 30 * 24 * 3600_000) };
      expect(await findDraft(day29, saved.token)).not.toBeNull();
      expect(await findDraft(day30, saved.token)).toBeNull();
      expect(await purgeExpiredDrafts(day30)).toBeGreaterThanOrEqual(1);
      expect(await db.prisma.concernDraft.count({ where: { journeyId } })).toBe(0);
    });

    it("ignores links that are not the right shape", async () => {
      expect(await findDraft(deps(), "../../etc")).toBeNull();
      expect(await resumeDraft(deps(), "")).toBeNull();
    });
  });
});
