// Copies of correspondence attached to a report: the limits, which files are accepted
// (judged by their content, not their name) and the name we keep for them.

const MB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  maxFiles: 6,
  maxFileBytes: 5 * MB,
  /** The largest upload request the server reads: every file at its largest, plus the form's other fields. */
  maxRequestBytes: 6 * 5 * MB + 256 * 1024,
  fileNameMax: 100,
} as const;

export const UPLOAD_KINDS = ["pdf", "jpeg", "png", "docx", "txt", "eml"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export const UPLOAD_KIND_INFO: Record<UploadKind, { mediaType: string; extensions: readonly string[] }> = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"] },
  jpeg: { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  png: { mediaType: "image/png", extensions: ["png"] },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  txt: { mediaType: "text/plain", extensions: ["txt"] },
  eml: { mediaType: "message/rfc822", extensions: ["eml"] },
};

/** The `accept` attribute of the file input: a hint for the browser's picker, never trusted. */
export const UPLOAD_ACCEPT = UPLOAD_KINDS.flatMap((k) => UPLOAD_KIND_INFO[k].extensions.map((e) => `.${e}`)).join(",");

export type UploadError =
  /** No file chosen, or an empty one. */
  | "empty"
  | "too_large"
  /** The content is not one of the kinds we accept. */
  | "wrong_type"
  /** The content is an accepted kind but the name says another (a disguised file). */
  | "name_mismatch";

export type UploadCheck = { ok: true; kind: UploadKind; mediaType: string; extension: string } | { ok: false; error: UploadError };

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

const BINARY_KIND_BY_MEDIA_TYPE: Record<string, UploadKind> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

/** Text we accept: valid UTF-8 with no control characters other than tab, line breaks and form feed. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** An email message: header lines ("Name: value") at the start, with at least one of the usual ones. */
export function looksLikeEmail(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 16 * 1024));
  const headerBlock = head.split(/\r?\n\r?\n/)[0] ?? "";
  const lines = headerBlock.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines.length === 0 || !/^[A-Za-z0-9-]+:/.test(lines[0]!)) return false;
  const names = new Set(lines.filter((l) => /^[A-Za-z0-9-]+:/.test(l)).map((l) => l.slice(0, l.indexOf(":")).toLowerCase()));
  return ["from", "received", "message-id", "mime-version", "date", "subject"].filter((n) => names.has(n)).length >= 2;
}

/**
 * Decides what a file is from its content. `detectedMediaType` is what a content sniffer
 * (file-type) found from the magic numbers, or undefined when it found nothing (as for text).
 * The name must agree with the content: a PNG called "letter.pdf" is refused.
 */
export function checkUpload(input: { fileName: string; size: number; detectedMediaType: string | undefined; bytes: Uint8Array }): UploadCheck {
  if (input.size === 0) return { ok: false, error: "empty" };
  if (input.size > UPLOAD_LIMITS.maxFileBytes) return { ok: false, error: "too_large" };
  const extension = extensionOf(input.fileName);
  let kind: UploadKind | undefined;
  if (input.detectedMediaType) {
    kind = BINARY_KIND_BY_MEDIA_TYPE[input.detectedMediaType];
    if (!kind) return { ok: false, error: "wrong_type" };
  } else {
    if (!isPlainText(input.bytes)) return { ok: false, error: "wrong_type" };
    if (extension === "eml") {
      if (!looksLikeEmail(input.bytes)) return { ok: false, error: "name_mismatch" };
      kind = "eml";
    } else if (extension === "txt") {
      kind = "txt";
    } else {
      // Text under another name (.html, .js, .csv, none): not something we take.
      return { ok: false, error: "wrong_type" };
    }
  }
  const info = UPLOAD_KIND_INFO[kind];
  if (!info.extensions.includes(extension)) return { ok: false, error: "name_mismatch" };
  return { ok: true, kind, mediaType: info.mediaType, extension };
}

/**
 * The name we keep and show: no folders, no control or special characters (letters of any
 * language, digits, spaces, dots, dashes, underscores and brackets stay), at most 100
 * characters, always ending in the extension that matches the content.
 */
export function sanitiseFileName(original: string, extension: string): string {
  const base = (original.split(/[\\/]/).pop() ?? "").normalize("NFC");
  const dot = base.lastIndexOf(".");
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    .replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, "_")
    .replace(/[\s_]+/g, (m) => (m.includes(" ") ? " " : "_"))
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s._-]+|[\s._-]+$/g, "");
  const room = UPLOAD_LIMITS.fileNameMax - extension.length - 1;
  const kept = Array.from(stem).slice(0, room).join("").replace(/[\s._-]+$/g, "");
  return `${kept || "file"}.${extension}`;
}

/** A Content-Disposition header that any browser reads, for a name with any letters in it. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
