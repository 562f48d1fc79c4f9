// A letter saved on a case's timeline, as a PDF to print (address block, date, reference, text,
// in the customer's agreed print size). Staff only; every print audited.
import { data, type LoaderFunctionArgs } from "react-router";
import { requireCapability } from "~/lib/permissions.server";
import { audit } from "../../server/audit";
import { letterFor } from "../../server/correspondence/compose";
import { ReferenceSchema } from "../../server/domain/cases/reference";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.read");
  const reference = ReferenceSchema.safeParse(params.reference ?? "");
  const id = params.id ?? "";
  if (!reference.success || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw data({ reason: "notFound" }, { status: 404 });
  const pdf = await letterFor(context.services.prisma, reference.data, id);
  if (!pdf) throw data({ reason: "notFound" }, { status: 404 });
  await audit(context.services.prisma, { actorId: staff.id, action: "case.letter_print", entityType: "CaseEvent", entityId: id, data: { reference: reference.data } });
  return new Response(Buffer.from(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${reference.data}-letter.pdf"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}
