// Linked cases and callbacks on the staff case page: what there is, and the form to add one.
import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";
import { ClockTag } from "~/components/clock-tag";
import { Button, IntentForm, Textarea, TextInput } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { CaseSection, type CasePart } from "./frame";

export function CaseLinks({ page, result: { errors, values } }: CasePart) {
  const { t } = useTranslation("staff-cases");
  const to = useLocalePath();
  const { found: c, may } = page;
  return (
    <CaseSection id="links" title={t("links.heading")}>
      {c.links.length === 0 ? (
        <p className="govuk-body">{t("links.none")}</p>
      ) : (
        <ul className="govuk-list" data-testid="links">
          {c.links.map((l) => (
            <li key={l.reference}>
              <Link className="govuk-link" to={to(`/staff/cases/${l.reference}`)}>
                {l.reference}
              </Link>{" "}
              – {l.title} ({t(`domain:statuses.${l.status}`)})
            </li>
          ))}
        </ul>
      )}
      {may.link ? (
        <IntentForm intent="link">
          <TextInput id="other" label={t("links.label")} hint={t("links.hint")} width="10" error={errors.other ? t(errors.other) : undefined} defaultValue={values.other} spellCheck={false} />
          <Button secondary>{t("links.submit")}</Button>
        </IntentForm>
      ) : null}
    </CaseSection>
  );
}

export function CaseCallbacks({ page, result: { errors, values } }: CasePart) {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  const { found: c, may } = page;
  return (
    <CaseSection id="callbacks" title={t("callbacks.heading")}>
      {c.callbacks.length > 0 ? (
        <ul className="govuk-list" data-testid="callbacks">
          {c.callbacks.map((cb) => (
            <li key={cb.id}>
              {cb.note} – {t("callbacks.due", { date: formatDateTime(cb.dueAt, lang) })} <ClockTag state={cb.state} />
              {!cb.doneAt && may.callbackDone ? (
                <IntentForm intent="callbackDone" inline hidden={{ callbackId: cb.id }}>
                  <Button secondary>{t("callbacks.done")}</Button>
                </IntentForm>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{t("callbacks.none")}</p>
      )}
      {may.callback ? (
        <IntentForm intent="callback">
          <Textarea id="note" label={t("callbacks.label")} hint={t("callbacks.hint")} rows={2} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.note ? t(errors.note) : undefined} defaultValue={values.note} />
          <Button secondary>{t("callbacks.submit")}</Button>
        </IntentForm>
      ) : null}
    </CaseSection>
  );
}
