// A concern's attachment, for signed-in staff only, and every download audited. Files live
// outside the web root and are never served any other way.
import { readFile } from "node:fs/promises";
import { data, type LoaderFunctionArgs } from "react-router";
import { requireCapability } from "~/lib/permissions.server";
import { audit } from "../../server/audit";
import { attachmentFile } from "../../server/concerns/uploads";
import { contentDisposition } from "../../server/domain/concerns";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.attachment.read");
  const { prisma, config } = context.services;
  const id = params.id ?? "";
  if (!/^[0-9a-f-]{36}$/.test(id)) throw data({ reason: "notFound" }, { status: 404 });
  const attachment = await prisma.concernAttachment.findFirst({
    where: { id, case: { reference: (params.reference ?? "").trim().toUpperCase() } },
    select: { id: true, caseId: true, fileName: true, mediaType: true, storedName: true },
  });
  if (!attachment?.caseId) throw data({ reason: "notFound" }, { status: 404 });
  const bytes = await readFile(attachmentFile(config.dataDir, attachment.storedName)).catch(() => null);
  if (!bytes) throw data({ reason: "notFound" }, { status: 404 });
  await audit(prisma, { actorId: staff.id, action: "concern_attachment.download", entityType: "ConcernAttachment", entityId: attachment.id, data: { caseId: attachment.caseId } });
  return new Response(bytes, {
    headers: {
      "Content-Type": attachment.mediaType,
      "Content-Disposition": contentDisposition(attachment.fileName),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      // Whatever is inside, it never runs in our origin.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
