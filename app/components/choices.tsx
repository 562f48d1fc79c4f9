// GOV.UK checkboxes and radios in a fieldset with a legend, hint and inline error. Server
// rendered; they need no JavaScript (conditional questions are pages of their own).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { typedChecked, typedValue, useTyped } from "./form/typed";

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

type GroupProps = {
  /** The field name; the first input gets it as its id, so the error summary can link to it. */
  name: string;
  /** Prefix for ids when several groups share one name (the first group keeps `name`). */
  idPrefix?: string;
  legend: ReactNode;
  legendSize?: "l" | "m" | "s";
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  optional?: boolean;
  small?: boolean;
  /** Extra ids describing the group (a hint or error shared by several groups). */
  describedBy?: string;
};

function Legend({ legend, legendSize = "m", isPageHeading, optional }: Pick<GroupProps, "legend" | "legendSize" | "isPageHeading" | "optional">) {
  const { t } = useTranslation();
  const text = (
    <>
      {legend}
      {optional ? ` (${t("optional")})` : null}
    </>
  );
  return (
    <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>
      {isPageHeading ? <h1 className="govuk-fieldset__heading">{text}</h1> : text}
    </legend>
  );
}

function GroupError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errorPrefix")}:</span> {error}
    </p>
  ) : null;
}

// Called from the components below while they render, so it may use hooks.
function group(kind: "checkboxes" | "radios", props: GroupProps & { checked: (value: string) => boolean }) {
  const { name, idPrefix = name, hint, error, choices, small } = props;
  const typed = useTyped();
  const describedBy = [props.describedBy, hint ? `${idPrefix}-hint` : null, error ? `${idPrefix}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <Legend {...props} />
        {hint ? (
          <div id={`${idPrefix}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <GroupError id={idPrefix} error={error} />
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ""}`} data-module={`govuk-${kind}`}>
          {choices.map((choice, i) => {
            const id = i === 0 ? idPrefix : `${idPrefix}-${i + 1}`;
            return (
              <div key={choice.value} className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={kind === "checkboxes" ? "checkbox" : "radio"}
                  value={choice.value}
                  defaultChecked={typedChecked(typed, name, choice.value, props.checked(choice.value))}
                  aria-describedby={choice.hint ? `${id}-item-hint` : undefined}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {choice.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes(props: GroupProps & { values: readonly string[] }) {
  return group("checkboxes", { ...props, checked: (value) => props.values.includes(value) });
}

export function Radios(props: GroupProps & { value?: string | null }) {
  return group("radios", { ...props, checked: (value) => props.value === value });
}

/** A single checkbox (a consent), with its own error. */
export function SingleCheckbox({ name, label, legend, error, checked }: { name: string; label: ReactNode; legend: ReactNode; error?: string; checked: boolean }) {
  return group("checkboxes", { name, legend, legendSize: "s", error, choices: [{ value: "yes", label }], checked: () => checked });
}

/** GOV.UK date input: day, month and year boxes named `<id>-day`, `<id>-month`, `<id>-year`. */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  labels,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: { day: string; month: string; year: string };
  labels: { day: string; month: string; year: string };
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const typed = useTyped();
  const parts = [
    ["day", 2],
    ["month", 2],
    ["year", 4],
  ] as const;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <GroupError id={id} error={error} />
        <div className="govuk-date-input" id={id}>
          {parts.map(([part, width]) => (
            <div key={part} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {labels[part]}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={typedValue(typed, `${id}-${part}`, value[part])}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** "2026-11-23" → its parts for a DateInput. */
export function isoToParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: "", month: "", year: "" };
}
