// About the person: the Telephone (or Fax) Preference Service and since when, consent or being a
// customer, and whether they asked the caller to stop. These decide whether the law was broken.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { DateInput, Radios, submittedDate } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { readForm, validate } from "~/lib/forms.server";
import { aboutYouPage, BASE, nuisanceAfter } from "~/lib/nuisance";
import { requirePage, saveAndGo } from "~/lib/nuisance.server";
import { useLocalePath } from "~/lib/use-lang";
import { londonDate } from "../../server/domain/cases/working-days";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft } = await requirePage(request, context, "about-you");
  const a = draft.about;
  const [y, m, d] = a?.registeredOn?.split("-") ?? [];
  const values: Record<string, string> = a
    ? { tps: a.tps, consent: a.consent, askedToStop: a.askedToStop, "registered-day": d ? String(Number(d)) : "", "registered-month": m ? String(Number(m)) : "", "registered-year": y ?? "" }
    : {};
  const kinds = new Set(draft.contacts.map((c) => c.kind));
  return { values, service: kinds.has("fax") && !kinds.has("live_call") && !kinds.has("recorded_call") ? "fps" : kinds.has("fax") ? "both" : "tps" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, aboutYouPage(londonDate(context.services.now())));
  if (!result.ok) return data(result, { status: 400 });
  const loaded = await requirePage(request, context, "about-you");
  const { idempotencyKey: _changed, ...rest } = loaded.draft;
  const draft = { ...rest, about: result.value };
  return saveAndGo(context, loaded, draft, nuisanceAfter("about-you", draft, loaded.changing));
}

export default function AboutYou() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  const v: Record<string, string> = result && !result.ok ? result.values : loaded.values;
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <JourneyPage ns="nuisance" title={t("about.title")} back={to(`${BASE}/contacts`)} errors={errors} fieldErrors={fieldErrors}>
      <h1 className="govuk-heading-l">{t("about.title")}</h1>
      <Radios
        name="tps"
        legend={t(`about.tps.${loaded.service}`)}
        hint={t(`about.tpsHint.${loaded.service}`)}
        error={err("tps")}
        value={v.tps}
        options={[
          { value: "yes", label: t("answer.tpsYes") },
          { value: "no", label: t("answer.tpsNo") },
          { value: "not_sure", label: t("answer.notSure") },
        ]}
      />
      <DateInput
        name="registered"
        legend={`${t("about.registered")} (${t("common:optional")})`}
        hint={t("about.registeredHint")}
        error={err("registered")}
        errorParts={fieldErrors?.find((e) => e.field.startsWith("registered"))?.parts}
        value={submittedDate(v, "registered")}
      />
      <Radios
        name="consent"
        legend={t("about.consent")}
        hint={t("about.consentHint")}
        error={err("consent")}
        value={v.consent}
        options={[
          { value: "no", label: t("about.consentNo") },
          { value: "consented", label: t("about.consentGiven") },
          { value: "customer", label: t("about.consentCustomer") },
          { value: "not_sure", label: t("answer.notSure") },
        ]}
      />
      <Radios
        name="askedToStop"
        legend={t("about.askedToStop")}
        error={err("askedToStop")}
        value={v.askedToStop}
        options={[
          { value: "yes", label: t("answer.askedYes") },
          { value: "no", label: t("answer.askedNo") },
        ]}
      />
    </JourneyPage>
  );
}
