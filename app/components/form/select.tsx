// GOV.UK select, with optional labelled groups of options.
import type { ReactNode } from "react";
import { describedBy, FormGroup, Hint, InlineError } from "./parts";
import { typedValue, useTyped } from "./typed";

type SelectOption = { value: string; label: string };

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
  options: SelectOption[];
  /** Options in labelled groups (shown after `options`). */
  groups?: { label: string; options: SelectOption[] }[];
  value?: string;
  placeholder: string;
  isPageHeading?: boolean;
}) {
  const typed = useTyped();
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? " govuk-label--l" : ""}`} htmlFor={id}>
      {label}
    </label>
  );
  const optionList = (list: SelectOption[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <FormGroup error={error}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      <Hint id={id} hint={hint} />
      <InlineError id={id} error={error} />
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        defaultValue={typedValue(typed, id, value ?? "")}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {optionList(options)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {optionList(g.options)}
          </optgroup>
        ))}
      </select>
    </FormGroup>
  );
}
