// The sensitive "what they find hard" text on its own address: for the Head of Customer Contact,
// managers and the officer dealing with the request; every view audited; anyone else gets 403.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { referenceParam, throwAdjustmentError } from "~/lib/adjustments-staff.server";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { requireCapability } from "~/lib/permissions.server";
import { useLocalePath } from "~/lib/use-lang";
import { readDifficulty } from "../../server/adjustments";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.read");
  const reference = referenceParam(params.reference);
  try {
    const { text } = await readDifficulty(adjustmentDeps(context), staff, reference);
    return { reference, text };
  } catch (error) {
    throwAdjustmentError(error);
  }
}

export default function Sensitive() {
  const { t } = useTranslation("staff-adjustments");
  const to = useLocalePath();
  const { reference, text } = useLoaderData<typeof loader>();
  const title = t("sensitive.title", { reference });
  return (
    <>
      <PageTitle title={title} />
      <Link to={to(`/staff/adjustments/${reference}`)} className="govuk-back-link">
        {t("common:actions.back")}
      </Link>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body-s">{t("sensitive.recorded")}</p>
      <div className="govuk-inset-text ds-pre-wrap" data-testid="difficulty-text">
        {text ?? t("sensitive.none")}
      </div>
    </>
  );
}
