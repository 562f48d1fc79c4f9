// The case's clocks and parties as tables, with the restricted-contact arrangement under the parties.
import { useTranslation } from "react-i18next";
import { ClockTag } from "~/components/clock-tag";
import { Button, DateInput, IntentForm, StaffActionForm, submittedDate, Table, Textarea } from "~/components/form";
import { formatDate } from "~/lib/format";
import type { StaffCaseView } from "~/lib/staff-case.server";
import { useLang } from "~/lib/use-lang";
import { CaseSection, datePartsOf, type CasePart } from "./frame";

export function CaseClocks({ c }: { c: StaffCaseView }) {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  return (
    <CaseSection id="clocks" title={t("case.clocksHeading")}>
      <Table
        caption={t("case.clocksHeading")}
        captionSize="hidden"
        columns={[{ label: t("case.clock") }, { label: t("case.due") }, { label: t("case.state") }]}
        rows={c.clocks.map((clock) => ({
          key: clock.name,
          rowHeader: true,
          data: { clock: clock.name },
          cells: [t(c.type === "RCC" && clock.name === "underWayBy" ? "case.rccAcknowledge" : `domain:clocks.${clock.name}`), formatDate(clock.dueAt, lang), <ClockTag state={clock.state} />],
        }))}
      />
    </CaseSection>
  );
}

export function CaseParties({ page, result }: CasePart) {
  const { errors, values } = result;
  const { t } = useTranslation("staff-cases");
  const { found: c, may } = page;
  const hasCustomer = c.parties.some((p) => p.role === "customer");
  const restricted = c.parties.flatMap((p) => p.flags.filter((f) => f.kind === "restricted_contact"));
  return (
    <CaseSection id="parties" title={t("case.partiesHeading")}>
      <Table
        caption={t("case.partiesHeading")}
        captionSize="hidden"
        columns={[{ label: t("case.role") }, { label: t("case.name") }, { label: t("case.email") }, { label: t("case.language") }, { label: t("case.flags") }]}
        rows={c.parties.map((p) => ({
          key: `${p.id}-${p.role}`,
          cells: [
            t(`domain:partyRoles.${p.role}`),
            p.name,
            p.email ?? "–",
            p.preferredLanguage ? t(`domain:languages.${p.preferredLanguage}`) : "–",
            p.flags.length ? p.flags.map((f) => t(`domain:flags.${f.kind}`)).join(", ") : t("case.noFlags"),
          ],
        }))}
      />
      {may.restrict && hasCustomer ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("restrict.summary")}</span>
          </summary>
          <div className="govuk-details__text">
            <IntentForm intent="restrict">
              <Textarea id="arrangement" label={t("restrict.arrangement")} hint={t("restrict.arrangementHint")} rows={3} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.arrangement ? t(errors.arrangement) : undefined} defaultValue={values.arrangement} />
              <DateInput name="reviewOn" legend={t("restrict.reviewOn")} hint={t("restrict.reviewOnHint")} error={errors.reviewOn ? t(errors.reviewOn) : undefined} errorParts={datePartsOf(result, "reviewOn")} value={submittedDate(values, "reviewOn")} />
              <Button secondary>{t("restrict.set")}</Button>
            </IntentForm>
            {restricted.length > 0 && may.lift ? (
              <StaffActionForm intent="lift" label={t("restrict.lift")} />
            ) : null}
          </div>
        </details>
      ) : null}
    </CaseSection>
  );
}
