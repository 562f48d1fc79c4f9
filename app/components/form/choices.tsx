// GOV.UK radios and checkboxes, server rendered: they need no JavaScript. Ids follow GOV.UK's
// scheme: the first option's id is the field's name (or `idPrefix`), so an error summary link to
// the field lands on it; the others are `<idPrefix>-2`, `<idPrefix>-3`, …
import { Fragment, type ReactNode } from "react";
import { Fieldset, type LegendProps } from "./parts";
import { typedChecked, useTyped } from "./typed";

/**
 * One option. `conditional` is a question under it that is always shown: without JavaScript there
 * is nothing to reveal it, and the server reads it only for the option chosen.
 */
export type Option = { value: string; label: ReactNode; hint?: ReactNode; conditional?: ReactNode };

type GroupProps = LegendProps & {
  /** The field name; the first input gets it as its id, so the error summary can link to it. */
  name: string;
  /** Prefix for ids when several groups share one name (the first group keeps `name`). */
  idPrefix?: string;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  small?: boolean;
  /** Extra ids describing the group (a hint or error shared by several groups). */
  describedBy?: string;
};

export const optionId = (idPrefix: string, index: number) => (index === 0 ? idPrefix : `${idPrefix}-${index + 1}`);

/** The items of one list of radios or checkboxes; `first` is the index of its first option among the field's. */
export function ChoiceItems({
  kind,
  name,
  idPrefix,
  first = 0,
  options,
  checked,
  exclusive,
  dividerText,
}: {
  kind: "checkboxes" | "radios";
  name: string;
  idPrefix: string;
  first?: number;
  options: Option[];
  checked: (value: string) => boolean;
  exclusive?: string;
  dividerText?: ReactNode;
}) {
  const typed = useTyped();
  return options.map((option, i) => {
    const id = optionId(idPrefix, first + i);
    return (
      // Item, divider and conditional are siblings, as in GOV.UK Frontend's markup.
      <Fragment key={option.value}>
        {option.value === exclusive ? <div className={`govuk-${kind}__divider`}>{dividerText}</div> : null}
        <div className={`govuk-${kind}__item`}>
          <input
            className={`govuk-${kind}__input`}
            id={id}
            name={name}
            type={kind === "checkboxes" ? "checkbox" : "radio"}
            value={option.value}
            defaultChecked={typedChecked(typed, name, option.value, checked(option.value))}
            aria-describedby={option.hint ? `${id}-item-hint` : undefined}
            data-behaviour={option.value === exclusive ? "exclusive" : undefined}
          />
          <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
            {option.label}
          </label>
          {option.hint ? (
            <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
              {option.hint}
            </div>
          ) : null}
        </div>
        {option.conditional ? <div className={`govuk-${kind}__conditional`}>{option.conditional}</div> : null}
      </Fragment>
    );
  });
}

function ChoiceGroup({
  kind,
  checked,
  inline,
  exclusive,
  dividerText,
  ...props
}: GroupProps & { kind: "checkboxes" | "radios"; checked: (value: string) => boolean; inline?: boolean; exclusive?: string; dividerText?: ReactNode }) {
  const { name, idPrefix = name, hint, error, options, small, describedBy, legend, legendSize, isPageHeading, optional } = props;
  const modifiers = `${small ? ` govuk-${kind}--small` : ""}${inline ? ` govuk-${kind}--inline` : ""}`;
  return (
    <Fieldset id={idPrefix} hint={hint} error={error} extraDescribedBy={describedBy} legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} optional={optional}>
      <div className={`govuk-${kind}${modifiers}`} data-module={`govuk-${kind}`}>
        <ChoiceItems kind={kind} name={name} idPrefix={idPrefix} options={options} checked={checked} exclusive={exclusive} dividerText={dividerText} />
      </div>
    </Fieldset>
  );
}

export function Radios(props: GroupProps & { value?: string | null; inline?: boolean }) {
  return <ChoiceGroup {...props} kind="radios" checked={(value) => props.value === value} />;
}

/** Checkboxes; `exclusive` is the "None of these" option, after an "or" divider. */
export function Checkboxes(props: GroupProps & { values: readonly string[]; exclusive?: string; dividerText?: ReactNode }) {
  return <ChoiceGroup {...props} kind="checkboxes" checked={(value) => props.values.includes(value)} />;
}

/**
 * A single checkbox (a consent) with its own legend and error; without a legend, a small checkbox
 * whose label says it all (a staff form's "also close the linked cases"). Its value is "yes" unless given.
 */
export function SingleCheckbox({ name, label, legend, error, checked, value = "yes" }: { name: string; label: ReactNode; legend?: ReactNode; error?: string; checked: boolean; value?: string }) {
  if (legend === undefined) {
    return (
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <ChoiceItems kind="checkboxes" name={name} idPrefix={name} options={[{ value, label }]} checked={() => checked} />
        </div>
      </div>
    );
  }
  return <Checkboxes name={name} legend={legend} legendSize="s" error={error} options={[{ value, label }]} values={checked ? [value] : []} />;
}
