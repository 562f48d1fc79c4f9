// Confirmation: the report's reference and the advice chosen by what was reported.
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { ConfirmationPanel } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { langFromPath, localePath } from "~/lib/lang";
import { BASE } from "~/lib/nuisance";
import { getSession } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const submitted = session.get("submitted")?.nuisance as { reference: string; email?: string; advice: string[]; count: number } | undefined;
  if (!submitted) throw redirect(localePath(BASE, langFromPath(new URL(request.url).pathname)));
  return submitted;
}

export default function Confirmation() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const { reference, email, advice, count } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("confirmation.title")} />
        <ConfirmationPanel title={t("confirmation.title")} referenceLabel={t("confirmation.referenceLabel")} reference={reference} />
        <p className="govuk-body">{t("confirmation.received", { count })}</p>
        {email ? <p className="govuk-body">{t("confirmation.emailSent", { email })}</p> : null}
        <h2 className="govuk-heading-m">{t("confirmation.whatHappensHeading")}</h2>
        <p className="govuk-body">{t("confirmation.whatHappens")}</p>
        {advice.length ? (
          <>
            <h2 className="govuk-heading-m">{t("confirmation.adviceHeading")}</h2>
            {advice.map((a) => (
              <div key={a} data-advice={a}>
                <h3 className="govuk-heading-s">{t(`advice.${a}.heading`)}</h3>
                <p className="govuk-body">{t(`advice.${a}.body`)}</p>
              </div>
            ))}
          </>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={to(`${BASE}/kind`)}>
            {t("confirmation.another")}
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/")}>
            {t("confirmation.home")}
          </Link>
        </p>
      </div>
    </div>
  );
}
