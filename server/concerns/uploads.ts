// Copies of correspondence uploaded with a concern report: read from a multipart request with
// per-file, per-count and total limits enforced while the body streams in, judged by content
// (file-type), stored outside the web root under DATA_DIR/concerns/uploads with random names,
// and recorded as ConcernAttachment rows (with an outbox event) in one transaction.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MaxFileSizeExceededError, MaxFilesExceededError, MaxTotalSizeExceededError, parseFormData, type FileUpload } from "@remix-run/form-data-parser";
import { fileTypeFromBuffer } from "file-type";
import type { Prisma, TransactionClient } from "../db";
import { emit } from "../outbox/emit.js";
import { checkUpload, sanitiseFileName, UPLOAD_LIMITS, type UploadError } from "../domain/concerns/uploads.js";

export const ATTACHMENT_EVENT_SCHEMA_VERSION = 1;
/** Unattached uploads live as long as a saved draft can: 30 days. */
export const UPLOAD_RETENTION_MS = 30 * 24 * 3600_000;

export type UploadDeps = { prisma: Prisma; dataDir: string; now?: () => Date };

export const uploadsDir = (dataDir: string) => path.join(dataDir, "concerns", "uploads");
const incomingDir = (dataDir: string) => path.join(dataDir, "concerns", "incoming");

export type RejectedFile = { name: string; error: UploadError };
export type StoredUpload = { id: string; fileName: string; mediaType: string; sizeBytes: number };

export type ReceiveResult =
  | { ok: true; form: FormData; stored: StoredUpload[] }
  | { ok: false; form: FormData | null; reason: "rejected"; rejected: RejectedFile[] }
  | { ok: false; form: FormData | null; reason: "too_many" | "too_large_any" | "unreadable" | "csrf" | "quota" | "invalid" };

type Pending = { id: string; tmp: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string };

/**
 * Reads an upload form. Nothing is kept unless every file in it is acceptable and `accept`
 * (the CSRF check, run on the parsed fields) says yes: files go to a temporary folder first
 * and are moved into place with their rows in one transaction.
 */
export async function receiveUploads(
  deps: UploadDeps,
  request: Request,
  options: {
    journeyId: string;
    alreadyUploaded: number;
    field: string;
    accept: (form: FormData) => boolean;
    /** The day's upload limits (server/limits/public.ts): false keeps nothing. */
    allow?: (files: number, bytes: number) => Promise<boolean>;
    /** The rest of the form, checked before any file is kept: false keeps nothing ("invalid"). */
    valid?: (form: FormData) => boolean;
  },
): Promise<ReceiveResult> {
  const room = UPLOAD_LIMITS.maxFiles - options.alreadyUploaded;
  const pending: Pending[] = [];
  const rejected: RejectedFile[] = [];
  await mkdir(incomingDir(deps.dataDir), { recursive: true });

  const handler = async (file: FileUpload) => {
    if (file.fieldName !== options.field) return null;
    // A file input with nothing chosen still sends an empty, nameless part.
    if (file.name === "" && file.size === 0) return null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const detected = await fileTypeFromBuffer(bytes);
    const check = checkUpload({ fileName: file.name, size: bytes.byteLength, detectedMediaType: detected?.mime, bytes });
    const shownName = sanitiseFileName(file.name, check.ok ? check.extension : extensionOrBin(file.name));
    if (!check.ok) {
      rejected.push({ name: shownName, error: check.error });
      return null;
    }
    const id = randomUUID();
    const tmp = path.join(incomingDir(deps.dataDir), id);
    await writeFile(tmp, bytes, { mode: 0o600 });
    pending.push({ id, tmp, fileName: shownName, mediaType: check.mediaType, sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
    return id;
  };

  let form: FormData | null = null;
  const discard = () => Promise.all(pending.map((p) => rm(p.tmp, { force: true })));
  try {
    form = await parseFormData(
      request,
      {
        // One more than there is room for, so "too many" is told apart from a full list.
        maxFiles: Math.max(1, room) + 1,
        maxFileSize: UPLOAD_LIMITS.maxFileBytes,
        maxTotalSize: UPLOAD_LIMITS.maxRequestBytes,
        maxParts: 50,
      },
      handler,
    );
  } catch (error) {
    await discard();
    if (error instanceof MaxFilesExceededError) return { ok: false, form, reason: "too_many" };
    if (error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError) return { ok: false, form, reason: "too_large_any" };
    return { ok: false, form, reason: "unreadable" };
  }
  if (!options.accept(form)) {
    await discard();
    return { ok: false, form, reason: "csrf" };
  }
  // A NUL character cannot be stored in PostgreSQL text and no one types one: the whole post is
  // unreadable, and nothing of it is kept (found by test/hostile/; readForm does the same).
  for (const [, value] of form) {
    if (typeof value === "string" && value.includes("\u0000")) {
      await discard();
      return { ok: false, form, reason: "unreadable" };
    }
  }
  if (options.valid && !options.valid(form)) {
    await discard();
    return { ok: false, form, reason: "invalid" };
  }
  if (rejected.length > 0) {
    await discard();
    return { ok: false, form, reason: "rejected", rejected };
  }
  if (pending.length > room) {
    await discard();
    return { ok: false, form, reason: "too_many" };
  }
  if (pending.length === 0) return { ok: true, form, stored: [] };
  if (options.allow && !(await options.allow(pending.length, pending.reduce((sum, p) => sum + p.sizeBytes, 0)))) {
    await discard();
    return { ok: false, form, reason: "quota" };
  }

  const now = (deps.now ?? (() => new Date()))();
  const finalDir = uploadsDir(deps.dataDir);
  await mkdir(finalDir, { recursive: true });
  const moved: string[] = [];
  try {
    for (const p of pending) {
      const target = path.join(finalDir, p.id);
      await rename(p.tmp, target);
      moved.push(target);
    }
    await deps.prisma.$transaction(async (tx) => {
      for (const p of pending) {
        await tx.concernAttachment.create({
          data: {
            id: p.id,
            journeyId: options.journeyId,
            fileName: p.fileName,
            storedName: p.id,
            mediaType: p.mediaType,
            sizeBytes: p.sizeBytes,
            sha256: p.sha256,
            createdAt: now,
            expiresAt: new Date(now.getTime() + UPLOAD_RETENTION_MS),
          },
        });
        await attachmentEvent(tx, "concern_attachment.uploaded", p.id, now, { journeyId: options.journeyId, fileName: p.fileName, mediaType: p.mediaType, sizeBytes: p.sizeBytes, sha256: p.sha256 });
      }
    });
  } catch (error) {
    await Promise.all([...moved.map((f) => rm(f, { force: true })), discard()]);
    throw error;
  }
  return { ok: true, form, stored: pending.map(({ id, fileName, mediaType, sizeBytes }) => ({ id, fileName, mediaType, sizeBytes })) };
}

function extensionOrBin(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  return ext ?? "bin";
}

export async function attachmentEvent(tx: TransactionClient, eventType: "concern_attachment.uploaded" | "concern_attachment.attached" | "concern_attachment.deleted", id: string, at: Date, payload: Record<string, unknown>) {
  await emit(tx, { type: eventType, aggregateId: id, at, data: { id, ...payload } });
}

/** The files uploaded in a journey and not yet sent with a report, oldest first. */
export async function journeyUploads(prisma: Prisma, journeyId: string): Promise<StoredUpload[]> {
  if (!journeyId) return [];
  return prisma.concernAttachment.findMany({
    where: { journeyId, caseId: null },
    orderBy: [{ createdAt: "asc" }, { fileName: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, mediaType: true, sizeBytes: true },
  });
}

/** Removes one unattached upload of this journey (row, outbox event, file). */
export async function removeUpload(deps: UploadDeps, journeyId: string, id: string): Promise<StoredUpload | null> {
  // The id comes from a posted form: anything but a UUID names nothing (and would fail the uuid column as a 500).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const now = (deps.now ?? (() => new Date()))();
  const removed = await deps.prisma.$transaction(async (tx) => {
    const row = await tx.concernAttachment.findFirst({ where: { id, journeyId, caseId: null } });
    if (!row) return null;
    await tx.concernAttachment.delete({ where: { id: row.id } });
    await attachmentEvent(tx, "concern_attachment.deleted", row.id, now, { reason: "removed" });
    return row;
  });
  if (removed) await rm(path.join(uploadsDir(deps.dataDir), removed.storedName), { force: true });
  return removed ? { id: removed.id, fileName: removed.fileName, mediaType: removed.mediaType, sizeBytes: removed.sizeBytes } : null;
}

/** Forgets every unattached upload of a journey ("start again"). */
export async function discardUploads(deps: UploadDeps, journeyId: string): Promise<number> {
  const rows = await deps.prisma.concernAttachment.findMany({ where: { journeyId, caseId: null }, select: { id: true } });
  for (const row of rows) await removeUpload(deps, journeyId, row.id);
  return rows.length;
}

/** Keeps a journey's uploads as long as its saved draft. */
export async function extendUploads(tx: TransactionClient, journeyId: string, until: Date) {
  await tx.concernAttachment.updateMany({ where: { journeyId, caseId: null }, data: { expiresAt: until } });
}

/** Deletes uploads never sent with a report once they expire, with their files. */
export async function purgeExpiredUploads(deps: UploadDeps): Promise<number> {
  const now = (deps.now ?? (() => new Date()))();
  const rows = await deps.prisma.concernAttachment.findMany({ where: { caseId: null, expiresAt: { lt: now } }, select: { id: true, storedName: true }, take: 500 });
  for (const row of rows) {
    const deleted = await deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.concernAttachment.deleteMany({ where: { id: row.id, caseId: null } });
      if (count > 0) await attachmentEvent(tx, "concern_attachment.deleted", row.id, now, { reason: "expired" });
      return count > 0;
    });
    if (deleted) await rm(path.join(uploadsDir(deps.dataDir), row.storedName), { force: true });
  }
  return rows.length;
}

/** The path of an attachment's file, for the staff download. */
export function attachmentFile(dataDir: string, storedName: string): string {
  if (!/^[0-9a-f-]{36}$/.test(storedName)) throw new RangeError("bad stored name");
  return path.join(uploadsDir(dataDir), storedName);
}
