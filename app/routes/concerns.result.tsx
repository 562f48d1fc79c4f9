// The assistant's answer: one of the outcomes of DESIGN §1, with why, what to do next, and
// (where it helps) a ready letter, a date to come back, another body, or the report form.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { HelperList, JourneyAnswers } from "~/components/concerns";
import { PageTitle } from "~/components/layout";
import { capitalise, journeyAnswerRows } from "~/lib/concerns-ui";
import { stepPath } from "~/lib/concerns";
import { loadJourney, redirectToJourney } from "~/lib/concerns.server";
import { formatDate } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { nextReportStep, type Outcome } from "../../server/domain/concerns";
import { authorityFor, COUNTRIES_WITH_REGIONAL_AUTHORITIES, EEA_AUTHORITIES_SOURCE, helper, HELPERS, marketingHelpers } from "../../server/domain/concerns/remit.js";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang, draft, evaluation } = await loadJourney(request, context);
  if (!evaluation.outcome) redirectToJourney(evaluation, lang);
  const outcome = evaluation.outcome as Outcome;
  const late = outcome.kind === "report_late";
  const reportStart = outcome.kind === "report" || late ? nextReportStep(draft.report, late) : null;
  return {
    outcome,
    path: evaluation.path,
    answers: draft.answers,
    authority: outcome.kind === "outside_uk_eea" ? authorityFor(outcome.country) : null,
    reportHref: reportStart ? `/concerns/report/${reportStart}` : "/concerns/report/check",
    nuisanceHref: outcome.kind === "marketing" || outcome.kind === "premium_rate" ? localePath(`/report-nuisance?kind=${outcome.channel}`, lang) : null,
  };
}

export default function ConcernResult() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const { outcome, path, answers, authority, reportHref, nuisanceHref } = useLoaderData<typeof loader>();
  const organisation = answers.organisation ?? "";
  const date = (iso: string) => formatDate(iso, lang);
  const letterLink = (kind: string, label: string, secondary = false) => (
    <Link to={to(`/concerns/letter/${kind}`)} role="button" draggable="false" className={`govuk-button${secondary ? " govuk-button--secondary" : ""}`} data-module="govuk-button">
      {label}
    </Link>
  );
  const country = outcome.kind === "outside_uk_eea" ? t(`countries.${outcome.country}`) : "";
  const title = t(`outcomes.${outcome.kind}.title`, { organisation, country });

  let body;
  switch (outcome.kind) {
    case "raise_first":
      body = (
        <>
          <p className="govuk-body">{t("outcomes.raise_first.why")}</p>
          <h2 className="govuk-heading-m">{t("outcomes.nextHeading")}</h2>
          <p className="govuk-body">{t("outcomes.raise_first.next")}</p>
          {letterLink(outcome.letter, t("outcomes.letterButton"))}
          <p className="govuk-body">{t(answers.topic === "credit" ? "outcomes.raise_first.reply_credit" : "outcomes.raise_first.reply_personal")}</p>
          {answers.topic === "personal" ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">{t("outcomes.raise_first.exceptions")}</p>
              <Link className="govuk-link" to={to(`${stepPath("exceptions")}?change=result`)}>
                {t("outcomes.raise_first.exceptionsLink")}
              </Link>
            </div>
          ) : null}
        </>
      );
      break;
    case "wait":
      body = (
        <>
          <p className="govuk-body">{t(`outcomes.wait.${outcome.basis}`, { from: date(outcome.from), deadline: date(outcome.deadline) })}</p>
          {outcome.basis === "request" || outcome.basis.startsWith("review") ? <p className="govuk-body">{t("outcomes.workingDays")}</p> : null}
          <div className="govuk-inset-text" data-testid="come-back">
            <p className="govuk-body govuk-!-font-weight-bold">{t("outcomes.wait.comeBack", { date: date(outcome.comeBackOn) })}</p>
          </div>
          {/* Reminders (issue 14): email them on that day with a link back to these answers. */}
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/concerns/remind")} data-testid="remind-link">
              {t("reminders:remind.link", { date: date(outcome.comeBackOn) })}
            </Link>
          </p>
          <p className="govuk-body">{t("outcomes.wait.saveHint")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to(`/concerns/save?from=${encodeURIComponent("/concerns/result")}`)}>
              {t("actions.save")}
            </Link>
          </p>
        </>
      );
      break;
    case "internal_review_first":
      body = (
        <>
          <p className="govuk-body">{t("outcomes.internal_review_first.why")}</p>
          <h2 className="govuk-heading-m">{t("outcomes.nextHeading")}</h2>
          <p className="govuk-body">{t("outcomes.internal_review_first.next")}</p>
          {outcome.windowClosed ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">{t("outcomes.internal_review_first.windowClosed", { date: date(outcome.askBy) })}</strong>
            </div>
          ) : (
            <p className="govuk-body">{t(outcome.eir ? "outcomes.internal_review_first.window_eir" : "outcomes.internal_review_first.window_foi", { date: date(outcome.askBy) })}</p>
          )}
          {letterLink(outcome.letter, t("outcomes.letterButton"))}
          <p className="govuk-body">{t(outcome.eir ? "outcomes.internal_review_first.reply_eir" : "outcomes.internal_review_first.reply_foi")}</p>
          <p className="govuk-body">{t("outcomes.workingDays")}</p>
        </>
      );
      break;
    case "report":
    case "report_late":
      body = (
        <>
          {outcome.kind === "report_late" ? (
            <>
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">{t("outcomes.report_late.warning", { organisation, lastContact: date(outcome.lastContact) })}</strong>
              </div>
              <p className="govuk-body">{t("outcomes.report_late.why")}</p>
              <p className="govuk-body">
                {t("outcomes.report_late.disability")}{" "}
                <Link className="govuk-link" to={to("/adjustments")}>
                  {t("outcomes.report_late.adjustmentsLink")}
                </Link>
              </p>
            </>
          ) : (
            <p className="govuk-body">{t(`outcomes.report.${outcome.reason}`, { organisation })}</p>
          )}
          <p className="govuk-body">{t("outcomes.report.what")}</p>
          <Link to={to(reportHref)} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button" data-testid="start-report">
            {t("outcomes.report.start")}
          </Link>
          {outcome.letter === "sar_chase" ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">{t("outcomes.report.chase", { organisation })}</p>
              <Link className="govuk-link" to={to("/concerns/letter/sar_chase")}>
                {t("outcomes.report.chaseLink")}
              </Link>
            </div>
          ) : null}
        </>
      );
      break;
    case "not_in_remit":
      body = (
        <>
          <p className="govuk-body">{t("outcomes.not_in_remit.why")}</p>
          <h2 className="govuk-heading-m">{t("outcomes.not_in_remit.next")}</h2>
          <HelperList helpers={HELPERS} />
          <p className="govuk-body">
            <Link className="govuk-link" to={to(`${stepPath("topic")}?change=result`)}>
              {t("outcomes.not_in_remit.change")}
            </Link>
          </p>
        </>
      );
      break;
    case "outside_uk_eea":
      body = (
        <>
          <p className="govuk-body">{t("outcomes.outside_uk_eea.why", { organisation, country })}</p>
          {authority ? (
            <div className="govuk-inset-text" data-testid="authority">
              <h2 className="govuk-heading-m">{capitalise(t("outcomes.outside_uk_eea.authority", { country }))}</h2>
              <p className="govuk-body govuk-!-font-weight-bold">{authority.name}</p>
              <p className="govuk-body">
                <a className="govuk-link" href={authority.url} rel="noreferrer">
                  {t("outcomes.outside_uk_eea.website", { url: authority.url.replace(/^https:\/\//, "") })}
                </a>
              </p>
              {COUNTRIES_WITH_REGIONAL_AUTHORITIES.includes(authority.country) ? <p className="govuk-body">{t(`outcomes.outside_uk_eea.note_${authority.country}`)}</p> : null}
            </div>
          ) : null}
          <p className="govuk-body">
            <a className="govuk-link" href={EEA_AUTHORITIES_SOURCE} hrefLang="en" rel="noreferrer">
              {t("outcomes.outside_uk_eea.all")}
            </a>
          </p>
        </>
      );
      break;
    case "outside_uk_elsewhere":
      body = (
        <>
          <p className="govuk-body">{t("outcomes.outside_uk_elsewhere.why", { organisation })}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={to(`${stepPath("location")}?change=result`)}>
              {t("outcomes.outside_uk_elsewhere.change")}
            </Link>
          </p>
        </>
      );
      break;
    case "marketing":
    case "premium_rate": {
      const premium = outcome.kind === "premium_rate";
      const start = (
        <a href={nuisanceHref!} role="button" draggable="false" className={`govuk-button${premium ? " govuk-button--secondary" : ""}`} data-module="govuk-button" data-testid="nuisance-link">
          {t(`outcomes.marketing.start_${outcome.channel}`)}
        </a>
      );
      const others = marketingHelpers(outcome.channel, premium).filter((id) => !premium || id !== "phone_paid_services");
      body = premium ? (
        <>
          <p className="govuk-body">{t("outcomes.premium_rate.why")}</p>
          <HelperList helpers={[helper("phone_paid_services")]} />
          <p className="govuk-body">{t("outcomes.premium_rate.alsoReport")}</p>
          {start}
          {others.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">{t("outcomes.marketing.alsoHeading")}</h2>
              <HelperList helpers={others.map(helper)} />
            </>
          ) : null}
        </>
      ) : (
        <>
          <p className="govuk-body">{t("outcomes.marketing.why")}</p>
          {start}
          {others.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">{t("outcomes.marketing.alsoHeading")}</h2>
              <HelperList helpers={others.map(helper)} />
            </>
          ) : null}
        </>
      );
      break;
    }
  }

  return (
    <div className="govuk-grid-row" data-outcome={outcome.kind}>
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <span className="govuk-caption-l">{t("caption")}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {body}
        <details className="govuk-details govuk-!-margin-top-6">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("summary.heading")}</span>
          </summary>
          <div className="govuk-details__text">
            <JourneyAnswers rows={journeyAnswerRows(t, lang, { path, answers, changeFrom: "result" })} />
          </div>
        </details>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/concerns")}>
            {t("outcomes.startAgain")}
          </Link>
        </p>
      </div>
    </div>
  );
}
