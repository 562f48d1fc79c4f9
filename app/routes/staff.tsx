// Layout for every signed-in staff page: guard, staff translations, staff navigation.
import { useTranslation } from "react-i18next";
import { Form, NavLink, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Button, CsrfInput } from "~/components/form";
import { langFromPath } from "~/lib/lang";
import { browserResources } from "~/lib/locales.server";
import { requireStaff } from "~/lib/staff.server";
import { useExtraTranslations } from "~/lib/use-extra-translations";
import { useLocalePath } from "~/lib/use-lang";

// One line per staff area; each area's issue adds its own.
const STAFF_NAV = [
  { path: "/staff", label: "nav.dashboard" },
  { path: "/staff/cases", label: "nav.cases" },
  { path: "/staff/adjustments", label: "staff-adjustments:nav.adjustments" },
  { path: "/staff/offenders", label: "staff-nuisance:nav.offenders" },
  { path: "/staff/back-office", label: "staff-backoffice:nav.backOffice" },
  { path: "/staff/chat", label: "staff-chat:nav.chat" },
];

// Staff screens are enhanced with JavaScript (and the chat console needs it).
export const handle = { hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  return { staff: { name: staff.name, roles: staff.roles }, translations: browserResources(lang) };
}

export default function StaffLayout() {
  const { staff, translations } = useLoaderData<typeof loader>();
  useExtraTranslations(translations);
  const { t } = useTranslation("staff");
  const to = useLocalePath();
  const link = ({ isActive }: { isActive: boolean }) => `govuk-link govuk-link--no-visited-state${isActive ? " govuk-!-font-weight-bold" : ""}`;
  return (
    <>
      <nav aria-label={t("nav.label")} className="govuk-!-margin-bottom-6">
        <ul className="govuk-list govuk-!-display-inline-block govuk-!-margin-bottom-0">
          {STAFF_NAV.map((item) => (
            <li key={item.path} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <NavLink end={item.path === "/staff"} to={to(item.path)} className={link}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
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
