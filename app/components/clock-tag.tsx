import { useTranslation } from "react-i18next";

const CLASSES: Record<string, string> = {
  overdue: "govuk-tag govuk-tag--red",
  missed: "govuk-tag govuk-tag--red",
  due_soon: "govuk-tag govuk-tag--yellow",
  on_time: "govuk-tag govuk-tag--grey",
  met: "govuk-tag govuk-tag--green",
};

export function ClockTag({ state }: { state: string | null }) {
  const { t } = useTranslation("domain");
  if (!state) return null;
  return <strong className={CLASSES[state] ?? "govuk-tag"}>{t(`clockStates.${state}`)}</strong>;
}
