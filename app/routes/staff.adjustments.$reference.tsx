// One adjustment request: what was asked, who is dealing with it, the decision, the flag, the
// check, the review, any appeal, and removal. The sensitive text shows only to those allowed.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { Button, ErrorSummary, IntentForm, Radios, StaffActionForm, SuccessBanner, SummaryList, type SummaryRow, Textarea } from "~/components/form";
import { ClockTag } from "~/components/clock-tag";
import { PageTitle } from "~/components/layout";
import { describeNeed } from "~/lib/adjustments-labels";
import { adjustmentForStaff, referenceParam } from "~/lib/adjustments-staff.server";
import { runAdjustmentIntent } from "~/lib/adjustment-intents.server";
import { formatDate, formatDateTime, formatNumber } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { DECISION_TEXT_MAX } from "../../server/domain/adjustments/decision";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.read");
  const reference = referenceParam(params.reference);
  const found = await adjustmentForStaff(context, staff, reference);
  await audit(context.services.prisma, { actorId: staff.id, action: "adjustment.view", entityType: "AdjustmentRequest", entityId: found.id, data: { reference } });
  return { found };
}

// Each intent (its fields, capability and domain call) is one row of the table in
// app/lib/adjustment-intents.server.ts.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.read");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  return runAdjustmentIntent({ context, staff, reference, form, lang: langFromPath(new URL(request.url).pathname) });
}

export default function AdjustmentDetail() {
  const { t } = useTranslation("staff-adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const [params] = useSearchParams();
  const { found: a } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: t(key) }));
  const na = t("detail.notGiven");
  const date = (value: string | null) => (value ? formatDate(value, lang) : "–");
  const how = a.replyBy ? t(`adjustments:how.${a.replyBy}`) : "";
  const agreed = new Set(a.agreed);
  const needList = (codes: string[]) => (
    <ul className="govuk-list">
      {codes.map((c) => (
        <li key={c}>{label(c)}</li>
      ))}
    </ul>
  );
  const label = (code: string) => (code === "other" ? `${t("adjustments:need.other")}: ${a.otherNeed ?? ""}` : describeNeed(a.needs.find((n) => n.code === code) ?? { code: code as never }, t));
  const row = (id: string, key: string, value: ReactNode): SummaryRow => ({ id, key, value });
  // A list's rows, leaving out those that do not apply.
  const rows = (...list: (SummaryRow | null)[]) => list.filter((r): r is SummaryRow => r !== null);
  return (
    <>
      <PageTitle title={t("detail.title", { reference: a.reference })} error={summary.length > 0} />
      <Link to={to("/staff/adjustments")} className="govuk-back-link">
        {t("detail.back")}
      </Link>
      <ErrorSummary errors={summary} />
      {params.get("saved") && summary.length === 0 ? (
        <SuccessBanner title={t("detail.successTitle")}>{t("detail.done")}</SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">{a.reference}</span>
      <h1 className="govuk-heading-l">
        {t("detail.title", { reference: a.reference })} <strong className="govuk-tag" data-testid="status">{t(`status.${a.status}`)}</strong>
      </h1>

      {a.status === "removed" ? (
        <p className="govuk-body" data-testid="removed-note">
          {t("detail.removed", { date: formatDate(`${a.removalRequestedOn}T12:00:00Z`, lang) })}
        </p>
      ) : (
        <>
          <h2 className="govuk-heading-m">{t("detail.requestHeading")}</h2>
          <SummaryList
            preWrap
            rows={rows(
              row(
                "needs",
                t("detail.needs"),
                <ul className="govuk-list">
                  {a.needs.map((n) => (
                    <li key={n.code}>{describeNeed(n, t)}</li>
                  ))}
                </ul>,
              ),
              row("other", t("detail.other"), a.otherNeed ?? na),
              row("duration", t("detail.duration"), a.duration ? t(`duration.${a.duration}`) : na),
              row(
                "case",
                t("detail.case"),
                a.caseReference ? (
                  <>
                    <Link className="govuk-link" to={to(`/staff/cases/${a.caseReference}`)}>
                      {a.caseReference}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{a.caseCustomerMatches ? t("detail.caseCustomerMatches") : t("detail.caseCustomerDiffers")}</span>
                  </>
                ) : (
                  t("detail.noCase")
                ),
              ),
              row("received", t("detail.received"), formatDateTime(a.receivedAt, lang)),
              row("language", t("detail.language"), t(`adjustments:languageName.${a.language}`)),
              row(
                "decisionDue",
                t("detail.decisionDue"),
                <>
                  {formatDateTime(a.decisionDueAt, lang)} <ClockTag state={a.decisionState} />
                </>,
              ),
              row("assignedTo", t("detail.assignedTo"), a.assignedTo ?? t("detail.nobody")),
            )}
          />
          {a.can.take ? <StaffActionForm intent="take" label={t("detail.take")} /> : null}

          <h2 className="govuk-heading-m">{t("detail.contactHeading")}</h2>
          <SummaryList
            preWrap
            rows={rows(
              row("name", t("detail.name"), a.name ?? na),
              row("email", t("detail.email"), a.email ?? na),
              row("phone", t("detail.phone"), a.phone ?? na),
              a.postalAddress ? row("address", t("detail.address"), a.postalAddress) : null,
              row("replyBy", t("detail.replyBy"), a.replyBy ? t(`replyBy.${a.replyBy}`) : na),
            )}
          />

          <h2 className="govuk-heading-m">{t("detail.difficultyHeading")}</h2>
          <div data-testid="difficulty">
            {a.consentWithdrawnAt && !a.hasDifficulty ? (
              <p className="govuk-body">{t("detail.difficultyWithdrawn", { date: date(a.consentWithdrawnAt) })}</p>
            ) : !a.hasDifficulty ? (
              <p className="govuk-body">{t("detail.difficultyNone")}</p>
            ) : a.mayReadDifficulty ? (
              <>
                <div className="govuk-inset-text ds-pre-wrap" data-testid="difficulty-text">
                  {a.difficulty}
                </div>
                <p className="govuk-body-s">{t("detail.difficultyConsent", { date: date(a.difficultyConsentAt) })}</p>
                {a.can.act ? <StaffActionForm intent="withdrawConsent" label={t("detail.withdrawConsent")} /> : null}
              </>
            ) : (
              <p className="govuk-body" data-testid="difficulty-hidden">
                {t("detail.difficultyHidden")}
              </p>
            )}
          </div>

          <h2 className="govuk-heading-m">{t("detail.decisionHeading")}</h2>
          {a.decidedAt ? (
            <SummaryList
              testId="decision"
              preWrap
              rows={rows(
                row("decidedBy", t("detail.decisionHeading"), `${t(`status.${a.status}`)} – ${t("detail.decidedBy", { name: a.decidedBy ?? "", date: formatDateTime(a.decidedAt, lang) })}`),
                a.status !== "declined" ? row("agreed", t("detail.agreedList"), needList(a.agreeable.filter((c) => agreed.has(c)))) : null,
                a.status === "partly_agreed" ? row("notAgreed", t("detail.notAgreedList"), needList(a.agreeable.filter((c) => !agreed.has(c)))) : null,
                a.status === "partly_agreed" ? row("instead", t("detail.instead"), a.instead) : null,
                a.status === "declined" ? row("reasons", t("detail.reasons"), a.reasons) : null,
                a.status === "declined" ? row("alternatives", t("detail.alternatives"), a.alternatives) : null,
                a.status === "declined" ? row("complain", t("detail.rightToComplain"), t("detail.yes")) : null,
                row("told", t("detail.told"), a.decisionToldAt ? t("detail.toldAt", { how, date: formatDateTime(a.decisionToldAt, lang) }) : t("detail.notTold", { how })),
                a.flagSummary ? row("flag", t("detail.flag"), t("detail.flagActive", { summary: lang === "cy" && a.flagSummaryCy ? a.flagSummaryCy : a.flagSummary })) : null,
                a.status !== "declined" ? row("review", t("detail.reviewDue"), a.reviewDueAt ? date(a.reviewDueAt) : t("detail.noReview")) : null,
                a.headNotifiedAt ? row("head", t("detail.headNotice"), `${t("detail.headNotified", { date: date(a.headNotifiedAt) })}${a.headSeenAt ? `; ${t("detail.headSeen", { date: date(a.headSeenAt) })}` : ""}`) : null,
              )}
            />
          ) : (
            <p className="govuk-body">{t("detail.notDecided")}</p>
          )}
          {a.can.decide ? (
            <p className="govuk-body">
              <Link className="govuk-button" to={to(`/staff/adjustments/${a.reference}/decide`)} data-testid="decide">
                {a.decidedAt ? t("detail.decideAgain") : t("detail.decide")}
              </Link>
            </p>
          ) : null}
          {a.can.tell ? <StaffActionForm intent="told" label={t("detail.markTold")} /> : null}
          {a.can.seen ? <StaffActionForm intent="seen" label={t("register.markSeen")} /> : null}
          {a.can.review ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={to(`/staff/adjustments/${a.reference}/review`)}>
                {t("detail.recordReview")}
              </Link>
            </p>
          ) : null}

          {a.checkDueAt ? (
            <>
              <h2 className="govuk-heading-m">{t("detail.checkHeading")}</h2>
              {a.checkedAt ? (
                <p className="govuk-body">
                  {t("detail.checked", { date: date(a.checkedAt), result: a.checkWorked ? t("detail.worked") : t("detail.notWorked") })}
                  {a.checkNote ? (
                    <>
                      <br />
                      <span className="ds-pre-wrap">{a.checkNote}</span>
                    </>
                  ) : null}
                </p>
              ) : (
                <p className="govuk-body">
                  {t("detail.checkDue", { date: date(a.checkDueAt) })} <ClockTag state={a.checkState} />
                </p>
              )}
              {a.can.check ? (
                <IntentForm intent="check" noValidate>
                  <Radios
                    name="worked"
                    legend={t("detail.checkWorked")}
                    legendSize="s"
                    error={errors.worked ? t(errors.worked) : undefined}
                    value={result?.values?.worked ?? ""}
                    options={[
                      { value: "yes", label: t("detail.yes") },
                      { value: "no", label: t("detail.no") },
                    ]}
                  />
                  <Textarea
                    id="note"
                    label={t("detail.checkNote")}
                    optional
                    rows={3}
                    error={errors.note ? t(errors.note) : undefined}
                    defaultValue={result?.values?.note ?? ""}
                    maxLength={DECISION_TEXT_MAX}
                    limitText={t("decide.textLimit", { limit: formatNumber(DECISION_TEXT_MAX, lang) })}
                  />
                  <Button secondary>{t("detail.recordCheck")}</Button>
                </IntentForm>
              ) : null}
            </>
          ) : null}

          <h2 className="govuk-heading-m">{t("detail.conferenceHeading")}</h2>
          {a.conferences.length === 0 ? <p className="govuk-body">{t("detail.noConference")}</p> : null}
          {a.conferences.map((c) => (
            <p key={c.id} className="govuk-body">
              {t("conference.openedOn", { date: date(c.openedAt) })}
              {c.decidedAt ? ` – ${t("conference.decidedOn", { date: date(c.decidedAt), outcome: t(`conference.${c.outcome}`) })}` : ""}
            </p>
          ))}
          {a.can.appeal || a.can.conference ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={to(`/staff/adjustments/${a.reference}/conference`)}>
                {a.can.appeal ? t("detail.openAppeal") : t("detail.conference")}
              </Link>
            </p>
          ) : null}

          {a.can.act ? (
            <>
              <h2 className="govuk-heading-m">{t("detail.removeHeading")}</h2>
              <p className="govuk-body">{t("detail.removeIntro")}</p>
              <p className="govuk-body">
                <Link className="govuk-link" to={to(`/staff/adjustments/${a.reference}/remove`)}>
                  {t("detail.remove")}
                </Link>
              </p>
            </>
          ) : null}
        </>
      )}

      <h2 className="govuk-heading-m">{t("detail.timelineHeading")}</h2>
      <ol className="govuk-list" data-testid="timeline">
        {a.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> – {t(`events.${e.kind}`)}
            {e.actor ? ` (${e.actor})` : ""}
            {e.text ? <blockquote className="govuk-inset-text govuk-!-margin-top-1" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{e.text}</blockquote> : null}
            {e.inboundId ? (
              <Link className="govuk-link" to={to(`/staff/mail/${e.inboundId}`)} data-testid="event-email">
                {t("detail.openEmail")}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
