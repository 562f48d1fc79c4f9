// The case's timeline: every event in order, with what a note, contact or closure said.
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/format";
import type { StaffCaseView } from "~/lib/staff-case.server";
import { useLang } from "~/lib/use-lang";
import { CaseSection } from "./frame";

export function CaseTimeline({ c }: { c: StaffCaseView }) {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  return (
    <CaseSection id="timeline" title={t("case.timelineHeading")}>
      <ol className="govuk-list" data-testid="timeline">
        {c.events.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> – {t(`events.${e.kind}`, { defaultValue: t(`domain:caseEvents.${e.kind}`, { defaultValue: e.kind }) })}
            {e.actor ? ` (${e.actor})` : ""}
            <EventDetail kind={e.kind} data={e.data} />
          </li>
        ))}
      </ol>
    </CaseSection>
  );
}

function EventDetail({ kind, data: d }: { kind: string; data: Record<string, unknown> }) {
  const { t } = useTranslation("staff-cases");
  const s = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
  let text = "";
  if (kind === "note") text = s("text");
  else if (kind === "contact") text = `${t(`contact.methods.${s("method")}`)}, ${t(`contact.directions.${s("direction")}`)}: ${s("summary")}`;
  else if (kind === "closed") text = t(`domain:outcomes.${s("outcome")}`) + (s("with") ? ` (${s("with")})` : "");
  else if (kind === "type_changed") text = `${s("from")} → ${s("to")}`;
  else if (kind === "linked") text = s("reference");
  else if (kind === "no_further_contact") text = s("reason");
  else if (kind === "callback_requested") text = s("note");
  if (!text) return null;
  return <div className="govuk-body-s ds-pre-wrap govuk-!-margin-left-4">{text}</div>;
}
