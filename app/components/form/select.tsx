// GOV.UK select, with optional labelled groups of options.
import type { ReactNode } from "react";
import { describedBy, FormGroup, Hint, InlineError } from "./parts";
import { typedValue, useTyped } from "./typed";

type SelectOption = { value: string; label: string };

export function Select({
  id,
  name = id,
  label,
  hint,
  error,
  options,
  groups = [],
  value,
  placeholder,
  isPageHeading,
  after,
  labelHidden,
}: {
  id: string;
  /** When several selects share a name (one per form on the page); the id by default. */
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: SelectOption[];
  /** Options in labelled groups (shown after `options`). */
  groups?: { label: string; options: SelectOption[] }[];
  value?: string;
  /** The empty first option ("Choose…"); none when every option is a fair default. */
  placeholder?: string;
  isPageHeading?: boolean;
  /** A button or text beside the select, inside its form group (a one-field staff form). */
  after?: ReactNode;
  /** The label is for screen readers only (a select in a table row that its row header names). */
  labelHidden?: boolean;
}) {
  const typed = useTyped();
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? " govuk-label--l" : ""}${labelHidden ? " govuk-visually-hidden" : ""}`} htmlFor={id}>
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
        name={name}
        defaultValue={typedValue(typed, name, value ?? "")}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {optionList(options)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {optionList(g.options)}
          </optgroup>
        ))}
      </select>
      {after ? <> {after}</> : null}
    </FormGroup>
  );
}
