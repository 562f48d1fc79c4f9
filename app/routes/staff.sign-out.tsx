import { redirect, type ActionFunctionArgs } from "react-router";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { getSession } from "~/lib/session.server";
import { getStaff } from "~/lib/staff.server";
import { audit } from "../../server/audit";

export async function loader({ request }: ActionFunctionArgs) {
  return redirect(localePath("/staff", langFromPath(new URL(request.url).pathname)));
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request.clone(), context);
  const staff = await getStaff(request, context);
  const session = await getSession(request, context);
  if (staff) await audit(context.services.prisma, { actorId: staff.id, action: "staff.sign_out", entityType: "StaffUser", entityId: staff.id });
  const lang = langFromPath(new URL(request.url).pathname);
  return redirect(`${localePath("/staff/sign-in", lang)}?signedOut=1`, {
    headers: { "Set-Cookie": await context.services.sessions.destroySession(session) },
  });
}
