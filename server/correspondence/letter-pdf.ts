// Our letters and large-print copies as PDF: A4, DejaVu Sans embedded (Welsh ŵ, ŷ and any name),
// the address block at the top for a window envelope when there is one, then the date, our
// reference and the text, at the point size asked for (12 normally, 16–28 for large print).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb } from "pdf-lib";
import { wrapText } from "../concerns/letter-pdf";

const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all([readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")), readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"))]).then(([regular, bold]) => ({ regular, bold })));

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;

export type LetterPart = { subject: string; body: string; dateLine: string; referenceLine: string };

export async function correspondencePdf(input: { title: string; size: number; address?: string[]; parts: LetterPart[] }): Promise<Uint8Array> {
  const { regular, bold } = await loadFonts();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(regular, { subset: true });
  const boldFont = await pdf.embedFont(bold, { subset: true });
  pdf.setTitle(input.title);
  pdf.setCreator("Doorstep");
  const size = input.size;
  const leading = Math.round(size * 1.4);
  const width = A4[0] - 2 * MARGIN;
  for (const part of input.parts) {
    let page = pdf.addPage(A4);
    let y = A4[1] - MARGIN;
    const line = (text: string, f = font) => {
      if (y < MARGIN + leading) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(text, { x: MARGIN, y: y - size, size, font: f, color: rgb(0, 0, 0) });
      y -= leading;
    };
    for (const a of input.address ?? []) for (const l of wrapText(a, font, size, width)) line(l);
    if (input.address?.length) y -= leading;
    line(part.dateLine);
    line(part.referenceLine);
    y -= leading;
    for (const l of wrapText(part.subject, boldFont, size, width)) line(l, boldFont);
    y -= leading / 2;
    for (const l of wrapText(part.body, font, size, width)) line(l);
  }
  return pdf.save();
}
