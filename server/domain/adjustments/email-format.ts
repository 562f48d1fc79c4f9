// Emails in the customer's chosen format, where an email can carry it: large print (the size
// they chose), bold, double spacing, a background like the coloured paper they asked for, and
// one of the fonts we can name. Always with a plain-text part. Every piece of text is escaped.
import type { Need } from "./needs.js";

export type EmailStyle = {
  fontSizePt: number;
  bold: boolean;
  lineHeight: number;
  background: string | null;
  fontFamily: string;
};

/** Printed-paper colours as screen colours: pale tints with strong contrast for black text. */
export const PAPER_HEX: Record<string, string> = {
  cream: "#fff8dc",
  yellow: "#fff59d",
  blue: "#d6eaf8",
  pink: "#fde2e8",
  green: "#dff0d8",
  lilac: "#e8def8",
};

const FONT_STACKS: Record<string, string> = {
  arial: "Arial, Helvetica, sans-serif",
  verdana: "Verdana, Geneva, sans-serif",
  tahoma: "Tahoma, Verdana, sans-serif",
  century_gothic: "'Century Gothic', CenturyGothic, AppleGothic, sans-serif",
  comic_sans: "'Comic Sans MS', 'Comic Sans', cursive",
};
const DEFAULT_FONT = "Arial, Helvetica, sans-serif";
const BODY_PT = 12;

/** The needs an email can meet itself; the others (Braille, audio, easy read…) an officer arranges. */
export const EMAIL_FORMAT_NEEDS = ["large_print", "bold", "double_spacing", "coloured_paper", "font"] as const;

/** The style for these needs, or null when nothing about the format was asked for (plain text is enough). */
export function emailStyleFor(needs: readonly Need[]): EmailStyle | null {
  const find = (code: Need["code"]) => needs.find((n) => n.code === code);
  if (!needs.some((n) => (EMAIL_FORMAT_NEEDS as readonly string[]).includes(n.code))) return null;
  const large = find("large_print");
  const paper = find("coloured_paper");
  const font = find("font");
  return {
    fontSizePt: large ? Number(large.size ?? 16) : BODY_PT,
    bold: Boolean(find("bold")),
    lineHeight: find("double_spacing") ? 2 : 1.5,
    background: paper?.colour ? (PAPER_HEX[paper.colour] ?? null) : null,
    fontFamily: font?.font && FONT_STACKS[font.font] ? FONT_STACKS[font.font]! : DEFAULT_FONT,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type EmailBlock = { kind: "p"; text: string } | { kind: "h2"; text: string } | { kind: "ul"; items: string[] };

/** The plain-text part: blank lines between blocks, lists as "- " lines. */
export function renderText(blocks: readonly EmailBlock[]): string {
  return blocks
    .map((b) => (b.kind === "ul" ? b.items.map((i) => `- ${i}`).join("\n") : b.text))
    .join("\n\n");
}

/**
 * A self-contained HTML email. Styles are inline (email clients drop <style>),
 * sizes in points so a 24-point request is 24-point text, headings a little larger.
 */
export function renderHtml(blocks: readonly EmailBlock[], style: EmailStyle, lang: "en" | "cy", title: string): string {
  const weight = style.bold ? "bold" : "normal";
  const base = `font-family:${style.fontFamily};font-size:${style.fontSizePt}pt;line-height:${style.lineHeight};color:#0b0c0c;font-weight:${weight}`;
  const bg = style.background ? `background-color:${style.background};` : "";
  const body = blocks
    .map((b) => {
      if (b.kind === "h2") return `<h2 style="${base};font-size:${Math.round(style.fontSizePt * 1.25)}pt;font-weight:bold;margin:1em 0 0.5em">${escapeHtml(b.text)}</h2>`;
      if (b.kind === "ul") return `<ul style="${base};margin:0 0 1em;padding-left:1.5em">${b.items.map((i) => `<li style="${base}">${paragraphs(i)}</li>`).join("")}</ul>`;
      return `<p style="${base};margin:0 0 1em">${paragraphs(b.text)}</p>`;
    })
    .join("\n");
  return [
    "<!doctype html>",
    `<html lang="${lang === "cy" ? "cy" : "en-GB"}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;${bg}">`,
    `<div style="${bg}padding:16px;max-width:60em">`,
    body,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

// Line breaks in text (addresses, staff notes) survive as <br>; everything else is escaped text.
const paragraphs = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");
