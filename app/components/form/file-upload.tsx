// GOV.UK file upload (several files at once); the form must be multipart.
import type { ReactNode } from "react";
import { describedBy, FormGroup, Hint, InlineError } from "./parts";

export function FileUpload({ id, label, hint, error, accept }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; accept: string }) {
  return (
    <FormGroup error={error}>
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <InlineError id={id} error={error} />
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={id}
        name={id}
        type="file"
        multiple
        accept={accept}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </FormGroup>
  );
}
