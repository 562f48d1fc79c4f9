// GOV.UK radios, checkboxes, select, date input and file upload, as the concerns assistant
// uses them: server-rendered, no JavaScript needed, errors next to the field.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { typedChecked, typedValue, useTyped } from "./form/typed";

export type Option = { value: string; label: ReactNode; hint?: ReactNode; conditional?: ReactNode };

function InlineError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errorPrefix")}:</span> {error}
    </p>
  ) : null;
}

function Legend({ legend, isPageHeading, size = "l" }: { legend: ReactNode; isPageHeading?: boolean; size?: "l" | "m" | "s" }) {
  if (isPageHeading) {
    return (
      <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
        <h1 className="govuk-fieldset__heading">{legend}</h1>
      </legend>
    );
  }
  return <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>{legend}</legend>;
}

const describedBy = (...ids: unknown[]) => ids.filter((id): id is string => typeof id === "string" && id.length > 0).join(" ") || undefined;

type ChoiceProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  isPageHeading?: boolean;
  legendSize?: "l" | "m" | "s";
  small?: boolean;
};

/**
 * GOV.UK radios. Conditional questions under an option are always shown: without JavaScript
 * there is nothing to reveal them, and the server only reads them for the option chosen.
 */
export function Radios({ name, legend, hint, error, options, value, isPageHeading, legendSize, small, inline }: ChoiceProps & { value?: string; inline?: boolean }) {
  const typed = useTyped();
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}>
        <Legend legend={legend} isPageHeading={isPageHeading} size={legendSize} />
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <InlineError id={name} error={error} />
        <div className={`govuk-radios${small ? " govuk-radios--small" : ""}${inline ? " govuk-radios--inline" : ""}`} data-module="govuk-radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${option.value}`;
            return (
              <div key={option.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={option.value}
                    defaultChecked={typedChecked(typed, name, option.value, value === option.value)}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.conditional ? <div className="govuk-radios__conditional">{option.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK checkboxes; `exclusive` is the "None of these" option, after an "or" divider. */
export function Checkboxes({ name, legend, hint, error, options, values, isPageHeading, exclusive, dividerText }: ChoiceProps & { values: string[]; exclusive?: string; dividerText?: string }) {
  const typed = useTyped();
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}>
        <Legend legend={legend} isPageHeading={isPageHeading} />
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <InlineError id={name} error={error} />
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${option.value}`;
            return (
              <div key={option.value}>
                {option.value === exclusive ? <div className="govuk-checkboxes__divider">{dividerText}</div> : null}
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={id}
                    name={name}
                    type="checkbox"
                    value={option.value}
                    defaultChecked={typedChecked(typed, name, option.value, values.includes(option.value))}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                    data-behaviour={option.value === exclusive ? "exclusive" : undefined}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                      {option.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  options,
  groups = [],
  value,
  placeholder,
  isPageHeading,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  /** Options in labelled groups (shown after `options`). */
  groups?: { label: string; options: { value: string; label: string }[] }[];
  value?: string;
  placeholder: string;
  isPageHeading?: boolean;
}) {
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? " govuk-label--l" : ""}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <InlineError id={id} error={error} />
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        defaultValue={typedValue(useTyped(), id, value ?? "")}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export type DateValue = { day: string; month: string; year: string };

/** GOV.UK date input: day, month and year boxes; `errorParts` are the boxes to mark. */
export function DateInput({
  name,
  legend,
  hint,
  error,
  errorParts = [],
  value,
  isPageHeading,
  legendSize,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  errorParts?: string[];
  value: DateValue;
  isPageHeading?: boolean;
  legendSize?: "l" | "m" | "s";
}) {
  const { t } = useTranslation("concerns");
  const typed = useTyped();
  const parts = [
    { part: "day", label: t("date.day"), width: 2 },
    { part: "month", label: t("date.month"), width: 2 },
    { part: "year", label: t("date.year"), width: 4 },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}>
        <Legend legend={legend} isPageHeading={isPageHeading} size={legendSize} />
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <InlineError id={name} error={error} />
        <div className="govuk-date-input" id={name}>
          {parts.map(({ part, label, width }) => {
            const marked = error && (errorParts.length === 0 || errorParts.includes(part));
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={`${name}-${part}`}>
                    {label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${width}${marked ? " govuk-input--error" : ""}`}
                    id={`${name}-${part}`}
                    name={`${name}-${part}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={typedValue(typed, `${name}-${part}`, value[part])}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function FileUpload({ id, label, hint, error, accept }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; accept: string }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <InlineError id={id} error={error} />
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={id}
        name={id}
        type="file"
        multiple
        accept={accept}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

/** A GOV.UK success notification banner, announced to screen readers. */
export function SuccessBanner({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
