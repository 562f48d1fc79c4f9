// The contacts so far: change or remove any, then add another or go on.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { Radios } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { readForm, validate } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { AnotherSchema, BASE, MAX_CONTACTS, nuisanceAfter } from "~/lib/nuisance";
import { requirePage } from "~/lib/nuisance.server";
import { contactFrom, contactWhen } from "~/lib/nuisance-ui";
import { useLang, useLocalePath } from "~/lib/use-lang";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft } = await requirePage(request, context, "contacts");
  return { contacts: draft.contacts, full: draft.contacts.length >= MAX_CONTACTS, hasAbout: Boolean(draft.about && draft.you) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { draft, lang } = await requirePage(request, context, "contacts");
  const full = draft.contacts.length >= MAX_CONTACTS;
  const result = validate(form, AnotherSchema);
  if (!result.ok) return data(result, { status: 400 });
  if (result.value.another === "yes") {
    if (full) return data({ ok: false as const, errors: { another: "errors.another.full" }, values: {} }, { status: 400 });
    return redirect(localePath(`${BASE}/kind`, lang));
  }
  // The contacts list is where a change to the contacts from check answers comes back through:
  // with the rest answered, Continue goes back to check answers.
  return redirect(localePath(nuisanceAfter("contacts", draft, Boolean(draft.about && draft.you)), lang));
}

export default function Contacts() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const lang = useLang();
  const { contacts, full } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : {};
  const title = t("contacts.title", { count: contacts.length });
  return (
    <JourneyPage ns="nuisance"
      title={title}
      back={to(`${BASE}/kind`)}
      errors={errors}
      before={
        <>
          <h1 className="govuk-heading-l">{title}</h1>
          {contacts.map((c, i) => (
            <div key={c.id} className="govuk-summary-card" data-testid="contact-card">
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">{t("contacts.cardTitle", { n: i + 1, kind: t(`kind.${c.kind}`) })}</h2>
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link className="govuk-link" to={to(`${BASE}/contact/${c.id}`)}>
                      {t("common:actions.change")}
                      <span className="govuk-visually-hidden"> {t("contacts.cardTitle", { n: i + 1, kind: t(`kind.${c.kind}`) })}</span>
                    </Link>
                  </li>
                  <li className="govuk-summary-card__action">
                    <Link className="govuk-link" to={to(`${BASE}/contact/${c.id}/remove`)}>
                      {t("contacts.remove")}
                      <span className="govuk-visually-hidden"> {t("contacts.cardTitle", { n: i + 1, kind: t(`kind.${c.kind}`) })}</span>
                    </Link>
                  </li>
                </ul>
              </div>
              <div className="govuk-summary-card__content">
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("contacts.when")}</dt>
                    <dd className="govuk-summary-list__value">{contactWhen(c, t, lang)}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("contacts.from")}</dt>
                    <dd className="govuk-summary-list__value">{contactFrom(c, t)}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("contacts.topic")}</dt>
                    <dd className="govuk-summary-list__value">{t(`topic.${c.topic}`)}</dd>
                  </div>
                  {c.company ? (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">{t("contacts.company")}</dt>
                      <dd className="govuk-summary-list__value">{c.company}</dd>
                    </div>
                  ) : null}
                </dl>
              </div>
            </div>
          ))}
          {full ? <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">{t("warning")}</span>{t("contacts.full", { max: MAX_CONTACTS })}</strong></div> : null}
        </>
      }
    >
      <Radios
        name="another"
        legend={t("contacts.another")}
        legendSize="m"
        error={errors.another ? t(errors.another, { max: MAX_CONTACTS }) : undefined}
        hint={t("contacts.anotherHint", { max: MAX_CONTACTS })}
        small
        options={full ? [{ value: "no", label: t("contacts.anotherNo") }] : [
          { value: "yes", label: t("contacts.anotherYes") },
          { value: "no", label: t("contacts.anotherNo") },
        ]}
      />
    </JourneyPage>
  );
}
