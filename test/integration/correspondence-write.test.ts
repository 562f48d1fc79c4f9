// Writing to the customer from a case: templates in the case's language (or both), and the
// customer's flags deciding the form: large print, phone instead of writing, restricted contact.
import { decodePDFRawStream, PDFDocument, PDFRawStream } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { letterFor, loadWriteContext, logCallTask, SendSchema, sendCorrespondence, templateText, WriteError } from "../../server/correspondence/compose";
import { createCase } from "../../server/domain/cases";
import { pdfText } from "../support/pdf-text";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

/** The font sizes a PDF's pages set (the Tf operator). */
async function fontSizes(bytes: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes);
  const sizes = new Set<number>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(obj).decode()).toString("latin1");
    for (const m of text.matchAll(/\/\S+ (\d+(?:\.\d+)?) Tf/g)) sizes.add(Number(m[1]));
  }
  return [...sizes];
}

describe.each(ENGINES)("writing to the customer on %s", (engine) => {
  let db: TestDatabase;
  let staff: { id: string; roles: string[] };
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const s = await db.prisma.staffUser.create({ data: { email: `w-${engine}@staff.test`, name: "Olwen Officer", passwordHash: "x", roles: ["case_officer"] } });
    staff = { id: s.id, roles: s.roles };
  });
  afterAll(async () => {
    await db?.close();
  });

  let n = 0;
  async function caseWith(opts: { language?: "en" | "cy"; email?: string | null; needs?: { code: string; size?: string }[]; restricted?: string; preferred?: "en" | "cy" }) {
    const email = opts.email === null ? null : (opts.email ?? `w${++n}-${engine}@example.com`);
    const { case: c } = await createCase({ prisma: db.prisma }, { type: "RFA", channel: "web_form", language: opts.language ?? "en", summary: "x", details: { postalAddress: "1 Stryd Fawr\nAberystwyth\nSY23 1AA" }, customer: { name: `Ceri ${n}`, email, preferredLanguage: opts.preferred } });
    const party = await db.prisma.caseParty.findFirstOrThrow({ where: { caseId: c.id, role: "customer" } });
    if (opts.needs) {
      await db.prisma.adjustmentRequest.create({
        data: { reference: `ADJ${String(1000 + n).padStart(7, "0")}`, status: "agreed", language: "en", correspondenceLanguage: "en", needs: opts.needs, agreedNeeds: opts.needs.map((x) => x.code), partyId: party.partyId, receivedAt: new Date(), decisionDueAt: new Date() },
      });
    }
    if (opts.restricted) await db.prisma.partyFlag.create({ data: { partyId: party.partyId, kind: "restricted_contact", summary: opts.restricted } });
    return c;
  }
  const send = (reference: string, input: Record<string, string>) => sendCorrespondence({ prisma: db.prisma }, staff.id, reference, SendSchema.parse(input));

  it("sends a Welsh request for more information with the large-print PDF at the agreed size", async () => {
    const c = await caseWith({ language: "cy", needs: [{ code: "large_print", size: "20" }] });
    const ctx = (await loadWriteContext(db.prisma, c.reference))!;
    expect(ctx.rules.largePrint).toBe(20);
    expect(ctx.defaultLanguages).toEqual(["cy"]);
    const draft = templateText("cy", "more_information", ctx, { officer: "Olwen Officer", now: new Date() });
    expect(draft.subject).toBe(`Mae angen mwy o wybodaeth arnom am eich achos [Ref. ${c.reference}]`);
    const sent = await send(c.reference, { template: "more_information", channel: "email", languages: "cy", subject_cy: draft.subject, body_cy: draft.body.replace("[Beth sydd ei angen arnom]", "Copi o’r llythyr") });
    const email = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: sent.channel === "email" ? sent.emailId : "" } });
    expect(email).toMatchObject({ language: "cy", kind: "case_more_information", caseId: c.id });
    expect(email.text).toContain("Copi o’r llythyr");
    const [pdf] = email.attachments as { fileName: string; contentType: string; base64: string }[];
    expect(pdf!.contentType).toBe("application/pdf");
    const bytes = Buffer.from(pdf!.base64, "base64");
    expect(await fontSizes(bytes)).toEqual([20]);
    expect((await pdfText(bytes)).join("\n")).toContain("Copi o’r llythyr");
    expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "correspondence_out" } })).toBe(1);
  });

  it("writes in both languages when the customer's language differs from the case's", async () => {
    const c = await caseWith({ language: "en", preferred: "cy" });
    const ctx = (await loadWriteContext(db.prisma, c.reference))!;
    expect(ctx.defaultLanguages).toEqual(["cy", "en"]);
    const cy = templateText("cy", "closing", ctx, { officer: "O", now: new Date() });
    const en = templateText("en", "closing", ctx, { officer: "O", now: new Date() });
    const sent = await send(c.reference, { template: "closing", channel: "email", languages: "both", subject_cy: cy.subject, body_cy: cy.body, subject_en: en.subject, body_en: en.body });
    const email = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: sent.channel === "email" ? sent.emailId : "" } });
    expect(email.subject).toBe(`${cy.subject} / ${en.subject}`);
    expect(email.text.indexOf("Rydym bellach wedi cau")).toBeLessThan(email.text.indexOf("We have now closed"));
    expect(email.attachments).toBeNull();
  });

  it("stops the officer when the customer asked for phone calls instead, and logs a call task", async () => {
    const c = await caseWith({ needs: [{ code: "phone_not_writing" }] });
    await expect(send(c.reference, { template: "acknowledgement", channel: "email", languages: "en", subject_en: "s", body_en: "b" })).rejects.toMatchObject({ code: "phone_instead" });
    expect(await db.prisma.emailMessage.count({ where: { caseId: c.id, kind: { startsWith: "case_" } } })).toBe(0);
    await logCallTask({ prisma: db.prisma }, staff, c.reference, "Ask for the letter they mentioned");
    expect(await db.prisma.caseCallback.count({ where: { caseId: c.id, doneAt: null } })).toBe(1);
    expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "call_task" } })).toBe(1);
  });

  it("allows only the channel a restricted-contact arrangement allows", async () => {
    const c = await caseWith({ restricted: "Letters only, to the postal address on file" });
    await expect(send(c.reference, { template: "acknowledgement", channel: "email", languages: "en", subject_en: "s", body_en: "b" })).rejects.toMatchObject({ code: "channel_not_allowed" });
    const sent = await send(c.reference, { template: "acknowledgement", channel: "letter", languages: "en", subject_en: "About your case", body_en: "Dear Ceri,\n\nWe have your case." });
    expect(sent.channel).toBe("letter");
    const pdf = await letterFor(db.prisma, c.reference, sent.channel === "letter" ? sent.eventId : "");
    const text = (await pdfText(pdf!)).join("\n");
    expect(text).toContain("Aberystwyth");
    expect(text).toContain("SY23 1AA");
    expect(text).toContain(`Our reference: ${c.reference}`);
    expect(await fontSizes(pdf!)).toEqual([12]);
  });

  it("prints a letter for someone without email, and refuses email to them", async () => {
    const c = await caseWith({ email: null });
    await expect(send(c.reference, { template: "acknowledgement", channel: "email", languages: "en", subject_en: "s", body_en: "b" })).rejects.toBeInstanceOf(WriteError);
    const sent = await send(c.reference, { template: "acknowledgement", channel: "letter", languages: "en", subject_en: "s", body_en: "b", address: "2 Heol y Bont\nBangor" });
    const text = (await pdfText((await letterFor(db.prisma, c.reference, sent.channel === "letter" ? sent.eventId : ""))!)).join("\n");
    expect(text).toContain("Heol y Bont");
  });
});
