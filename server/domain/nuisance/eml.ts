// A saved email (.eml) sent with an email report: read with mailparser for its sender, date and
// subject. The file is evidence and is stored as bytes; it is never rendered as HTML anywhere.
import { simpleParser } from "mailparser";
import { EML_MAX_BYTES } from "./kinds.js";

export type EmlSummary = { from: string | null; date: Date | null; subject: string | null };
export type EmlResult = { ok: true; summary: EmlSummary } | { ok: false; error: "empty" | "too_large" | "malformed" };

export async function readEml(bytes: Uint8Array): Promise<EmlResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > EML_MAX_BYTES) return { ok: false, error: "too_large" };
  // A message starts with header lines ("Name: value"); anything else is not an email file.
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  if (!/^[\x21-\x39\x3b-\x7e]+:[^\r\n]*\r?\n/.test(head) || !/^(from|date|subject|received|return-path|message-id):/im.test(head)) {
    return { ok: false, error: "malformed" };
  }
  try {
    const mail = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 0 });
    const from = mail.from?.value?.[0]?.address ?? null;
    const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
    if (!from && !date && !mail.subject) return { ok: false, error: "malformed" };
    // A NUL (say, from an encoded word "=?utf-8?B?AA==?=") cannot be stored in PostgreSQL text and
    // is in no real sender or subject: such a file is not an email we can read (found by test/hostile/).
    if (`${from ?? ""}${mail.subject ?? ""}`.includes("\u0000")) return { ok: false, error: "malformed" };
    return { ok: true, summary: { from: from ? from.toLowerCase() : null, date, subject: mail.subject ? mail.subject.slice(0, 300) : null } };
  } catch {
    return { ok: false, error: "malformed" };
  }
}
