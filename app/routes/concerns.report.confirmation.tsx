// Report sent: the reference, and what happens next.
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { ConfirmationPanel } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate } from "~/lib/format";
import { langFromPath, localePath } from "~/lib/lang";
import { getSession } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const submitted = session.get("submitted")?.concerns;
  if (!submitted) throw redirect(localePath("/concerns", langFromPath(new URL(request.url).pathname)));
  const row = await context.services.prisma.case.findUnique({ where: { reference: submitted.reference }, select: { answerDueAt: true, late: true } });
  return { reference: submitted.reference, email: submitted.email ?? null, answerBy: row?.answerDueAt.toISOString() ?? null, late: row?.late ?? false };
}

export default function ReportConfirmation() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const { reference, email, answerBy, late } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("report.confirmation.title")} />
        <ConfirmationPanel title={t("report.confirmation.title")} referenceLabel={t("report.confirmation.referenceLabel")} reference={reference} />
        {email ? <p className="govuk-body">{t("report.confirmation.emailSent", { email })}</p> : null}
        <h2 className="govuk-heading-m">{t("report.confirmation.nextHeading")}</h2>
        {answerBy ? <p className="govuk-body">{t("report.confirmation.next", { date: formatDate(answerBy, lang) })}</p> : null}
        {late ? <p className="govuk-body">{t("report.confirmation.late")}</p> : null}
        <p className="govuk-body">{t("report.confirmation.quote")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/adjustments")}>
            {t("report.confirmation.adjustments")}
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/concerns")}>
            {t("report.confirmation.another")}
          </Link>
        </p>
      </div>
    </div>
  );
}
