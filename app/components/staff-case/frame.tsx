// The frame every part of the staff case page shares: a section under its own heading. Each
// action on the case is one post naming its intent (the kit's IntentForm), read by the table in
// app/lib/case-intents.server.ts.
import type { ReactNode } from "react";
import type { StaffCasePage } from "~/lib/staff-case.server";

/** What the last post sent back: its intent, the message key per field and what was typed. */
export type IntentResult = { intent?: string; errors: Record<string, string>; values: Record<string, string> };

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
