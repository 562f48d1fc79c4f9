// The frame every part of the staff case page shares: a section under its own heading. Each
// action on the case is one post naming its intent (the kit's IntentForm), read by the table in
// app/lib/case-intents.server.ts.
import type { ReactNode } from "react";
import type { DatePart, FieldError } from "~/components/form";
import type { StaffCasePage } from "~/lib/staff-case.server";

/**
 * What the last post sent back: its intent, the message key per field, the same errors in the
 * kit's shape (a date's link to its first wrong box, the boxes to mark) and what was typed.
 */
export type IntentResult = { intent?: string; errors: Record<string, string>; fieldErrors: readonly FieldError[]; values: Record<string, string> };

/** The boxes of a date field to mark as wrong (none: all three). */
export function datePartsOf(result: IntentResult, name: string): DatePart[] | undefined {
  return result.fieldErrors.find((e) => e.field.startsWith(`${name}-`))?.parts;
}

/** Props of every part of the page. */
export type CasePart = { page: StaffCasePage; result: IntentResult };

export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`h-${id}`} className="govuk-!-margin-bottom-6" data-section={id}>
      <h2 className="govuk-heading-m" id={`h-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
