// GOV.UK submit button; a double click sends the form once.
import type { ReactNode } from "react";

export function Button({
  children,
  preventDoubleClick = true,
  secondary = false,
  ...rest
}: {
  children: ReactNode;
  preventDoubleClick?: boolean;
  secondary?: boolean;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${secondary ? " govuk-button--secondary govuk-!-margin-bottom-0" : ""}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
