// A saved email sent with a report, for staff only, as a download that never renders in our
// origin (a file to open in a mail program, not a page). Audited.
import { data, type LoaderFunctionArgs } from "react-router";
import { requireOffenderStaff } from "~/lib/nuisance-staff.server";
import { audit } from "../../server/audit";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireOffenderStaff(request, context);
  const id = params.id ?? "";
  if (!/^[0-9a-f-]{36}$/.test(id)) throw data({ reason: "notFound" }, { status: 404 });
  const eml = await context.services.prisma.nuisanceEml.findFirst({ where: { id, contact: { isNot: null } }, select: { id: true, fileName: true, base64: true } });
  if (!eml) throw data({ reason: "notFound" }, { status: 404 });
  await audit(context.services.prisma, { actorId: staff.id, action: "nuisance.eml.download", entityType: "NuisanceEml", entityId: eml.id });
  const bytes = Buffer.from(eml.base64, "base64");
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${eml.fileName.replace(/[^\w.-]/g, "_")}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
