// A review of an ongoing adjustment: still right and still needed, with the next review date.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, DateInput, ErrorSummary } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { adjustmentForStaff, readDateBoxes, referenceParam, throwAdjustmentError } from "~/lib/adjustments-staff.server";
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
  const { boxes: values, iso, error: date } = readDateBoxes(form, "reviewOn");
  try {
    // An unreadable date still goes through the domain, so its checks (may this be reviewed?) come first.
    const result = await recordReview(adjustmentDeps(context), staff, reference, { reviewOn: iso ?? "invalid" });
    if (!result.ok) return data({ errors: { reviewOn: date?.key ?? `errors.reviewOn.${result.errors.reviewOn}` } as Record<string, string>, values, date }, { status: 400 });
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
  // A date's link goes to its first wrong box (or its day box when the date itself is refused).
  const summary = Object.entries(errors).map(([field, key]) => ({ field: result?.date?.field ?? `${field}-day`, message: t(key) }));
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
          errorParts={result?.date?.parts}
          value={result?.values ?? { day: "", month: "", year: "" }}
        />
        <Button>{t("review.submit")}</Button>
      </Form>
    </>
  );
}
