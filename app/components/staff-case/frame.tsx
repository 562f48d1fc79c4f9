// The frame every part of the staff case page shares: a section under its own heading, and a
// one-intent form (each action on the case is one post naming its intent, read by the table in
// app/lib/case-intents.server.ts).
import type { ReactNode } from "react";
import { Form } from "react-router";
import { CsrfInput } from "~/components/form";
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

export function IntentForm({ intent, id, inline, hidden, children }: { intent: string; id?: string; inline?: boolean; hidden?: Record<string, string>; children: ReactNode }) {
  return (
    <Form method="post" className={inline ? "govuk-!-display-inline-block govuk-!-margin-left-2" : "govuk-!-margin-bottom-6"} id={id}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
