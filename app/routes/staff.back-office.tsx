// The back-office tools, each for the roles that may use it.
import { useTranslation } from "react-i18next";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { PageTitle } from "~/components/layout";
import { requireStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";

const TOOLS = [
  { path: "/staff/reports/welsh", key: "welsh", roles: ["manager", "head_of_customer_contact", "admin"] },
  { path: "/staff/dead-letters", key: "deadLetters", roles: ["manager", "head_of_customer_contact", "admin"] },
  { path: "/staff/jobs", key: "jobs", roles: ["manager", "admin"] },
  { path: "/staff/api-tokens", key: "tokens", roles: ["admin"] },
  { path: "/staff/audit", key: "audit", roles: ["admin"] },
  { path: "/staff/retention", key: "retention", roles: ["admin"] },
  { path: "/staff/subject-access", key: "sar", roles: ["admin"] },
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  return { tools: TOOLS.filter((tool) => tool.roles.some((r) => staff.roles.includes(r))).map(({ path, key }) => ({ path, key })) };
}

export default function BackOffice() {
  const { t } = useTranslation("staff-backoffice");
  const to = useLocalePath();
  const { tools } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("hub.title")} />
      <h1 className="govuk-heading-l">{t("hub.title")}</h1>
      {tools.length === 0 ? <p className="govuk-body">{t("hub.none")}</p> : null}
      <ul className="govuk-list govuk-list--spaced">
        {tools.map((tool) => (
          <li key={tool.key}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={to(tool.path)}>
              {t(`hub.${tool.key}`)}
            </Link>
            <br />
            <span className="govuk-body-s">{t(`hub.${tool.key}Hint`)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
