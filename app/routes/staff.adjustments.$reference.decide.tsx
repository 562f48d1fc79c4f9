// Decide a request: agree all, agree some (with what we do instead) or decline (with reasons
// and what we can do). Every field is on the page, so it works without JavaScript.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, Checkboxes, CsrfInput, DateInput, ErrorSummary, isoToParts, Radios, Textarea } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { describeNeed } from "~/lib/adjustments-labels";
import { adjustmentForStaff, readDateBoxes, referenceParam, throwAdjustmentError } from "~/lib/adjustments-staff.server";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { formatDate, formatNumber } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { latestReviewDate } from "../../server/domain/adjustments/clocks";
import { DECISION_OUTCOMES, DECISION_TEXT_MAX, type DecisionOutcome } from "../../server/domain/adjustments/decision";
import { decideRequest } from "../../server/adjustments";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const found = await adjustmentForStaff(context, staff, reference);
  if (!found.can.decide) throw redirect(localePath(`/staff/adjustments/${reference}`, langFromPath(new URL(request.url).pathname)));
  return { found, latestReview: latestReviewDate(context.services.now()) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  const outcome = String(form.get("outcome") ?? "");
  const { boxes, iso: reviewOn, error: date } = readDateBoxes(form, "reviewOn");
  const values = {
    outcome,
    agreed: form.getAll("agreed").map(String),
    instead: String(form.get("instead") ?? ""),
    reasons: String(form.get("reasons") ?? ""),
    alternatives: String(form.get("alternatives") ?? ""),
    ...boxes,
  };
  if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) return data({ errors: { outcome: "errors.outcome.required" } as Record<string, string>, values, date: undefined }, { status: 400 });
  try {
    const result = await decideRequest(
      adjustmentDeps(context),
      staff,
      reference,
      { outcome: outcome as DecisionOutcome, agreed: values.agreed, instead: values.instead, reasons: values.reasons, alternatives: values.alternatives, reviewOn: reviewOn ?? "invalid" },
      lang,
    );
    if (!result.ok) {
      // The domain says whether the review date matters (not for a decline); when it does and the
      // boxes could not be read, the message is the one naming the wrong box.
      const errors = Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, field === "reviewOn" && date ? date.key : `errors.${field}.${code}`]));
      return data({ errors, values, date: errors.reviewOn ? (date ?? undefined) : undefined }, { status: 400 });
    }
  } catch (error) {
    throwAdjustmentError(error);
  }
  context.services.mailWorker.kick();
  return redirect(localePath(`/staff/adjustments/${reference}?saved=1`, lang));
}

export default function Decide() {
  const { t } = useTranslation("staff-adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const { found: a, latestReview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const v = result?.values;
  // The review date's link goes to its first wrong box (or its day box when the date itself is refused).
  const summary = Object.entries(errors).map(([field, key]) => ({ field: field === "reviewOn" ? (result?.date?.field ?? "reviewOn-day") : field, message: t(key) }));
  const label = (code: string) => (code === "other" ? `${t("adjustments:need.other")}: ${a.otherNeed ?? ""}` : describeNeed(a.needs.find((n) => n.code === code)!, t));
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const limit = t("decide.textLimit", { limit: formatNumber(DECISION_TEXT_MAX, lang) });
  const title = t("decide.title", { reference: a.reference });
  return (
    <>
      <PageTitle title={title} error={summary.length > 0} />
      <Link to={to(`/staff/adjustments/${a.reference}`)} className="govuk-back-link">
        {t("common:actions.back")}
      </Link>
      <ErrorSummary errors={summary} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{title}</h1>
          <h2 className="govuk-heading-m">{t("decide.asked")}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {a.agreeable.map((c) => (
              <li key={c}>{label(c)}</li>
            ))}
          </ul>
          <Form method="post" noValidate>
            <CsrfInput />
            <Radios
              name="outcome"
              legend={t("decide.outcome")}
              error={err("outcome")}
              value={v?.outcome ?? ""}
              options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`decide.${o}`) }))}
            />
            <h2 className="govuk-heading-m">{t("decide.someHeading")}</h2>
            <Checkboxes name="agreed" legend={t("decide.agreed")} legendSize="s" small error={err("agreed")} values={v?.agreed ?? []} options={a.agreeable.map((c) => ({ value: c, label: label(c) }))} />
            <Textarea id="instead" label={t("decide.instead")} rows={4} error={err("instead")} defaultValue={v?.instead ?? ""} maxLength={DECISION_TEXT_MAX} limitText={limit} />
            <h2 className="govuk-heading-m">{t("decide.declineHeading")}</h2>
            <Textarea id="reasons" label={t("decide.reasons")} rows={4} error={err("reasons")} defaultValue={v?.reasons ?? ""} maxLength={DECISION_TEXT_MAX} limitText={limit} />
            <Textarea id="alternatives" label={t("decide.alternatives")} rows={4} error={err("alternatives")} defaultValue={v?.alternatives ?? ""} maxLength={DECISION_TEXT_MAX} limitText={limit} />
            <p className="govuk-inset-text">{t("decide.complainNote")}</p>
            <h2 className="govuk-heading-m">{t("decide.reviewHeading")}</h2>
            {a.duration === "ongoing" ? (
              <DateInput
                name="reviewOn"
                legend={t("review.nextReview")}
                hint={t("decide.reviewHint", { date: formatDate(`${latestReview}T12:00:00Z`, lang) })}
                error={err("reviewOn")}
                errorParts={result?.date?.parts}
                value={v ? { day: v.day, month: v.month, year: v.year } : isoToParts(null)}
              />
            ) : (
              <p className="govuk-body">{t("decide.oneOffNote")}</p>
            )}
            <p className="govuk-body">{t("decide.tellBy", { how: a.replyBy ? t(`adjustments:how.${a.replyBy}`) : "" })}</p>
            <Button>{t("decide.submit")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
