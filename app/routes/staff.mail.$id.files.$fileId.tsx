// A file that came with a message, for signed-in staff only (also before the message joins a
// case), downloaded and never rendered; every download audited.
import { readFile } from "node:fs/promises";
import { data, type LoaderFunctionArgs } from "react-router";
import { requireCapability } from "~/lib/permissions.server";
import { audit } from "../../server/audit";
import { attachmentFile } from "../../server/concerns/uploads";
import { mailJourneyId } from "../../server/correspondence/attachments";
import { contentDisposition } from "../../server/domain/concerns";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "mail.triage");
  const { prisma, config } = context.services;
  const id = params.id ?? "";
  const fileId = params.fileId ?? "";
  if (!UUID.test(id) || !UUID.test(fileId)) throw data({ reason: "notFound" }, { status: 404 });
  const file = await prisma.concernAttachment.findFirst({ where: { id: fileId, journeyId: mailJourneyId(id) }, select: { id: true, fileName: true, mediaType: true, storedName: true } });
  if (!file) throw data({ reason: "notFound" }, { status: 404 });
  const bytes = await readFile(attachmentFile(config.dataDir, file.storedName)).catch(() => null);
  if (!bytes) throw data({ reason: "notFound" }, { status: 404 });
  await audit(prisma, { actorId: staff.id, action: "mail_attachment.download", entityType: "ConcernAttachment", entityId: file.id, data: { inboundId: id } });
  return new Response(bytes, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition(file.fileName),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
