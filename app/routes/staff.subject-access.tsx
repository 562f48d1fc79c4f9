// Subject access: a copy of everything the portal holds about one customer, as JSON.
import { useTranslation } from "react-i18next";
import { type LoaderFunctionArgs } from "react-router";
import { Button, CsrfInput, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { requireCapability } from "~/lib/permissions.server";
import { useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "subject_access.export");
  return null;
}

export default function SubjectAccess() {
  const { t } = useTranslation("staff-backoffice");
  const to = useLocalePath();
  return (
    <>
      <PageTitle title={t("sar.title")} />
      <h1 className="govuk-heading-l">{t("sar.title")}</h1>
      <p className="govuk-body">{t("sar.intro")}</p>
      {/* A plain form post: the answer is a file download, not a page. */}
      <form method="post" action={to("/staff/subject-access.json")}>
        <CsrfInput />
        <TextInput id="email" type="email" label={t("sar.email")} hint={t("sar.emailHint")} spellCheck={false} />
        <Button preventDoubleClick={false}>{t("sar.download")}</Button>
      </form>
    </>
  );
}
