import { describe, expect, it } from "vitest";
import { checkUpload, contentDisposition, extensionOf, isPlainText, looksLikeEmail, sanitiseFileName, UPLOAD_ACCEPT, UPLOAD_LIMITS } from "./uploads.js";

const text = (s: string) => new TextEncoder().encode(s);
const email = text("From: a@example.com\r\nTo: b@example.com\r\nSubject: Your request\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n\r\nHello");

describe("checkUpload: by content, and the name must agree", () => {
  it.each([
    ["letter.pdf", "application/pdf", text("%PDF-1.7"), { ok: true, kind: "pdf", extension: "pdf" }],
    ["photo.JPG", "image/jpeg", text("x"), { ok: true, kind: "jpeg", extension: "jpg" }],
    ["photo.jpeg", "image/jpeg", text("x"), { ok: true, kind: "jpeg", extension: "jpeg" }],
    ["scan.png", "image/png", text("x"), { ok: true, kind: "png" }],
    ["reply.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", text("x"), { ok: true, kind: "docx" }],
    ["notes.txt", undefined, text("Ysgrifennais atynt ar 3 Mawrth. ŵ ŷ"), { ok: true, kind: "txt", mediaType: "text/plain" }],
    ["message.eml", undefined, email, { ok: true, kind: "eml", mediaType: "message/rfc822" }],
    // disguised files
    ["letter.pdf", "image/png", text("x"), { ok: false, error: "name_mismatch" }],
    ["letter.pdf", "application/x-msdownload", text("MZ"), { ok: false, error: "wrong_type" }],
    ["letter.pdf", undefined, text("<html><script>alert(1)</script></html>"), { ok: false, error: "wrong_type" }],
    ["reply.docx", "application/zip", text("PK"), { ok: false, error: "wrong_type" }],
    ["notes.txt", undefined, new Uint8Array([0x4d, 0x5a, 0x00, 0x01]), { ok: false, error: "wrong_type" }],
    ["notes.txt", "application/pdf", text("%PDF"), { ok: false, error: "name_mismatch" }],
    ["message.eml", undefined, text("just some words"), { ok: false, error: "name_mismatch" }],
    ["page.html", undefined, text("<p>hi</p>"), { ok: false, error: "wrong_type" }],
    ["animation.gif", "image/gif", text("GIF89a"), { ok: false, error: "wrong_type" }],
    ["noextension", "application/pdf", text("%PDF"), { ok: false, error: "name_mismatch" }],
  ] as const)("%s (%s)", (fileName, detected, bytes, expected) => {
    expect(checkUpload({ fileName, size: bytes.length, detectedMediaType: detected, bytes })).toMatchObject(expected);
  });

  it("refuses empty files and files over 5 MB, and takes exactly 5 MB", () => {
    expect(checkUpload({ fileName: "a.txt", size: 0, detectedMediaType: undefined, bytes: new Uint8Array() })).toEqual({ ok: false, error: "empty" });
    expect(checkUpload({ fileName: "a.pdf", size: UPLOAD_LIMITS.maxFileBytes + 1, detectedMediaType: "application/pdf", bytes: text("%PDF") })).toEqual({ ok: false, error: "too_large" });
    expect(checkUpload({ fileName: "a.pdf", size: UPLOAD_LIMITS.maxFileBytes, detectedMediaType: "application/pdf", bytes: text("%PDF") }).ok).toBe(true);
  });

  it("knows text and email when it sees them", () => {
    expect(isPlainText(text("line one\r\nline two\ttab"))).toBe(true);
    expect(isPlainText(new Uint8Array([0xc3, 0x28]))).toBe(false); // not UTF-8
    expect(looksLikeEmail(email)).toBe(true);
    expect(looksLikeEmail(text("Subject: only one header\n\nbody"))).toBe(false);
  });

  it("limits the request to six files at their largest plus a margin", () => {
    expect(UPLOAD_LIMITS.maxRequestBytes).toBeGreaterThan(6 * UPLOAD_LIMITS.maxFileBytes);
    expect(UPLOAD_LIMITS.maxRequestBytes).toBeLessThan(6 * UPLOAD_LIMITS.maxFileBytes + 1024 * 1024);
    expect(UPLOAD_ACCEPT).toBe(".pdf,.jpg,.jpeg,.png,.docx,.txt,.eml");
  });
});

describe("sanitiseFileName", () => {
  it.each([
    ["letter.pdf", "pdf", "letter.pdf"],
    ["../../etc/passwd.txt", "txt", "passwd.txt"],
    ["C:\\Users\\me\\Llythyr at y Cyngor ŵ.pdf", "pdf", "Llythyr at y Cyngor ŵ.pdf"],
    ["<script>alert(1)</script>.txt", "txt", "script.txt"], // the slash is a folder separator
    ["<b>bold<b> & co?.pdf", "pdf", "b_bold_b co.pdf"],
    ["reply.JPEG", "jpeg", "reply.jpeg"],
    ["...", "pdf", "file.pdf"],
    ["name\u0000with\u0007control.pdf", "pdf", "name_with_control.pdf"],
    ["a".repeat(300) + ".pdf", "pdf", "a".repeat(96) + ".pdf"],
  ])("%s → %s", (original, extension, expected) => {
    expect(sanitiseFileName(original, extension)).toBe(expected);
  });

  it("reads the extension from the last dot only", () => {
    expect(extensionOf("archive.tar.PDF")).toBe("pdf");
    expect(extensionOf(".hidden")).toBe("");
  });

  it("writes a download header that keeps Welsh letters and cannot be broken out of", () => {
    expect(contentDisposition('Llythyr "ŵ".pdf')).toBe(`attachment; filename="Llythyr ___.pdf"; filename*=UTF-8''Llythyr%20%22%C5%B5%22.pdf`);
  });
});
