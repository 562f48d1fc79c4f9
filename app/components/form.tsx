// GOV.UK form patterns: error summary, inputs with hints and inline errors, CSRF field.
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRouteLoaderData } from "react-router";
import { typedValue, useTyped } from "./form/typed";

export type FieldError = { field: string; message: string };

export function CsrfInput() {
  const root = useRouteLoaderData("root") as { csrfToken?: string; formIssued?: string; typedNotice?: string | null } | undefined;
  const { t } = useTranslation();
  return (
    <>
      {/* The page given back by the fill-time check (app/lib/forms.server.ts): say why, once. */}
      {root?.typedNotice === "formTooFast" ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} autoFocus>
          <div role="alert">
            <h2 className="govuk-error-summary__title">{t("formTooFast.title")}</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{t("formTooFast.body")}</p>
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

/** Must match FORM_TIME_FIELD in server/http/csrf.ts (components do not import server code). */
const FORM_TIME_FIELD = "formIssued";

/** The honeypot field's name: a field a form-filling script would expect to fill. */
export const HONEYPOT_FIELD = "website";

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    // autoFocus reaches the server-rendered HTML, so focus moves here without JavaScript too.
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} autoFocus>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("errorSummaryTitle")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a href={`#${error.field}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

type FieldProps = {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  /** Render the label as the page heading (GOV.UK "one question a page"). */
  isPageHeading?: boolean;
  optional?: boolean;
};

function Label({ id, label, isPageHeading, optional }: Pick<FieldProps, "id" | "label" | "isPageHeading" | "optional">) {
  const { t } = useTranslation();
  const text = (
    <>
      {label}
      {optional ? ` (${t("optional")})` : null}
    </>
  );
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>
          {text}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={id}>
      {text}
    </label>
  );
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

function InlineError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errorPrefix")}:</span> {error}
    </p>
  ) : null;
}

export function TextInput(
  props: FieldProps & { type?: "text" | "email" | "password" | "tel"; autoComplete?: string; spellCheck?: boolean; width?: string; maxLength?: number },
) {
  const { id, name = id, error, hint, type = "text", width } = props;
  const typed = useTyped();
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label {...props} />
      <Hint id={id} hint={hint} />
      <InlineError id={id} error={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={type === "password" ? props.defaultValue : typedValue(typed, name, props.defaultValue)}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

export function Textarea(props: FieldProps & { rows?: number; maxLength: number; limitText: string }) {
  const { id, name = id, error, hint, rows = 8 } = props;
  const typed = useTyped();
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label {...props} />
      <Hint id={id} hint={hint} />
      <InlineError id={id} error={error} />
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={typedValue(typed, name, props.defaultValue)}
        aria-describedby={describedBy(id, hint, error, `${id}-limit`)}
        aria-invalid={error ? true : undefined}
      />
      {/* A stated limit rather than a hard maxlength, so pasted text is never silently cut. */}
      <div id={`${id}-limit`} className="govuk-hint govuk-character-count__message">
        {props.limitText}
      </div>
    </div>
  );
}

export function Button({
  children,
  preventDoubleClick = true,
  secondary = false,
  ...rest
}: {
  children: ReactNode;
  preventDoubleClick?: boolean;
  secondary?: boolean;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${secondary ? " govuk-button--secondary govuk-!-margin-bottom-0" : ""}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
