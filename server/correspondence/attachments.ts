// Files that came with a message (email or the tracking page) are kept exactly like concern
// uploads: judged by content with the same checks, stored outside the web root under a random
// name, recorded as ConcernAttachment rows (journeyId "mail:<inbound id>") and only ever sent to
// signed-in staff as downloads, never rendered.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { attachmentEvent, uploadsDir } from "../concerns/uploads";
import type { TransactionClient } from "../db";
import { checkUpload, sanitiseFileName, UPLOAD_LIMITS, type UploadError } from "../domain/concerns/uploads.js";

/** At most this many files are kept from one message; the rest are counted as refused. */
export const MAIL_MAX_FILES = 10;

export type IncomingFile = { fileName: string; content: Uint8Array };
export type CheckedFile = { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; file: string };
export type RefusedFile = { fileName: string; error: UploadError | "too_many" };

export const mailJourneyId = (inboundId: string) => `mail:${inboundId}`;

/** Checks each file and writes the acceptable ones to disk (the caller records them in its transaction, or calls `discard`). */
export async function checkAndWrite(dataDir: string, files: readonly IncomingFile[]): Promise<{ kept: CheckedFile[]; refused: RefusedFile[]; discard(): Promise<void> }> {
  const kept: CheckedFile[] = [];
  const refused: RefusedFile[] = [];
  const dir = uploadsDir(dataDir);
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(f.fileName)?.[1]?.toLowerCase() ?? "bin";
    if (kept.length >= MAIL_MAX_FILES) {
      refused.push({ fileName: sanitiseFileName(f.fileName, extension), error: "too_many" });
      continue;
    }
    const bytes = f.content;
    const detected = bytes.byteLength > 0 && bytes.byteLength <= UPLOAD_LIMITS.maxFileBytes ? await fileTypeFromBuffer(bytes) : undefined;
    const check = checkUpload({ fileName: f.fileName, size: bytes.byteLength, detectedMediaType: detected?.mime, bytes });
    if (!check.ok) {
      refused.push({ fileName: sanitiseFileName(f.fileName, extension), error: check.error });
      continue;
    }
    const id = randomUUID();
    const file = path.join(dir, id);
    await writeFile(file, bytes, { mode: 0o600 });
    kept.push({ id, fileName: sanitiseFileName(f.fileName, check.extension), mediaType: check.mediaType, sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), file });
  }
  return { kept, refused, discard: async () => void (await Promise.all(kept.map((k) => rm(k.file, { force: true })))) };
}

/** Records the written files: attached to the case when there is one, kept (no expiry) for triage otherwise. */
export async function recordFiles(tx: TransactionClient, files: readonly CheckedFile[], inboundId: string, caseId: string | null, at: Date) {
  for (const f of files) {
    await tx.concernAttachment.create({
      data: { id: f.id, journeyId: mailJourneyId(inboundId), caseId, fileName: f.fileName, storedName: f.id, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256, createdAt: at, expiresAt: null },
    });
    await attachmentEvent(tx, "concern_attachment.uploaded", f.id, at, { journeyId: mailJourneyId(inboundId), caseId, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 });
  }
}
