// Confirmation: the reference and the actual time the 48-hour decision is due.
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { ConfirmationPanel } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDue } from "~/lib/adjustments-labels";
import { langFromPath, localePath } from "~/lib/lang";
import { getSession } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const submitted = session.get("submitted")?.adjustments as { reference: string; email?: string; dueAt: string; replyBy: string; formatted: boolean } | undefined;
  if (!submitted) throw redirect(localePath("/adjustments", langFromPath(new URL(request.url).pathname)));
  return submitted;
}

export default function Confirmation() {
  const { t } = useTranslation("adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const { reference, email, dueAt, replyBy, formatted } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("confirmation.title")} />
        <ConfirmationPanel title={t("confirmation.title")} referenceLabel={t("confirmation.referenceLabel")} reference={reference} />
        <p className="govuk-body govuk-!-font-weight-bold" data-testid="due" data-due={dueAt}>
          {t("confirmation.due", { due: formatDue(dueAt, lang, t) })}
        </p>
        <p className="govuk-body">{t("confirmation.dueHow")}</p>
        {email ? <p className="govuk-body">{t(formatted ? "confirmation.emailFormatted" : "confirmation.emailSent", { email })}</p> : null}
        <h2 className="govuk-heading-m">{t("confirmation.nextHeading")}</h2>
        <p className="govuk-body">{t("confirmation.next", { how: t(`how.${replyBy}`) })}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/")}>
            {t("confirmation.home")}
          </Link>
        </p>
      </div>
    </div>
  );
}
