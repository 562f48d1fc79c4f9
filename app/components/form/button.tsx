// GOV.UK submit button (primary, secondary or warning); a double click sends the form once.
import type { ReactNode } from "react";

export function Button({
  children,
  preventDoubleClick = true,
  secondary = false,
  warning = false,
  ...rest
}: {
  children: ReactNode;
  preventDoubleClick?: boolean;
  secondary?: boolean;
  /** For an action that deletes or cannot be undone (GOV.UK's warning button). */
  warning?: boolean;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${secondary ? " govuk-button--secondary govuk-!-margin-bottom-0" : ""}${warning ? " govuk-button--warning" : ""}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
