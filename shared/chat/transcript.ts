// The transcript a customer downloads or is emailed: plain text, or HTML with every
// character of what people typed escaped (messages are text, never markup).
import type { ChatMessageView } from "./events.js";

export type TranscriptLabels = { title: string; you: string; adviser: string; system: string; date: (iso: string) => string };

export function transcriptText(messages: readonly ChatMessageView[], labels: TranscriptLabels): string {
  const lines = messages
    .filter((m) => m.kind !== "note")
    .map((m) => `[${labels.date(m.sentAt)}] ${who(m, labels)}: ${m.text}`);
  return [labels.title, "", ...lines, ""].join("\n");
}

export function transcriptHtml(messages: readonly ChatMessageView[], labels: TranscriptLabels, lang: "en" | "cy"): string {
  const items = messages
    .filter((m) => m.kind !== "note")
    .map((m) => `<li><p><strong>${escapeHtml(who(m, labels))}</strong> <time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(labels.date(m.sentAt))}</time></p><p>${escapeHtml(m.text).replace(/\n/g, "<br>")}</p></li>`)
    .join("\n");
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(labels.title)}</title></head><body><h1>${escapeHtml(labels.title)}</h1><ol>\n${items}\n</ol></body></html>\n`;
}

function who(m: ChatMessageView, labels: TranscriptLabels) {
  if (m.author === "customer") return labels.you;
  if (m.author === "adviser") return m.authorName ? `${labels.adviser} (${m.authorName})` : labels.adviser;
  return labels.system;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
