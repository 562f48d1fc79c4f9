// The person's details: optional, and only needed if they want a reply. An email address alone
// gets the acknowledgement. "Use the same details next time" keeps them on this device only.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Radios, SingleCheckbox, TextInput } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { readForm, validate } from "~/lib/forms.server";
import { BASE, nuisanceAfter, YourDetailsPage } from "~/lib/nuisance";
import { readRemembered, requirePage, saveAndGo } from "~/lib/nuisance.server";
import { useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft } = await requirePage(request, context, "your-details");
  const y = draft.you;
  if (y) return { values: { wantsReply: y.wantsReply ? "yes" : "no", name: y.name, email: y.email, phone: y.phone, remember: y.remember ? "yes" : "" }, remembered: false };
  const remembered = await readRemembered(request, context);
  return { values: remembered ? { ...remembered, remember: "yes" } : ({} as Record<string, string>), remembered: Boolean(remembered) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const result = validate(form, YourDetailsPage);
  if (!result.ok) return data(result, { status: 400 });
  const loaded = await requirePage(request, context, "your-details");
  const { idempotencyKey: _changed, ...rest } = loaded.draft;
  const draft = { ...rest, you: result.value };
  return saveAndGo(context, loaded, draft, nuisanceAfter("your-details", draft, loaded.changing));
}

export default function YourDetails() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const v: Record<string, string> = result && !result.ok ? result.values : loaded.values;
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <JourneyPage ns="nuisance" title={t("you.title")} back={to(`${BASE}/about-you`)} errors={errors}>
      <h1 className="govuk-heading-l">{t("you.title")}</h1>
      <p className="govuk-body">{t("you.intro")}</p>
      {loaded.remembered ? <p className="govuk-inset-text">{t("you.remembered")}</p> : null}
      <Radios
        name="wantsReply"
        legend={t("you.wantsReply")}
        hint={t("you.wantsReplyHint")}
        error={err("wantsReply")}
        value={v.wantsReply}
        options={[
          { value: "yes", label: t("answer.yes") },
          { value: "no", label: t("answer.no") },
        ]}
      />
      <TextInput id="name" label={t("you.name")} hint={t("you.nameHint")} optional autoComplete="name" spellCheck={false} error={err("name")} defaultValue={v.name ?? ""} />
      <TextInput id="email" type="email" label={t("you.email")} hint={t("you.emailHint")} optional autoComplete="email" spellCheck={false} error={err("email")} defaultValue={v.email ?? ""} />
      <TextInput id="phone" type="tel" label={t("you.phone")} optional autoComplete="tel" width="20" error={err("phone")} defaultValue={v.phone ?? ""} />
      <SingleCheckbox name="remember" legend={t("you.rememberLegend")} label={t("you.remember")} checked={v.remember === "yes"} />
    </JourneyPage>
  );
}
