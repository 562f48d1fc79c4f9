// A ready letter as a PDF: A4, DejaVu Sans embedded (subset) so Welsh letters (ŵ, ŷ, â…) and
// any name the person typed render, one letter per page run, with the title and the
// organisation in the document's metadata.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Letter } from "../domain/concerns/letters.js";

const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

function loadFonts() {
  fonts ??= Promise.all([
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const SIZE = 11;
const LEADING = 15;
const PARAGRAPH_GAP = 8;

/** Splits text into lines that fit the width, breaking at spaces (or inside a word too long for a line). */
export function wrapText(text: string, font: { widthOfTextAtSize(text: string, size: number): number }, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single word wider than the line (a long email address): cut it.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export async function letterPdf(letters: Letter[], meta: { title: string; organisation: string; createdAt: Date }): Promise<Uint8Array> {
  const { regular, bold } = await loadFonts();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(regular, { subset: true });
  const boldFont = await pdf.embedFont(bold, { subset: true });
  pdf.setTitle(`${meta.title} – ${meta.organisation}`);
  pdf.setSubject(letters.map((l) => l.subject).join(" / "));
  pdf.setAuthor("Doorstep");
  pdf.setCreator("Doorstep");
  pdf.setProducer("Doorstep (pdf-lib)");
  pdf.setLanguage(letters[0]?.language === "cy" ? "cy" : "en-GB");
  pdf.setCreationDate(meta.createdAt);
  pdf.setModificationDate(meta.createdAt);
  const width = A4[0] - 2 * MARGIN;

  for (const letter of letters) {
    let page = pdf.addPage(A4);
    let y = A4[1] - MARGIN;
    const write = (text: string, options: { font?: PDFFont; align?: "left" | "right"; gapAfter?: number } = {}) => {
      const f = options.font ?? font;
      for (const line of wrapText(text, f, SIZE, width)) {
        if (y < MARGIN + LEADING) {
          page = pdf.addPage(A4);
          y = A4[1] - MARGIN;
        }
        const x = options.align === "right" ? A4[0] - MARGIN - f.widthOfTextAtSize(line, SIZE) : MARGIN;
        drawLine(page, line, x, y, f);
        y -= LEADING;
      }
      y -= options.gapAfter ?? 0;
    };
    for (const line of letter.senderLines) write(line, { align: "right" });
    y -= PARAGRAPH_GAP;
    write(letter.date, { align: "right", gapAfter: PARAGRAPH_GAP * 2 });
    write(letter.recipient, { gapAfter: PARAGRAPH_GAP * 2 });
    write(letter.salutation, { gapAfter: PARAGRAPH_GAP });
    write(letter.subject, { font: boldFont, gapAfter: PARAGRAPH_GAP });
    for (const paragraph of letter.paragraphs) write(paragraph, { gapAfter: PARAGRAPH_GAP });
    write(letter.closing, { gapAfter: LEADING * 2 });
    for (const line of letter.signature) write(line);
  }
  return pdf.save();
}

function drawLine(page: PDFPage, text: string, x: number, y: number, font: PDFFont) {
  page.drawText(text, { x, y, size: SIZE, font, color: rgb(0.04, 0.05, 0.05) });
}
