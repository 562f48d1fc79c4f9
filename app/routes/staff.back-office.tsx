// The back-office tools, each shown to those holding its capability (server/auth/permissions.ts).
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { requireCapability } from "~/lib/permissions.server";
import { can, type Capability } from "../../server/auth/permissions";
import { useLocalePath } from "~/lib/use-lang";

const TOOLS = [
  { path: "/staff/reports/welsh", key: "welsh", capability: "reports.read" },
  { path: "/staff/dead-letters", key: "deadLetters", capability: "outbox.manage" },
  { path: "/staff/jobs", key: "jobs", capability: "jobs.read" },
  { path: "/staff/api-tokens", key: "tokens", capability: "api.tokens" },
  { path: "/staff/audit", key: "audit", capability: "audit.read" },
  { path: "/staff/retention", key: "retention", capability: "retention.manage" },
  { path: "/staff/subject-access", key: "sar", capability: "subject_access.export" },
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "staff.home");
  return { tools: TOOLS.filter((tool) => can(staff, tool.capability)).map(({ path, key }) => ({ path, key })) };
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
