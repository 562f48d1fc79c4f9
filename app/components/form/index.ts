// The one GOV.UK form kit: every public journey and staff page builds its forms, summaries,
// tables and confirmations from these. Ids follow GOV.UK's scheme (see field-error.ts, choices.tsx).
export { Button } from "./button";
export { Checkboxes, ChoiceItems, Radios, SingleCheckbox, type Option } from "./choices";
export { CsrfInput, HONEYPOT_FIELD } from "./csrf";
export { DateInput, isoToParts, submittedDate, type DateValue } from "./date-input";
export { ErrorSummary } from "./error-summary";
export { type DatePart, type ErrorLink, type FieldError } from "./field-error";
export { FileUpload } from "./file-upload";
export { ConfirmationPanel } from "./panel";
export { describedBy, Fieldset, FormGroup, Hint, InlineError, Label, Legend } from "./parts";
export { Select } from "./select";
export { SuccessBanner } from "./success-banner";
export { SummaryList, type SummaryRow } from "./summary-list";
export { Table, type Cell, type Column, type Row } from "./table";
export { Textarea, TextInput } from "./text-input";
export { JOURNEY_FORM_ID, SWITCH_FIELD, typedChecked, typedValue, useTyped } from "./typed";
export { asRadios, ChooseOne, GroupedRadios, RADIOS_AT_MOST, type OptionGroup } from "./grouped-radios";
export { FilterBar, type Filter } from "./filter-bar";
export { IntentForm, StaffActionForm } from "./intent-form";
