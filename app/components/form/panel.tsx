// The GOV.UK confirmation panel: what happened and, when there is one, the reference to quote.
// Every confirmation page (public and staff) uses this one.
import type { ReactNode } from "react";

export function ConfirmationPanel({
  title,
  referenceLabel,
  reference,
  children,
  headingLevel = 1,
  testId,
}: {
  title: ReactNode;
  referenceLabel?: ReactNode;
  reference?: string;
  /** Further text in the panel's body (after the reference). */
  children?: ReactNode;
  /** 2 where the panel is not the page's heading (a result shown inside a page), at a smaller size. */
  headingLevel?: 1 | 2;
  testId?: string;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const body =
    reference !== undefined || children ? (
      <div className="govuk-panel__body">
        {reference !== undefined ? (
          <>
            {referenceLabel}
            <br />
            <strong data-testid="reference">{reference}</strong>
          </>
        ) : null}
        {children}
      </div>
    ) : null;
  return (
    <div className="govuk-panel govuk-panel--confirmation" data-testid={testId}>
      <Heading className={`govuk-panel__title${headingLevel === 2 ? " govuk-!-font-size-27" : ""}`}>{title}</Heading>
      {body}
    </div>
  );
}
