// The top of the staff case page: the flags banner (read before anything else) and the case's
// details as a summary list.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/link";
import { SummaryList } from "~/components/form";
import { formatDate, formatDateTime } from "~/lib/format";
import type { StaffCaseView } from "~/lib/staff-case.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { CaseSection } from "./frame";

export function FlagBanner({ c }: { c: StaffCaseView }) {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  const to = useLocalePath();
  const flagged = c.parties.filter((p) => p.flags.length > 0);
  if (flagged.length === 0) return null;
  return (
    <div className="ds-flag-banner" role="region" aria-labelledby="flag-banner-title" data-testid="flag-banner">
      <h2 className="govuk-heading-m" id="flag-banner-title">
        {t("case.flagBanner")}
      </h2>
      <ul className="govuk-list">
        {flagged.flatMap((p) =>
          p.flags.map((f, i) => (
            <li key={`${p.id}-${i}`} data-flag={f.kind}>
              <strong>{t(`domain:flags.${f.kind}`)}</strong> ({p.name}): {lang === "cy" && f.summaryCy ? f.summaryCy : f.summary}
              {/* An adjustment's summary already ends with its review date (flagSummary). */}
              {f.reviewAt && f.kind !== "reasonable_adjustment" ? ` – ${t("case.reviewBy", { date: formatDate(f.reviewAt, lang) })}` : null}
              {f.adjustmentReference ? (
                <>
                  {" "}
                  <Link className="govuk-link" to={to(`/staff/adjustments/${f.adjustmentReference}`)}>
                    {f.adjustmentReference}
                  </Link>
                </>
              ) : null}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

export function CaseDetails({ c }: { c: StaffCaseView }) {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  const details: [string, ReactNode][] = [
    ["reference", c.reference],
    ["type", `${c.type} – ${t(`domain:caseTypes.${c.type}`)}`],
    ["status", <span data-testid="case-status">{t(`domain:statuses.${c.status}`)}</span>],
    ["outcome", c.outcome ? t(`domain:outcomes.${c.outcome}`) : "–"],
    ["officer", <span data-testid="case-officer">{c.assignedTo ?? t("case.unallocated")}</span>],
    ["queue", t(`domain:workQueues.${c.workQueue}`)],
    ["language", t(`domain:languages.${c.language}`)],
    ["channel", t(`domain:channels.${c.channel}`)],
    ["received", formatDateTime(c.createdAt, lang)],
    ["opened", formatDateTime(c.openedAt, lang)],
    ["instance", String(c.reopenCount + 1)],
    ["late", c.late ? t("case.yes") : t("case.no")],
  ];
  return (
    <CaseSection id="details" title={t("case.detailsHeading")}>
      <SummaryList rows={[...details.map(([key, value]) => ({ id: key, key: t(`case.${key}`), value })), { id: "summary", key: t("case.summary"), value: <span className="ds-pre-wrap">{c.summary}</span> }]} />
    </CaseSection>
  );
}
