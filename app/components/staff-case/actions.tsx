// "What to do next" on a staff case: only the actions this person may take on this case now
// (allocate, take, prepare, progress, close, change type, reopen, no further contact).
import { useTranslation } from "react-i18next";
import { Button, IntentForm, Select, SingleCheckbox, StaffActionForm, Textarea } from "~/components/form";
import { CaseSection, type CasePart } from "./frame";

export function CaseActions({ page, result: { errors, values } }: CasePart) {
  const { t } = useTranslation("staff-cases");
  const { found: c, me, may, officers, allowed, outcomes, caseTypes } = page;
  const open = c.status !== "closed";
  const hasCustomer = c.parties.some((p) => p.role === "customer");
  const openLinks = c.links.filter((l) => l.status !== "closed");
  return (
    <CaseSection id="actions" title={t("actions.heading")}>
      {errors.action ? (
        <p className="govuk-error-message" id="action">
          {t(errors.action)}
        </p>
      ) : null}
      {open && may.allocate ? (
        <IntentForm intent="allocate">
          <Select
            id="officer"
            label={t("actions.allocateLabel")}
            placeholder={t("case.unallocated")}
            options={officers.map((o) => ({ value: o.id, label: o.name }))}
            value={c.assignedToId ?? ""}
            after={<Button secondary>{t("actions.allocate")}</Button>}
          />
        </IntentForm>
      ) : null}
      {open && c.assignedToId !== me && may.take ? (
        <StaffActionForm intent="take" label={t("actions.take")} />
      ) : null}
      {may.prepare && allowed.includes("start") ? (
        <StaffActionForm intent="prepare" label={t("actions.prepare")} hint={t("actions.prepareHint")} primary />
      ) : null}
      {may.progress && c.status === "under_way" && !c.clocks.find((k) => k.name === "answerBy")?.doneAt ? (
        <StaffActionForm intent="progress" label={t("actions.progress")} hint={t("actions.progressHint")} />
      ) : null}
      {open && may.close ? (
        <IntentForm intent="close">
          <Select
            id="outcome"
            label={t("actions.outcomeLabel")}
            placeholder={t("actions.chooseOutcome")}
            options={outcomes.map((o) => ({ value: o, label: t(`domain:outcomes.${o}`) }))}
            error={errors.outcome ? t(errors.outcome) : undefined}
          />
          {openLinks.length > 0 ? <SingleCheckbox name="closeLinked" label={t("actions.closeLinked", { references: openLinks.map((l) => l.reference).join(", ") })} checked={false} /> : null}
          <Button>{t("actions.close")}</Button>
        </IntentForm>
      ) : null}
      {open && may.changeType ? (
        <IntentForm intent="changeType">
          <Select
            id="type"
            label={t("actions.typeLabel")}
            options={caseTypes.map((type) => ({ value: type, label: `${type} – ${t(`domain:caseTypes.${type}`)}` }))}
            value={c.type}
            after={<Button secondary>{t("actions.changeType")}</Button>}
          />
        </IntentForm>
      ) : null}
      {c.status === "closed" && may.reopen ? (
        allowed.includes("reopen") ? (
          <StaffActionForm intent="reopen" label={t("actions.reopen")} hint={t("actions.reopenHint")} />
        ) : (
          <p className="govuk-body" data-testid="reopen-tomorrow">
            {t("actions.reopenTomorrow")}
          </p>
        )
      ) : null}
      {c.status === "closed" && may.nfc && hasCustomer ? (
        <IntentForm intent="nfc">
          <Textarea id="reason" label={t("actions.nfcLabel")} hint={t("actions.nfcHint")} rows={3} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.reason ? t(errors.reason) : undefined} defaultValue={values.reason} />
          <Button secondary>{t("actions.nfc")}</Button>
        </IntentForm>
      ) : null}
    </CaseSection>
  );
}
