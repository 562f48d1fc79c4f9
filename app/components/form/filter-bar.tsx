// The filters above a staff list: a GET form (the filters are in the address, so a filtered list
// can be bookmarked and works without JavaScript), its fields side by side, then "Apply" and any
// links beside it (a CSV of the same list). Every list page's filter bar is this one.
import type { ReactNode } from "react";
import { Form } from "~/components/link";
import { SingleCheckbox } from "./choices";
import { Select } from "./select";
import { TextInput } from "./text-input";

type Common = { name: string; /** The field's id when it is not its name. */ id?: string; label: string; hint?: ReactNode };

export type Filter =
  | (Common & { kind: "select"; value: string | undefined; options: { value: string; label: string }[]; /** The empty option ("All statuses"); none when a value is always chosen. */ all?: string })
  | (Common & { kind: "text"; value: string | undefined; search?: boolean; numeric?: boolean; width?: string; maxLength?: number })
  | (Common & { kind: "checkbox"; checked: boolean; value?: string });

function FilterField({ filter: f }: { filter: Filter }) {
  const id = f.id ?? f.name;
  switch (f.kind) {
    case "select":
      return <Select id={id} name={f.name} label={f.label} hint={f.hint} options={f.options} value={f.value ?? ""} placeholder={f.all} />;
    case "text":
      return (
        <TextInput id={id} name={f.name} label={f.label} hint={f.hint} type={f.search ? "search" : "text"} inputMode={f.numeric ? "numeric" : undefined} width={f.width} maxLength={f.maxLength} defaultValue={f.value ?? ""} spellCheck={false} />
      );
    case "checkbox":
      return <SingleCheckbox name={f.name} label={f.label} checked={f.checked} value={f.value} />;
  }
}

export function FilterBar({
  filters,
  submitLabel,
  keep = {},
  actions,
  label,
}: {
  filters: Filter[];
  submitLabel: string;
  /** Hidden values carried along (the sort order). */
  keep?: Record<string, string>;
  actions?: ReactNode;
  /** The form's name for screen readers (its heading's words), making it a landmark. */
  label?: string;
}) {
  return (
    <Form method="get" className="govuk-!-margin-bottom-6" data-testid="filter-bar" aria-label={label}>
      <div className="ds-filters">
        {filters.map((f) => (
          <div key={f.name} className="ds-filter">
            <FilterField filter={f} />
          </div>
        ))}
      </div>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          {submitLabel}
        </button>
        {actions}
      </div>
    </Form>
  );
}
