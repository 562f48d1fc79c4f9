import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { ConfirmationPanel } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { langFromPath, localePath } from "~/lib/lang";
import { getSession } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const submitted = session.get("submitted")?.contact;
  if (!submitted) throw redirect(localePath("/contact", langFromPath(new URL(request.url).pathname)));
  return submitted;
}

export default function ContactConfirmation() {
  const { t } = useTranslation("contact");
  const to = useLocalePath();
  const { reference, email } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("confirmation.title")} />
        <ConfirmationPanel title={t("confirmation.title")} referenceLabel={t("confirmation.referenceLabel")} reference={reference} />
        {email ? <p className="govuk-body">{t("confirmation.emailSent", { email })}</p> : null}
        <h2 className="govuk-heading-m">{t("confirmation.nextHeading")}</h2>
        <p className="govuk-body">{t("confirmation.next")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/adjustments")}>
            {t("confirmation.adjustments")}
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/contact")}>
            {t("confirmation.another")}
          </Link>
        </p>
      </div>
    </div>
  );
}
