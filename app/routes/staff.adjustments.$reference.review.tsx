// A review of an ongoing adjustment: still right and still needed, with the next review date.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, DateInput, ErrorSummary } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { adjustmentForStaff, datePartsToIso, referenceParam, throwAdjustmentError } from "~/lib/adjustments-staff.server";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { formatDate } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { latestReviewDate } from "../../server/domain/adjustments/clocks";
import { recordReview } from "../../server/adjustments";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const found = await adjustmentForStaff(context, staff, reference);
  if (!found.can.review) throw redirect(localePath(`/staff/adjustments/${reference}`, langFromPath(new URL(request.url).pathname)));
  return { reference, reviewDueAt: found.reviewDueAt, latestReview: latestReviewDate(context.services.now()) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  const values = { day: String(form.get("reviewOn-day") ?? ""), month: String(form.get("reviewOn-month") ?? ""), year: String(form.get("reviewOn-year") ?? "") };
  const reviewOn = datePartsToIso(values.day, values.month, values.year);
  try {
    const result = await recordReview(adjustmentDeps(context), staff, reference, { reviewOn: reviewOn === null ? "invalid" : reviewOn });
    if (!result.ok) return data({ errors: { reviewOn: `errors.reviewOn.${result.errors.reviewOn}` } as Record<string, string>, values }, { status: 400 });
  } catch (error) {
    throwAdjustmentError(error);
  }
  return redirect(localePath(`/staff/adjustments/${reference}?saved=1`, lang));
}

export default function Review() {
  const { t } = useTranslation("staff-adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const { reference, latestReview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  const title = t("review.title", { reference });
  return (
    <>
      <PageTitle title={title} error={summary.length > 0} />
      <Link to={to(`/staff/adjustments/${reference}`)} className="govuk-back-link">
        {t("common:actions.back")}
      </Link>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{t("review.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <DateInput
          name="reviewOn"
          legend={t("review.nextReview")}
          hint={t("decide.reviewHint", { date: formatDate(`${latestReview}T12:00:00Z`, lang) })}
          error={errors.reviewOn ? t(errors.reviewOn) : undefined}
          value={result?.values ?? { day: "", month: "", year: "" }}
        />
        <Button>{t("review.submit")}</Button>
      </Form>
    </>
  );
}
