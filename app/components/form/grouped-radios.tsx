// One answer from a list in groups (organisation types under "Councils", "Businesses"…).
// GOV.UK asks for radios and keeps the select for a last resort, as some people find selects very
// hard to use; a page of radios stops being scannable when the list is long, so `ChooseOne` draws
// radios up to RADIOS_AT_MOST choices and a select beyond. This is the one place the number lives.
//
// The grouped radios are one fieldset for the question with a fieldset per group inside it: the
// group's legend is read out with its radios (a heading between radios would not be), all share
// one name so only one can be chosen, and ids run on across the groups in GOV.UK's scheme (the
// first radio's id is the field's name, so the error summary's link lands on it). No JavaScript.
import type { ReactNode } from "react";
import { ChoiceItems, Radios, type Option } from "./choices";
import { Fieldset, type LegendProps } from "./parts";
import { Select } from "./select";

/** Radios for this many choices or fewer; a select for more (see the note above). */
export const RADIOS_AT_MOST = 15;

export type OptionGroup = { label: string; options: Option[] };

/** Whether a list of `count` choices is drawn as radios. */
export const asRadios = (count: number) => count <= RADIOS_AT_MOST;

export function GroupedRadios({
  name,
  hint,
  error,
  groups,
  value,
  ...legend
}: LegendProps & { name: string; hint?: ReactNode; error?: string; groups: OptionGroup[]; value?: string | null }) {
  const firsts = groups.reduce<number[]>((acc, g, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + groups[i - 1]!.options.length], []);
  return (
    <Fieldset id={name} hint={hint} error={error} {...legend}>
      {groups.map((group, i) => (
        <fieldset key={group.label} className="govuk-fieldset govuk-!-margin-bottom-4" data-group={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{group.label}</legend>
          <div className="govuk-radios" data-module="govuk-radios">
            <ChoiceItems kind="radios" name={name} idPrefix={name} first={firsts[i]} options={group.options} checked={(v) => v === value} />
          </div>
        </fieldset>
      ))}
    </Fieldset>
  );
}

type Choice = { value: string; label: string };

/**
 * One answer from a list, plain (`options`) or in groups (`groups`): radios when the choices are
 * few (each group under its own small legend), else a select with the groups as labelled option
 * groups. The id of the first radio, or of the select, is `name`.
 */
export function ChooseOne({
  name,
  question,
  hint,
  error,
  value,
  placeholder,
  isPageHeading,
  ...list
}: {
  name: string;
  question: ReactNode;
  hint?: ReactNode;
  error?: string;
  value?: string | null;
  /** The select's empty first option ("Choose a country"). */
  placeholder: string;
  isPageHeading?: boolean;
} & ({ options: Choice[]; groups?: undefined } | { groups: { label: string; options: Choice[] }[]; options?: undefined })) {
  const count = list.groups ? list.groups.reduce((n, g) => n + g.options.length, 0) : list.options.length;
  if (!asRadios(count)) {
    return <Select id={name} label={question} hint={hint} error={error} options={list.options ?? []} groups={list.groups} value={value ?? ""} placeholder={placeholder} isPageHeading={isPageHeading} />;
  }
  return list.groups ? (
    <GroupedRadios name={name} legend={question} hint={hint} error={error} groups={list.groups} value={value} isPageHeading={isPageHeading} />
  ) : (
    <Radios name={name} legend={question} hint={hint} error={error} options={list.options} value={value} isPageHeading={isPageHeading} />
  );
}
