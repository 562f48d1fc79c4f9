// An appeal opens a service adjustment case conference: its date, who attends, and the Head of
// Customer Contact's decision (the decision stands, or changes and is decided again).
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, DateInput, ErrorSummary, IntentForm, isoToParts, Radios, SummaryList, Textarea } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { adjustmentForStaff, readDateBoxes, referenceParam, throwAdjustmentError } from "~/lib/adjustments-staff.server";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { formatDate, formatNumber } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { CONFERENCE_OUTCOMES, DECISION_TEXT_MAX, type ConferenceOutcome } from "../../server/domain/adjustments/decision";
import { openAppeal, updateConference } from "../../server/adjustments";

const ATTENDEES_MAX = 1000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const found = await adjustmentForStaff(context, staff, reference);
  if (!found.can.appeal && !found.can.conference) throw redirect(localePath(`/staff/adjustments/${reference}`, langFromPath(new URL(request.url).pathname)));
  return { found };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.decide");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  const deps = adjustmentDeps(context);
  const intent = String(form.get("intent") ?? "");
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const { boxes, iso: heldOn, error: date } = readDateBoxes(form, "heldOn");
  const values = {
    appeal: text("appeal"),
    attendees: text("attendees"),
    decision: text("decision"),
    outcome: text("outcome"),
    ...boxes,
  };
  const errors: Record<string, string> = {};
  try {
    if (intent === "appeal") {
      if (!values.appeal) errors.appeal = "errors.appeal.required";
      else if (values.appeal.length > DECISION_TEXT_MAX) errors.appeal = "errors.appeal.tooLong";
      if (Object.keys(errors).length) return data({ errors, values, date: undefined }, { status: 400 });
      await openAppeal(deps, staff, reference, { appeal: values.appeal });
      return redirect(localePath(`/staff/adjustments/${reference}/conference`, lang));
    }
    if (intent !== "save" && intent !== "decide") throw data({ reason: "badRequest" }, { status: 400 });
    if (date) errors.heldOn = date.key;
    if (values.attendees.length > ATTENDEES_MAX) errors.attendees = "errors.attendees.tooLong";
    if (intent === "decide") {
      if (!(CONFERENCE_OUTCOMES as readonly string[]).includes(values.outcome)) errors.outcome = "errors.conferenceOutcome.required";
      if (!values.decision) errors.decision = "errors.decision.required";
      else if (values.decision.length > DECISION_TEXT_MAX) errors.decision = "errors.decision.tooLong";
    }
    if (Object.keys(errors).length) return data({ errors, values, date: date ?? undefined }, { status: 400 });
    await updateConference(deps, staff, reference, {
      heldOn: heldOn || null,
      attendees: values.attendees || null,
      ...(intent === "decide" ? { outcome: values.outcome as ConferenceOutcome, decision: values.decision } : {}),
    });
  } catch (error) {
    throwAdjustmentError(error);
  }
  return redirect(localePath(`/staff/adjustments/${reference}${intent === "decide" ? "?saved=1" : "/conference"}`, lang));
}

export default function Conference() {
  const { t } = useTranslation("staff-adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const { found: a } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const v = result?.values;
  // The date's link goes to its first wrong box.
  const summary = Object.entries(errors).map(([field, key]) => ({ field: field === "heldOn" ? (result?.date?.field ?? "heldOn-day") : field, message: t(key) }));
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const open = a.conferences.find((c) => !c.decidedAt);
  const past = a.conferences.filter((c) => c.decidedAt);
  const limit = t("decide.textLimit", { limit: formatNumber(DECISION_TEXT_MAX, lang) });
  const title = t("conference.title", { reference: a.reference });
  return (
    <>
      <PageTitle title={title} error={summary.length > 0} />
      <Link to={to(`/staff/adjustments/${a.reference}`)} className="govuk-back-link">
        {t("common:actions.back")}
      </Link>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{title}</h1>
      {!open && a.can.appeal ? (
        <IntentForm intent="appeal" noValidate bare>
          <Textarea id="appeal" label={t("conference.appeal")} hint={t("conference.appealHint")} rows={5} error={err("appeal")} defaultValue={v?.appeal ?? ""} maxLength={DECISION_TEXT_MAX} limitText={limit} />
          <Button>{t("conference.open")}</Button>
        </IntentForm>
      ) : null}
      {open ? (
        <>
          <p className="govuk-body">{t("conference.openedOn", { date: formatDate(open.openedAt, lang) })}</p>
          <div className="govuk-inset-text ds-pre-wrap">{open.appeal}</div>
          <Form method="post" noValidate>
            <CsrfInput />
            <DateInput
              name="heldOn"
              legend={t("conference.heldOn")}
              error={err("heldOn")}
              errorParts={result?.date?.parts}
              value={v ? { day: v.day, month: v.month, year: v.year } : isoToParts(open.heldOn)}
            />
            <Textarea id="attendees" label={t("conference.attendees")} hint={t("conference.attendeesHint")} rows={3} error={err("attendees")} defaultValue={v?.attendees ?? open.attendees ?? ""} maxLength={ATTENDEES_MAX} limitText={t("decide.textLimit", { limit: formatNumber(ATTENDEES_MAX, lang) })} />
            <Button name="intent" value="save" secondary>
              {t("conference.save")}
            </Button>
            <h2 className="govuk-heading-m govuk-!-margin-top-6">{t("conference.decisionHeading")}</h2>
            {a.can.decideConference ? (
              <>
                <Radios
                  name="outcome"
                  legend={t("conference.outcome")}
                  legendSize="s"
                  error={err("outcome")}
                  value={v?.outcome ?? ""}
                  options={[
                    { value: "stands", label: t("conference.stands") },
                    { value: "changed", label: t("conference.changed") },
                  ]}
                />
                <Textarea id="decision" label={t("conference.decision")} rows={5} error={err("decision")} defaultValue={v?.decision ?? ""} maxLength={DECISION_TEXT_MAX} limitText={limit} />
                <Button name="intent" value="decide">
                  {t("conference.decide")}
                </Button>
              </>
            ) : (
              <p className="govuk-body">{t("conference.onlyHead")}</p>
            )}
          </Form>
        </>
      ) : null}
      {past.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t("conference.previous")}</h2>
          {past.map((c) => (
            <SummaryList
              key={c.id}
              preWrap
              rows={[
                { key: t("conference.appeal"), value: c.appeal },
                { key: t("conference.heldOn"), value: c.heldOn ? formatDate(`${c.heldOn}T12:00:00Z`, lang) : "–" },
                { key: t("conference.attendees"), value: c.attendees ?? "–" },
                {
                  key: t("conference.outcome"),
                  value: (
                    <>
                      {t("conference.decidedOn", { date: formatDate(c.decidedAt!, lang), outcome: t(`conference.${c.outcome}`) })} ({c.decidedBy}){"\n"}
                      {c.decision}
                    </>
                  ),
                },
              ]}
            />
          ))}
        </>
      ) : null}
    </>
  );
}
