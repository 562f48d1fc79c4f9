import { useTranslation } from "react-i18next";

const CLASSES: Record<string, string> = {
  overdue: "govuk-tag govuk-tag--red",
  missed: "govuk-tag govuk-tag--red",
  due_soon: "govuk-tag govuk-tag--yellow",
  on_time: "govuk-tag govuk-tag--grey",
  met: "govuk-tag govuk-tag--green",
};

/** The tag's classes for a clock state (a long list draws its tags itself, without a translation hook per row). */
export const clockTagClass = (state: string) => CLASSES[state] ?? "govuk-tag";

export function ClockTag({ state }: { state: string | null }) {
  const { t } = useTranslation("domain");
  if (!state) return null;
  return <strong className={clockTagClass(state)}>{t(`clockStates.${state}`)}</strong>;
}
