// The evidence for one offender as CSV: every contact, with its report, oldest last. Audited.
import { data, type LoaderFunctionArgs } from "react-router";
import { csvResponse, requireOffenderStaff } from "~/lib/nuisance-staff.server";
import { audit } from "../../server/audit";
import { DIMENSIONS, offenderContacts, type Dimension } from "../../server/domain/nuisance";

export const CONTACT_HEADER = ["report", "received_at", "kind", "occurred_at", "time_known", "from_status", "from_typed", "from_number", "from_unparsed", "sender_address", "to", "company", "topic", "tps_registered", "subject", "message", "description"];

export const contactRow = (c: Awaited<ReturnType<typeof offenderContacts>>[number]) => [
  c.reference,
  c.receivedAt,
  c.kind,
  c.occurredAt,
  c.timeKnown ? "yes" : "no",
  c.fromStatus,
  c.fromTyped,
  c.fromNumber,
  c.fromUnparsed ? "yes" : "no",
  c.senderAddress,
  c.toTyped,
  c.company,
  c.topic,
  c.tpsRegistered ? "yes" : "no",
  c.subject,
  c.message,
  c.description,
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireOffenderStaff(request, context);
  const dimension = params.dimension as Dimension;
  const key = params.key ?? "";
  if (!(DIMENSIONS as readonly string[]).includes(dimension) || !key || key.length > 320) throw data({ reason: "notFound" }, { status: 404 });
  const contacts = await offenderContacts(context.services.prisma, dimension, key, 50_000);
  if (contacts.length === 0) throw data({ reason: "notFound" }, { status: 404 });
  await audit(context.services.prisma, { actorId: staff.id, action: "nuisance.offender.export", entityType: "NuisanceOffender", entityId: `${dimension}:${key}`, data: { contacts: contacts.length } });
  return csvResponse(`offender-${dimension}-${key}.csv`, CONTACT_HEADER, contacts.map(contactRow));
}
