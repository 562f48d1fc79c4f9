// The pieces every field of the kit is made of: the GOV.UK form group, hint, inline error,
// label and fieldset with its legend. The id scheme is GOV.UK's: `<id>-hint`, `<id>-error`.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Size = "l" | "m" | "s";

/** The ids that describe a field, or undefined when none (no empty attribute in the HTML). */
export function describedBy(...ids: unknown[]): string | undefined {
  return ids.filter((id): id is string => typeof id === "string" && id.length > 0).join(" ") || undefined;
}

export function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>;
}

export function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

export function InlineError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("common:errorPrefix")}:</span> {error}
    </p>
  ) : null;
}

/** "(optional)" after a label or legend, in the page's language. */
function WithOptional({ text, optional }: { text: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {text}
      {optional ? ` (${t("common:optional")})` : null}
    </>
  );
}

/** A label; as the page heading (GOV.UK "one question a page") it is large and inside the h1. */
export function Label({ id, label, isPageHeading, optional }: { id: string; label: ReactNode; isPageHeading?: boolean; optional?: boolean }) {
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>
          <WithOptional text={label} optional={optional} />
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={id}>
      <WithOptional text={label} optional={optional} />
    </label>
  );
}

export type LegendProps = {
  legend: ReactNode;
  /** Large when the legend is the page heading, medium otherwise, unless given. */
  legendSize?: Size;
  isPageHeading?: boolean;
  optional?: boolean;
};

export function Legend({ legend, legendSize, isPageHeading, optional }: LegendProps) {
  const size = legendSize ?? (isPageHeading ? "l" : "m");
  const text = <WithOptional text={legend} optional={optional} />;
  return <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>{isPageHeading ? <h1 className="govuk-fieldset__heading">{text}</h1> : text}</legend>;
}

/**
 * A question with several inputs: form group, fieldset, legend, hint and inline error, then the
 * inputs. `id` names the hint and error (`<id>-hint`, `<id>-error`).
 */
export function Fieldset({
  id,
  hint,
  error,
  role,
  extraDescribedBy,
  children,
  ...legend
}: LegendProps & { id: string; hint?: ReactNode; error?: string; role?: "group"; extraDescribedBy?: string; children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(extraDescribedBy, hint && `${id}-hint`, error && `${id}-error`)}>
        <Legend {...legend} />
        <Hint id={id} hint={hint} />
        <InlineError id={id} error={error} />
        {children}
      </fieldset>
    </FormGroup>
  );
}
