// GOV.UK file upload (several files at once unless `multiple` is false); the form must be multipart.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describedBy, FormGroup, Hint, InlineError } from "./parts";

/**
 * `labelSize` "m" when the upload is a section of its own (the default), "plain" for one question
 * among others on the page; `optional` adds "(optional)" in the page's language.
 */
export function FileUpload({
  id,
  label,
  hint,
  error,
  accept,
  multiple = true,
  optional = false,
  labelSize = "m",
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  accept: string;
  multiple?: boolean;
  optional?: boolean;
  labelSize?: "m" | "plain";
}) {
  const { t } = useTranslation();
  return (
    <FormGroup error={error}>
      <label className={`govuk-label${labelSize === "m" ? " govuk-label--m" : ""}`} htmlFor={id}>
        {label}
        {optional ? ` (${t("common:optional")})` : null}
      </label>
      <Hint id={id} hint={hint} />
      <InlineError id={id} error={error} />
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={id}
        name={id}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </FormGroup>
  );
}
