// Reads the text back out of a PDF that pdf-lib wrote with embedded (subset) fonts: each
// page's content stream shows glyph ids in hex, and each font's ToUnicode map turns them back
// into characters. Enough for tests to check what a generated letter says.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from "pdf-lib";

function streamText(stream: PDFObject | undefined): string {
  if (!(stream instanceof PDFRawStream)) return "";
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexToText = (hex: string) => {
    let out = "";
    for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(from!.toUpperCase(), hexToText(to!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, start, end, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const a = parseInt(start!, 16);
      const b = parseInt(end!, 16);
      const base = parseInt(to!, 16);
      for (let code = a; code <= b; code++) map.set(code.toString(16).toUpperCase().padStart(start!.length, "0"), String.fromCodePoint(base + code - a));
    }
  }
  return map;
}

/** The text of every page, one string per line drawn. */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of pdf.getPages()) {
    const resources = page.node.Resources();
    const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
    const maps = new Map<string, Map<string, string>>();
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = pdf.context.lookup(ref as PDFRef, PDFDict);
      maps.set(name.asString(), parseToUnicode(streamText(pdf.context.lookup(font.get(PDFName.of("ToUnicode")) as PDFRef))));
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
    let current: Map<string, string> | undefined;
    for (const stream of streams) {
      const text = streamText(stream as PDFObject);
      for (const match of text.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (match[1]) current = maps.get(match[1]);
        else if (match[2] !== undefined && current) {
          let line = "";
          for (let i = 0; i < match[2].length; i += 4) line += current.get(match[2].slice(i, i + 4).toUpperCase()) ?? "\uFFFD";
          lines.push(line);
        }
      }
    }
  }
  return lines;
}
