// Removal on request: the details are deleted and only a dated note is kept; the flag is cleared.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, DateInput, ErrorSummary } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { adjustmentForStaff, readDateBoxes, referenceParam, throwAdjustmentError, type DateBoxError } from "~/lib/adjustments-staff.server";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLocalePath } from "~/lib/use-lang";
import { londonDate } from "../../server/domain/cases/working-days";
import { removeRequest } from "../../server/adjustments";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const found = await adjustmentForStaff(context, staff, reference);
  if (!found.can.act) throw redirect(localePath(`/staff/adjustments/${reference}`, langFromPath(new URL(request.url).pathname)));
  return { reference };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  const { boxes: values, iso, error: date } = readDateBoxes(form, "requestedOn");
  const today = londonDate(context.services.now());
  if (iso === null) return data({ errors: { requestedOn: date.key } as Record<string, string>, values, date: date as DateBoxError | undefined }, { status: 400 });
  if (iso > today) return data({ errors: { requestedOn: "errors.requestedOn.future" } as Record<string, string>, values, date: undefined }, { status: 400 });
  try {
    await removeRequest(adjustmentDeps(context), staff, reference, { requestedOn: iso || today });
  } catch (error) {
    throwAdjustmentError(error);
  }
  return redirect(localePath(`/staff/adjustments/${reference}`, lang));
}

export default function Remove() {
  const { t } = useTranslation("staff-adjustments");
  const to = useLocalePath();
  const { reference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  // A date's link goes to its first wrong box (or its day box when the date itself is refused).
  const summary = Object.entries(errors).map(([field, key]) => ({ field: result?.date?.field ?? `${field}-day`, message: t(key) }));
  const title = t("remove.title", { reference });
  return (
    <>
      <PageTitle title={title} error={summary.length > 0} />
      <Link to={to(`/staff/adjustments/${reference}`)} className="govuk-back-link">
        {t("common:actions.back")}
      </Link>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{title}</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">{t("remove.intro")}</strong>
      </div>
      <Form method="post" noValidate>
        <CsrfInput />
        <DateInput
          name="requestedOn"
          legend={t("remove.requestedOn")}
          hint={t("remove.requestedOnHint")}
          error={errors.requestedOn ? t(errors.requestedOn) : undefined}
          errorParts={result?.date?.parts}
          value={result?.values ?? { day: "", month: "", year: "" }}
        />
        <Button warning>{t("remove.submit")}</Button>
      </Form>
    </>
  );
}
