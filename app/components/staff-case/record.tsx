// Recording on a staff case: a contact (call, letter…), a complaint about our service, a note.
import { useTranslation } from "react-i18next";
import { Button, DateInput, IntentForm, Select, SingleCheckbox, submittedDate, Textarea } from "~/components/form";
import { CaseSection, datePartsOf, type CasePart } from "./frame";

export function CaseContact({ page, result: { errors, values, intent } }: CasePart) {
  const { t } = useTranslation("staff-cases");
  const { found: c, may, contactMethods, contactDirections } = page;
  if (!may.contact) return null;
  const restricted = c.parties.flatMap((p) => p.flags.filter((f) => f.kind === "restricted_contact"));
  return (
    <CaseSection id="contact" title={t("contact.heading")}>
      <IntentForm intent="contact">
        {restricted.length > 0 ? <p className="govuk-inset-text">{t("contact.restricted", { arrangement: restricted.map((f) => f.summary).join("; ") })}</p> : null}
        <div className="ds-filters">
          <div className="ds-filter">
            <Select id="method" label={t("contact.method")} options={contactMethods.map((m) => ({ value: m, label: t(`contact.methods.${m}`) }))} value={values.method ?? "call"} error={errors.method ? t(errors.method) : undefined} />
          </div>
          <div className="ds-filter">
            <Select id="direction" label={t("contact.direction")} options={contactDirections.map((d) => ({ value: d, label: t(`contact.directions.${d}`) }))} value={values.direction ?? "out"} error={errors.direction ? t(errors.direction) : undefined} />
          </div>
        </div>
        <Textarea id="summary" label={t("contact.summary")} rows={3} maxLength={5000} limitText={t("case.limit", { count: 5000 })} error={errors.summary && intent === "contact" ? t(errors.summary) : undefined} defaultValue={intent === "contact" ? values.summary : undefined} />
        <Button secondary>{t("contact.submit")}</Button>
      </IntentForm>
    </CaseSection>
  );
}

export function CaseComplaint({ page, result }: CasePart) {
  const { errors, values, intent } = result;
  const { t } = useTranslation("staff-cases");
  const { found: c, may, acceptLate } = page;
  if (c.type === "RCC" || !may.complaint) return null;
  return (
    <CaseSection id="complaint" title={t("complaint.heading")}>
      <IntentForm intent="complaint">
        <p className="govuk-body">{t("complaint.intro")}</p>
        <Textarea id="complaintSummary" name="summary" label={t("complaint.summary")} rows={3} maxLength={5000} limitText={t("case.limit", { count: 5000 })} error={errors.summary && intent === "complaint" ? t(errors.summary) : undefined} defaultValue={intent === "complaint" ? values.summary : undefined} />
        <DateInput name="eventOn" legend={t("complaint.eventOn")} hint={t("complaint.eventOnHint")} error={errors.eventOn ? t(errors.eventOn) : undefined} errorParts={datePartsOf(result, "eventOn")} value={submittedDate(values, "eventOn")} />
        {acceptLate ? (
          <>
            <SingleCheckbox name="acceptLate" label={t("complaint.acceptLate")} checked={intent === "complaint" && values.acceptLate === "yes"} />
            <Textarea id="lateReason" label={t("complaint.lateReason")} optional rows={2} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.lateReason ? t(errors.lateReason) : undefined} defaultValue={values.lateReason} />
          </>
        ) : null}
        <Button secondary>{t("complaint.submit")}</Button>
      </IntentForm>
    </CaseSection>
  );
}

export function CaseNote({ page, result: { errors, values } }: CasePart) {
  const { t } = useTranslation("staff-cases");
  if (!page.may.note) return null;
  return (
    <CaseSection id="note" title={t("notes.heading")}>
      <IntentForm intent="note">
        <Textarea id="text" label={t("notes.label")} hint={t("notes.hint")} rows={3} maxLength={5000} limitText={t("case.limit", { count: 5000 })} error={errors.text ? t(errors.text) : undefined} defaultValue={values.text} />
        <Button secondary>{t("notes.submit")}</Button>
      </IntentForm>
    </CaseSection>
  );
}
