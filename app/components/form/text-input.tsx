// GOV.UK text input and textarea with label, hint and inline error.
import type { ReactNode } from "react";
import { describedBy, FormGroup, Hint, InlineError, Label } from "./parts";
import { typedValue, useTyped } from "./typed";

type FieldProps = {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  /** Render the label as the page heading (GOV.UK "one question a page"). */
  isPageHeading?: boolean;
  optional?: boolean;
};

/** Form group, label, hint and inline error, then the field itself. */
function LabelledField({ id, label, hint, error, isPageHeading, optional, children }: FieldProps & { children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <Label id={id} label={label} isPageHeading={isPageHeading} optional={optional} />
      <Hint id={id} hint={hint} />
      <InlineError id={id} error={error} />
      {children}
    </FormGroup>
  );
}

export function TextInput(
  props: FieldProps & { type?: "text" | "email" | "password" | "tel" | "date" | "search"; autoComplete?: string; spellCheck?: boolean; width?: string; maxLength?: number; inputMode?: "numeric" },
) {
  const { id, name = id, error, hint, type = "text", width } = props;
  const typed = useTyped();
  return (
    <LabelledField {...props}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        // A password is never put back from what was typed.
        defaultValue={type === "password" ? props.defaultValue : typedValue(typed, name, props.defaultValue)}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
      />
    </LabelledField>
  );
}

export function Textarea(props: FieldProps & { rows?: number; maxLength: number; limitText: string }) {
  const { id, name = id, error, hint, rows = 8 } = props;
  const typed = useTyped();
  return (
    <LabelledField {...props}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={typedValue(typed, name, props.defaultValue)}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`, `${id}-limit`)}
        aria-invalid={error ? true : undefined}
      />
      {/* A stated limit rather than a hard maxlength, so pasted text is never silently cut. */}
      <div id={`${id}-limit`} className="govuk-hint govuk-character-count__message">
        {props.limitText}
      </div>
    </LabelledField>
  );
}
