// GOV.UK date input: day, month and year boxes named and identified `<name>-day`, `-month`, `-year`.
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import type { DatePart } from "./field-error";
import { Fieldset, type LegendProps } from "./parts";
import { typedValue, useTyped } from "./typed";

export type DateValue = { day: string; month: string; year: string };

const PARTS = [
  ["day", 2],
  ["month", 2],
  ["year", 4],
] as const;

/** `errorParts` are the boxes to mark; all three when the error names none. Legend small unless it is the page heading. */
export function DateInput({
  name,
  hint,
  error,
  errorParts = [],
  value,
  ...legend
}: LegendProps & { name: string; hint?: ReactNode; error?: string; errorParts?: readonly DatePart[]; value: DateValue }) {
  const { t } = useTranslation();
  const typed = useTyped();
  return (
    <Fieldset id={name} role="group" hint={hint} error={error} {...legend} legendSize={legend.legendSize ?? (legend.isPageHeading ? "l" : "s")}>
      <div className="govuk-date-input" id={name}>
        {PARTS.map(([part, width]) => {
          const marked = error && (errorParts.length === 0 || errorParts.includes(part));
          return (
            <div key={part} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${name}-${part}`}>
                  {t(`common:dateInput.${part}`)}
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
    </Fieldset>
  );
}

/** "2026-11-23" → its parts for a DateInput. */
export function isoToParts(iso: string | null | undefined): DateValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: "", month: "", year: "" };
}

/** The three boxes of a date as they were sent, to show them again. */
export function submittedDate(values: Record<string, unknown> | undefined, name: string): DateValue {
  const part = (p: DatePart) => String(values?.[`${name}-${p}`] ?? "");
  return { day: part("day"), month: part("month"), year: part("year") };
}
