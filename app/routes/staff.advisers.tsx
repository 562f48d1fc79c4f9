// Managers set which advisers take Welsh chats and how many chats each takes at once. A plain
// form post (works without JavaScript); each change is audited, and the chat server reads the
// values from StaffUser for the adviser's next assignment.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { CsrfInput, ErrorSummary } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { chatStaff, MAX_CHATS, MIN_CHATS, parseAdviserSettings, saveAdviserSettings } from "~/lib/chat-advisers.server";
import { SUPERVISOR_ROLES } from "~/lib/chat-staff.server";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";

// Managers and the Head of Customer Contact: the same people who supervise the chat.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  return { advisers: await chatStaff(context.services.prisma), limits: { min: MIN_CHATS, max: MAX_CHATS } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const form = await readForm(request, context);
  const parsed = parseAdviserSettings(form);
  if (!parsed.ok) {
    // Send back what was posted, so the page shows the person's choices with the error.
    const values: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "csrf") values[key] = value;
    return { invalid: parsed.invalid, values };
  }
  const changed = await saveAdviserSettings(context.services.prisma, staff.id, parsed.rows);
  return redirect(`${localePath("/staff/advisers", langFromPath(new URL(request.url).pathname))}?saved=${changed}`);
}

export default function AdviserSettings() {
  const { t } = useTranslation("staff-chat");
  const to = useLocalePath();
  const { advisers, limits } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const names = new Map(advisers.map((a) => [a.id, a.name]));
  const errors = (failed?.invalid ?? []).map((id) => ({ field: `capacity-${id}`, message: t("advisers.errors.capacity", { name: names.get(id) ?? "", ...limits }) }));
  const posted = failed?.values;
  const capacities = Array.from({ length: limits.max - limits.min + 1 }, (_, i) => limits.min + i);
  return (
    <>
      <PageTitle title={t("advisers.title")} error={errors.length > 0} />
      <Link to={to("/staff/chat")} className="govuk-back-link">
        {t("advisers.back")}
      </Link>
      <ErrorSummary errors={errors} />
      {saved !== null && errors.length === 0 ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="saved-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="saved-title">
              {t("advisers.savedTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading" data-testid="saved">
              {Number(saved) > 0 ? t("advisers.saved", { count: Number(saved) }) : t("advisers.savedNone")}
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("advisers.title")}</h1>
      <p className="govuk-body">{t("advisers.intro")}</p>
      <p className="govuk-body">{t("advisers.nextChat")}</p>
      {advisers.length === 0 ? (
        <p className="govuk-body">{t("advisers.none")}</p>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("advisers.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t("advisers.name")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("advisers.welsh")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("advisers.capacity")}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {advisers.map((a) => {
                const welsh = posted ? posted[`welsh-${a.id}`] === "yes" : a.speaksWelsh;
                const capacity = posted?.[`capacity-${a.id}`] ?? String(a.maxChats);
                const error = errors.find((e) => e.field === `capacity-${a.id}`);
                return (
                  <tr className="govuk-table__row" key={a.id}>
                    <th scope="row" className="govuk-table__header">
                      <input type="hidden" name="adviser" value={a.id} />
                      {a.name}
                    </th>
                    <td className="govuk-table__cell">
                      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                        <div className="govuk-checkboxes__item">
                          <input className="govuk-checkboxes__input" id={`welsh-${a.id}`} name={`welsh-${a.id}`} type="checkbox" value="yes" defaultChecked={welsh} />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={`welsh-${a.id}`}>
                            {t("advisers.welshLabel")}
                            <span className="govuk-visually-hidden"> ({a.name})</span>
                          </label>
                        </div>
                      </div>
                    </td>
                    <td className="govuk-table__cell">
                      <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? " govuk-form-group--error" : ""}`}>
                        <label className="govuk-label govuk-visually-hidden" htmlFor={`capacity-${a.id}`}>
                          {t("advisers.capacityLabel", { name: a.name })}
                        </label>
                        {error ? (
                          <p className="govuk-error-message" id={`capacity-${a.id}-error`}>
                            <span className="govuk-visually-hidden">{t("common:errorPrefix")}:</span> {error.message}
                          </p>
                        ) : null}
                        <select
                          className={`govuk-select${error ? " govuk-select--error" : ""}`}
                          id={`capacity-${a.id}`}
                          name={`capacity-${a.id}`}
                          defaultValue={capacities.includes(Number(capacity)) ? capacity : undefined}
                          aria-describedby={error ? `capacity-${a.id}-error` : undefined}
                        >
                          {capacities.map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("advisers.save")}
          </button>
        </Form>
      )}
    </>
  );
}
