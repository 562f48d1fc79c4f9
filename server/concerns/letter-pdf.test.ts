import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/support/pdf-text";
import type { Letter } from "../domain/concerns/letters.js";
import { letterPdf, wrapText } from "./letter-pdf";

const letter = (language: "en" | "cy", over: Partial<Letter> = {}): Letter => ({
  language,
  kind: "foi_internal_review",
  title: language === "cy" ? "Llythyr yn gofyn am adolygiad mewnol" : "Letter asking for an internal review",
  senderLines: ["[Your name]", "[Your address or email address]"],
  date: language === "cy" ? "25 Mawrth 2026" : "25 March 2026",
  recipient: "Cyngor Sir Ynys Môn",
  subject: language === "cy" ? "Cais am adolygiad mewnol" : "Request for an internal review",
  salutation: language === "cy" ? "Annwyl Syr neu Fadam," : "Dear Sir or Madam,",
  paragraphs: [language === "cy" ? "Gŵyr y sefydliad am hyn; ŷd, ŵyn, â, ê, î, ô, û." : "On 2 February 2026 I asked you for information."],
  closing: language === "cy" ? "Yn gywir," : "Yours faithfully,",
  signature: ["[Your name]"],
  ...over,
});

describe("letterPdf", () => {
  it("writes a PDF whose text has the organisation, and Welsh letters intact", async () => {
    const bytes = await letterPdf([letter("cy"), letter("en")], { title: "Letter", organisation: "Cyngor Sir Ynys Môn", createdAt: new Date("2026-03-25T10:00:00Z") });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const lines = await pdfText(bytes);
    expect(lines).toContain("Cyngor Sir Ynys Môn");
    expect(lines.join("\n")).toContain("Gŵyr y sefydliad am hyn; ŷd, ŵyn, â, ê, î, ô, û.");
    expect(lines).toContain("Annwyl Syr neu Fadam,");
    expect(lines).toContain("Dear Sir or Madam,");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2); // each language on its own page
    expect(doc.getTitle()).toBe("Letter – Cyngor Sir Ynys Môn");
  });

  it("draws script in a name as plain characters", async () => {
    const bytes = await letterPdf([letter("en", { recipient: "<script>alert(1)</script>" })], { title: "Letter", organisation: "x", createdAt: new Date() });
    expect(await pdfText(bytes)).toContain("<script>alert(1)</script>");
  });

  it("runs a long letter onto more pages", async () => {
    const long = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long letter that needs more than one page to print.`);
    const bytes = await letterPdf([letter("en", { paragraphs: long })], { title: "Letter", organisation: "x", createdAt: new Date() });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
    expect((await pdfText(bytes)).join(" ")).toContain("Paragraph 80 of a long letter");
  });
});

describe("wrapText", () => {
  const mono = { widthOfTextAtSize: (text: string) => text.length };
  it("breaks at spaces within the width", () => {
    expect(wrapText("one two three four", mono, 11, 9)).toEqual(["one two", "three", "four"]);
  });
  it("cuts a word too long for a line and keeps blank lines", () => {
    expect(wrapText("abcdefghijkl\n\nx", mono, 11, 5)).toEqual(["abcde", "fghij", "kl", "", "x"]);
  });
});
