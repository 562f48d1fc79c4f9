// Downloads the subject access copy for one email address (after the preview; audited).
import { data, type ActionFunctionArgs } from "react-router";
import { readForm, validate } from "~/lib/forms.server";
import { requireCapability } from "~/lib/permissions.server";
import { prepareSubjectAccess, SubjectAccessSchema } from "~/lib/subject-access.server";

export async function loader() {
  throw data({ reason: "notFound" }, { status: 404 });
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body, null, 2), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "subject_access.export");
  const form = await readForm(request, context);
  const parsed = validate(form, SubjectAccessSchema);
  if (!parsed.ok) return json({ error: "invalid_email" }, 400);
  const prepared = await prepareSubjectAccess(context, staff, parsed.value.email, "export");
  if (!prepared) return json({ error: "nothing_held" }, 404);
  return json(prepared.copy, 200, { "Content-Disposition": 'attachment; filename="subject-access.json"' });
}
