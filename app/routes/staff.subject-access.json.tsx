// Downloads the subject access export for one email address (admins; audited).
import { data, type ActionFunctionArgs } from "react-router";
import { readForm } from "~/lib/forms.server";
import { requireCapability } from "~/lib/permissions.server";
import { z } from "zod";
import { audit } from "../../server/audit";
import { subjectAccessExport } from "../../server/retention/subject-access";

export async function loader() {
  throw data({ reason: "notFound" }, { status: 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "subject_access.export");
  const form = await readForm(request, context);
  const email = z.email().max(254).safeParse(String(form.get("email") ?? "").trim());
  if (!email.success) return new Response(JSON.stringify({ error: "invalid_email" }), { status: 400, headers: { "Content-Type": "application/json" } });
  const { prisma, now } = context.services;
  const exported = await subjectAccessExport(prisma, email.data, now());
  await audit(prisma, { actorId: staff.id, action: "subject_access.export", entityType: "Party", entityId: exported ? "found" : "none", data: { found: Boolean(exported) } });
  if (!exported) return new Response(JSON.stringify({ error: "nothing_held" }), { status: 404, headers: { "Content-Type": "application/json" } });
  return new Response(JSON.stringify(exported, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="subject-access.json"', "Cache-Control": "no-store" },
  });
}
