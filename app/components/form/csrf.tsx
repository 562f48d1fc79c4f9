// The hidden fields every form sends: the CSRF token, when the form was issued, and a honeypot.
import { useTranslation } from "react-i18next";
import { useRouteLoaderData } from "react-router";

/** Must match FORM_TIME_FIELD in server/http/csrf.ts (components do not import server code). */
const FORM_TIME_FIELD = "formIssued";

/** The honeypot field's name: a field a form-filling script would expect to fill. */
export const HONEYPOT_FIELD = "website";

export function CsrfInput() {
  const root = useRouteLoaderData("root") as { csrfToken?: string; formIssued?: string; typedNotice?: string | null } | undefined;
  const { t } = useTranslation();
  return (
    <>
      {/* The page given back by the fill-time check (app/lib/forms.server.ts): say why, once. */}
      {root?.typedNotice === "formTooFast" ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} autoFocus>
          <div role="alert">
            <h2 className="govuk-error-summary__title">{t("common:formTooFast.title")}</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{t("common:formTooFast.body")}</p>
            </div>
          </div>
        </div>
      ) : null}
      <input type="hidden" name="csrf" value={root?.csrfToken ?? ""} />
      <input type="hidden" name={FORM_TIME_FIELD} value={root?.formIssued ?? ""} />
      {/* A honeypot (no CAPTCHA, GOV.UK's rule): hidden from people and assistive technology,
          filled in only by scripts that fill every field; app/lib/forms.server.ts refuses those posts. */}
      <div hidden>
        <label htmlFor="ds-website">Website</label>
        <input id="ds-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}
