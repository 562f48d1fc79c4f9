// A staff page's small POST forms: each posts one named intent (read by the page's table of
// intents), with the CSRF field. `StaffActionForm` is the one that needs nothing but a click.
import type { ReactNode } from "react";
import { Form } from "~/components/link";
import { Button } from "./button";
import { CsrfInput } from "./csrf";

/**
 * `inline` sits beside what comes before it; `bare` adds no spacing of its own (a form in a table
 * cell, or one whose page spaces its sections itself).
 */
export function IntentForm({
  intent,
  id,
  inline,
  bare,
  hidden,
  noValidate,
  children,
}: {
  intent: string;
  id?: string;
  inline?: boolean;
  bare?: boolean;
  hidden?: Record<string, string>;
  noValidate?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={bare ? undefined : inline ? "govuk-!-display-inline-block govuk-!-margin-left-2" : "govuk-!-margin-bottom-6"} id={id} noValidate={noValidate}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}

/**
 * An action that needs nothing but a click (take, prepare, re-open, mark as told): its form, the
 * sentence that says what it does when there is one, and its button, secondary unless `primary`.
 */
export function StaffActionForm({ intent, label, hint, primary = false }: { intent: string; label: string; hint?: string; primary?: boolean }) {
  return (
    <IntentForm intent={intent}>
      {hint ? <p className="govuk-body">{hint}</p> : null}
      <Button secondary={!primary}>{label}</Button>
    </IntentForm>
  );
}
