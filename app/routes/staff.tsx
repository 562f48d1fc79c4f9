// Layout for every signed-in staff page: guard and staff navigation (its texts come with the page's translations script, app/root.tsx).
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput } from "~/components/form";
import { requireCapability } from "~/lib/permissions.server";
import { can, type Capability } from "../../server/auth/permissions";
import { useLocalePath } from "~/lib/use-lang";

// One line per staff area; each area's issue adds its own. Each shows only to those holding its capability (server/auth/permissions.ts).
const STAFF_NAV: { path: string; label: string; capability: Capability }[] = [
  { path: "/staff", label: "nav.dashboard", capability: "staff.home" },
  { path: "/staff/cases", label: "nav.cases", capability: "case.read" },
  { path: "/staff/mail", label: "staff-correspondence:nav.mail", capability: "mail.triage" },
  { path: "/staff/adjustments", label: "staff-adjustments:nav.adjustments", capability: "adjustment.read" },
  { path: "/staff/offenders", label: "staff-nuisance:nav.offenders", capability: "nuisance.read" },
  { path: "/staff/back-office", label: "staff-backoffice:nav.backOffice", capability: "staff.home" },
  { path: "/staff/chat", label: "staff-chat:nav.chat", capability: "chat.answer" },
];

// Staff screens are enhanced with JavaScript (and the chat console needs it).
export const handle = { hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "staff.home");
  const nav = STAFF_NAV.filter((item) => can(staff, item.capability)).map(({ path, label }) => ({ path, label }));
  return { staff: { name: staff.name, roles: staff.roles }, nav };
}

export default function StaffLayout() {
  const { staff, nav } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const to = useLocalePath();
  const link = ({ isActive }: { isActive: boolean }) => `govuk-link govuk-link--no-visited-state${isActive ? " govuk-!-font-weight-bold" : ""}`;
  return (
    <>
      <nav aria-label={t("nav.label")} className="govuk-!-margin-bottom-6">
        <ul className="govuk-list govuk-!-display-inline-block govuk-!-margin-bottom-0">
          {nav.map((item) => (
            <li key={item.path} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <NavLink end={item.path === "/staff"} to={to(item.path)} className={link}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
        <Link className="govuk-link govuk-body-s govuk-!-margin-right-3" to={to("/staff/two-step")}>
          {t("staff-mfa:nav")}
        </Link>
        <Form method="post" action={to("/staff/sign-out")} className="govuk-!-display-inline-block">
          <CsrfInput />
          <span className="govuk-body-s govuk-!-margin-right-3">{t("nav.signedInAs", { name: staff.name })}</span>
          <Button preventDoubleClick={false} secondary>{t("common:actions.signOut")}</Button>
        </Form>
      </nav>
      <Outlet />
    </>
  );
}
