// One case: flags first, then what to do next (each action is one form post, validated with
// zod on the server, written with its timeline event, audit row and outbox event together),
// the clocks, the parties, linked cases, callbacks and the timeline with notes and contacts.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ClockTag } from "~/components/clock-tag";
import { ConcernReport } from "~/components/concern-report";
import { Button, CsrfInput, ErrorSummary, Textarea, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { caseForStaff } from "~/lib/cases.server";
import { concernForStaff } from "~/lib/concerns-staff.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { allowedActions, CASE_TYPES, CONTACT_DIRECTIONS, CONTACT_METHODS, outcomesFor, parseReference, type CaseStatus, type CaseType } from "../../server/domain/cases";
import { can } from "../../server/auth/permissions";
import { CASE_INTENT_NAMES, mayCaseIntent, runCaseIntent, type CaseIntentName } from "~/lib/case-intents.server";

function referenceParam(value: string | undefined): string {
  const parsed = parseReference(value ?? "");
  if (!parsed) throw data({ reason: "notFound" }, { status: 404 });
  return (value ?? "").trim().toUpperCase();
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.read");
  const reference = referenceParam(params.reference);
  const found = await caseForStaff(context, reference);
  if (!found) throw data({ reason: "notFound" }, { status: 404 });
  // Every staff view of a case (and so of its customer's details) is recorded.
  await audit(context.services.prisma, { actorId: staff.id, action: "case.view", entityType: "Case", entityId: found.id, data: { reference: found.reference } });
  // What this person may do here: the page shows only those forms (the action checks again).
  const record = { assignedToId: found.assignedToId };
  const may = Object.fromEntries(CASE_INTENT_NAMES.map((name) => [name, mayCaseIntent(staff, name, record)])) as Record<CaseIntentName, boolean>;
  const officers = may.allocate
    ? await context.services.prisma.staffUser.findMany({ where: { active: true, roles: { hasSome: ["case_officer", "manager", "head_of_customer_contact"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  const snapshot = { type: found.type as CaseType, status: found.status as CaseStatus, openedAt: new Date(found.openedAt), workQueue: null, queuedAt: null, underWayAt: null, closedAt: found.closedAt ? new Date(found.closedAt) : null, outcome: null, reopenCount: found.reopenCount };
  return {
    found,
    concern: await concernForStaff(context, found.id),
    me: staff.id,
    may,
    acceptLate: can(staff, "case.complaint.late"),
    officers,
    allowed: allowedActions(snapshot, context.services.now()),
    outcomes: outcomesFor(found.type as CaseType),
  };
}

// Each intent (its fields, capability, whose case, domain call) is one row of the table in
// app/lib/case-intents.server.ts.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "case.read");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  return runCaseIntent({ context, staff, reference, form, lang: langFromPath(new URL(request.url).pathname) });
}

export default function StaffCase() {
  const { t } = useTranslation("staff-cases");
  const lang = useLang();
  const to = useLocalePath();
  const [params] = useSearchParams();
  const { found: c, concern, me, may, acceptLate, officers, allowed, outcomes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const summary = Object.entries(errors).map(([field, key]) => ({ field: result?.intent === "complaint" && field === "summary" ? "complaintSummary" : field, message: t(key) }));
  const done = params.get("done");
  const open = c.status !== "closed";
  const flagged = c.parties.filter((p) => p.flags.length > 0);
  const restricted = c.parties.flatMap((p) => p.flags.filter((f) => f.kind === "restricted_contact"));
  const hasCustomer = c.parties.some((p) => p.role === "customer");
  const intentForm = (intent: string, children: ReactNode, id?: string) => (
    <Form method="post" className="govuk-!-margin-bottom-6" id={id}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
  const section = (id: string, title: string, children: ReactNode) => (
    <section aria-labelledby={`h-${id}`} className="govuk-!-margin-bottom-6" data-section={id}>
      <h2 className="govuk-heading-m" id={`h-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
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
    <>
      <PageTitle title={`${c.reference} – ${c.title}`} error={summary.length > 0} />
      <Link to={to("/staff/cases")} className="govuk-back-link">
        {t("case.back")}
      </Link>
      {/* Correspondence (issue 14) lives on its own route: one link here. */}
      <p className="govuk-body">
        <Link className="govuk-link" to={to(`/staff/cases/${c.reference}/write`)} data-testid="write-link">
          {t("staff-correspondence:write.link")}
        </Link>
      </p>
      <ErrorSummary errors={summary} />
      {done && summary.length === 0 ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="done-title" data-testid="done-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="done-title">
              {t("case.successTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t(`done.${done}`, { defaultValue: t("done.saved") })}</p>
          </div>
        </div>
      ) : null}
      {flagged.length > 0 ? (
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
      ) : null}
      <span className="govuk-caption-l">{c.reference}</span>
      {/* Welsh cases carry "Welsh language" in the title itself. */}
      <h1 className="govuk-heading-l">{c.title}</h1>

      {section(
        "details",
        t("case.detailsHeading"),
        <dl className="govuk-summary-list">
          {details.map(([key, value]) => (
            <div key={key} className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t(`case.${key}`)}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("case.summary")}</dt>
            <dd className="govuk-summary-list__value ds-pre-wrap">{c.summary}</dd>
          </div>
        </dl>,
      )}

      {section(
        "actions",
        t("actions.heading"),
        <>
          {errors.action ? <p className="govuk-error-message" id="action">{t(errors.action)}</p> : null}
          {open && may.allocate
            ? intentForm(
                "allocate",
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="officer">
                    {t("actions.allocateLabel")}
                  </label>
                  <select className="govuk-select" id="officer" name="officer" defaultValue={c.assignedToId ?? ""}>
                    <option value="">{t("case.unallocated")}</option>
                    {officers.map((o: { id: string; name: string }) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>{" "}
                  <Button secondary>{t("actions.allocate")}</Button>
                </div>,
              )
            : null}
          {open && c.assignedToId !== me && may.take ? intentForm("take", <Button secondary>{t("actions.take")}</Button>) : null}
          {may.prepare && allowed.includes("start") ? (
            intentForm(
              "prepare",
              <>
                <p className="govuk-body">{t("actions.prepareHint")}</p>
                <Button>{t("actions.prepare")}</Button>
              </>,
            )
          ) : null}
          {may.progress && c.status === "under_way" && !c.clocks.find((k) => k.name === "answerBy")?.doneAt
            ? intentForm(
                "progress",
                <>
                  <p className="govuk-body">{t("actions.progressHint")}</p>
                  <Button secondary>{t("actions.progress")}</Button>
                </>,
              )
            : null}
          {open && may.close
            ? intentForm(
                "close",
                <>
                  <div className={`govuk-form-group${errors.outcome ? " govuk-form-group--error" : ""}`}>
                    <label className="govuk-label govuk-label--s" htmlFor="outcome">
                      {t("actions.outcomeLabel")}
                    </label>
                    {errors.outcome ? (
                      <p className="govuk-error-message" id="outcome-error">
                        <span className="govuk-visually-hidden">{t("common:errorPrefix")}:</span> {t(errors.outcome)}
                      </p>
                    ) : null}
                    <select className="govuk-select" id="outcome" name="outcome" defaultValue="" aria-describedby={errors.outcome ? "outcome-error" : undefined}>
                      <option value="">{t("actions.chooseOutcome")}</option>
                      {outcomes.map((o) => (
                        <option key={o} value={o}>
                          {t(`domain:outcomes.${o}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {c.links.some((l) => l.status !== "closed") ? (
                    <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id="closeLinked" name="closeLinked" type="checkbox" value="yes" />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor="closeLinked">
                          {t("actions.closeLinked", { references: c.links.filter((l) => l.status !== "closed").map((l) => l.reference).join(", ") })}
                        </label>
                      </div>
                    </div>
                  ) : null}
                  <Button>{t("actions.close")}</Button>
                </>,
              )
            : null}
          {open && may.changeType
            ? intentForm(
                "changeType",
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="type">
                    {t("actions.typeLabel")}
                  </label>
                  <select className="govuk-select" id="type" name="type" defaultValue={c.type}>
                    {CASE_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {type} – {t(`domain:caseTypes.${type}`)}
                      </option>
                    ))}
                  </select>{" "}
                  <Button secondary>{t("actions.changeType")}</Button>
                </div>,
              )
            : null}
          {c.status === "closed" && may.reopen ? (
            allowed.includes("reopen") ? (
              intentForm(
                "reopen",
                <>
                  <p className="govuk-body">{t("actions.reopenHint")}</p>
                  <Button secondary>{t("actions.reopen")}</Button>
                </>,
              )
            ) : (
              <p className="govuk-body" data-testid="reopen-tomorrow">{t("actions.reopenTomorrow")}</p>
            )
          ) : null}
          {c.status === "closed" && may.nfc && hasCustomer
            ? intentForm(
                "nfc",
                <>
                  <Textarea id="reason" label={t("actions.nfcLabel")} hint={t("actions.nfcHint")} rows={3} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.reason ? t(errors.reason) : undefined} defaultValue={values.reason} />
                  <Button secondary>{t("actions.nfc")}</Button>
                </>,
              )
            : null}
        </>,
      )}

      {concern ? <ConcernReport concern={concern} /> : null}

      {section(
        "clocks",
        t("case.clocksHeading"),
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">{t("case.clocksHeading")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("case.clock")}</th>
              <th scope="col" className="govuk-table__header">{t("case.due")}</th>
              <th scope="col" className="govuk-table__header">{t("case.state")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.clocks.map((clock) => (
              <tr key={clock.name} className="govuk-table__row" data-clock={clock.name}>
                <th scope="row" className="govuk-table__header">{t(c.type === "RCC" && clock.name === "underWayBy" ? "case.rccAcknowledge" : `domain:clocks.${clock.name}`)}</th>
                <td className="govuk-table__cell">{formatDate(clock.dueAt, lang)}</td>
                <td className="govuk-table__cell">
                  <ClockTag state={clock.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>,
      )}

      {section(
        "parties",
        t("case.partiesHeading"),
        <>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">{t("case.partiesHeading")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("case.role")}</th>
                <th scope="col" className="govuk-table__header">{t("case.name")}</th>
                <th scope="col" className="govuk-table__header">{t("case.email")}</th>
                <th scope="col" className="govuk-table__header">{t("case.language")}</th>
                <th scope="col" className="govuk-table__header">{t("case.flags")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {c.parties.map((p) => (
                <tr key={`${p.id}-${p.role}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{t(`domain:partyRoles.${p.role}`)}</td>
                  <td className="govuk-table__cell">{p.name}</td>
                  <td className="govuk-table__cell">{p.email ?? "–"}</td>
                  <td className="govuk-table__cell">{p.preferredLanguage ? t(`domain:languages.${p.preferredLanguage}`) : "–"}</td>
                  <td className="govuk-table__cell">{p.flags.length ? p.flags.map((f) => t(`domain:flags.${f.kind}`)).join(", ") : t("case.noFlags")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {may.restrict && hasCustomer ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t("restrict.summary")}</span>
              </summary>
              <div className="govuk-details__text">
                {intentForm(
                  "restrict",
                  <>
                    <Textarea id="arrangement" label={t("restrict.arrangement")} hint={t("restrict.arrangementHint")} rows={3} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.arrangement ? t(errors.arrangement) : undefined} defaultValue={values.arrangement} />
                    <div className={`govuk-form-group${errors.reviewOn ? " govuk-form-group--error" : ""}`}>
                      <label className="govuk-label" htmlFor="reviewOn">
                        {t("restrict.reviewOn")}
                      </label>
                      <div className="govuk-hint" id="reviewOn-hint">{t("restrict.reviewOnHint")}</div>
                      {errors.reviewOn ? <p className="govuk-error-message" id="reviewOn-error">{t(errors.reviewOn)}</p> : null}
                      <input className="govuk-input govuk-input--width-10" id="reviewOn" name="reviewOn" type="date" defaultValue={values.reviewOn} aria-describedby={`reviewOn-hint${errors.reviewOn ? " reviewOn-error" : ""}`} />
                    </div>
                    <Button secondary>{t("restrict.set")}</Button>
                  </>,
                )}
                {restricted.length > 0 && may.lift ? intentForm("lift", <Button secondary>{t("restrict.lift")}</Button>) : null}
              </div>
            </details>
          ) : null}
        </>,
      )}

      {section(
        "links",
        t("links.heading"),
        <>
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
          {may.link && intentForm(
            "link",
            <>
              <TextInput id="other" label={t("links.label")} hint={t("links.hint")} width="10" error={errors.other ? t(errors.other) : undefined} defaultValue={values.other} spellCheck={false} />
              <Button secondary>{t("links.submit")}</Button>
            </>,
          )}
        </>,
      )}

      {section(
        "callbacks",
        t("callbacks.heading"),
        <>
          {c.callbacks.length > 0 ? (
            <ul className="govuk-list" data-testid="callbacks">
              {c.callbacks.map((cb) => (
                <li key={cb.id}>
                  {cb.note} – {t("callbacks.due", { date: formatDateTime(cb.dueAt, lang) })} <ClockTag state={cb.state} />
                  {!cb.doneAt && may.callbackDone ? (
                    <Form method="post" className="govuk-!-display-inline-block govuk-!-margin-left-2">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="callbackDone" />
                      <input type="hidden" name="callbackId" value={cb.id} />
                      <Button secondary>{t("callbacks.done")}</Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">{t("callbacks.none")}</p>
          )}
          {may.callback && intentForm(
            "callback",
            <>
              <Textarea id="note" label={t("callbacks.label")} hint={t("callbacks.hint")} rows={2} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.note ? t(errors.note) : undefined} defaultValue={values.note} />
              <Button secondary>{t("callbacks.submit")}</Button>
            </>,
          )}
        </>,
      )}

      {may.contact && section(
        "contact",
        t("contact.heading"),
        intentForm(
          "contact",
          <>
            {restricted.length > 0 ? <p className="govuk-inset-text">{t("contact.restricted", { arrangement: restricted.map((f) => f.summary).join("; ") })}</p> : null}
            <div className="ds-filters">
              <div className={`govuk-form-group ds-filter${errors.method ? " govuk-form-group--error" : ""}`}>
                <label className="govuk-label" htmlFor="method">
                  {t("contact.method")}
                </label>
                {errors.method ? <p className="govuk-error-message">{t(errors.method)}</p> : null}
                <select className="govuk-select" id="method" name="method" defaultValue={values.method ?? "call"}>
                  {CONTACT_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(`contact.methods.${m}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className={`govuk-form-group ds-filter${errors.direction ? " govuk-form-group--error" : ""}`}>
                <label className="govuk-label" htmlFor="direction">
                  {t("contact.direction")}
                </label>
                {errors.direction ? <p className="govuk-error-message">{t(errors.direction)}</p> : null}
                <select className="govuk-select" id="direction" name="direction" defaultValue={values.direction ?? "out"}>
                  {CONTACT_DIRECTIONS.map((d) => (
                    <option key={d} value={d}>
                      {t(`contact.directions.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <Textarea id="summary" label={t("contact.summary")} rows={3} maxLength={5000} limitText={t("case.limit", { count: 5000 })} error={errors.summary && result?.intent === "contact" ? t(errors.summary) : undefined} defaultValue={result?.intent === "contact" ? values.summary : undefined} />
            <Button secondary>{t("contact.submit")}</Button>
          </>,
        ),
      )}

      {c.type !== "RCC" && may.complaint
        ? section(
            "complaint",
            t("complaint.heading"),
            intentForm(
              "complaint",
              <>
                <p className="govuk-body">{t("complaint.intro")}</p>
                <Textarea id="complaintSummary" name="summary" label={t("complaint.summary")} rows={3} maxLength={5000} limitText={t("case.limit", { count: 5000 })} error={errors.summary && result?.intent === "complaint" ? t(errors.summary) : undefined} defaultValue={result?.intent === "complaint" ? values.summary : undefined} />
                <div className={`govuk-form-group${errors.eventOn ? " govuk-form-group--error" : ""}`}>
                  <label className="govuk-label" htmlFor="eventOn">
                    {t("complaint.eventOn")}
                  </label>
                  <div className="govuk-hint" id="eventOn-hint">{t("complaint.eventOnHint")}</div>
                  {errors.eventOn ? <p className="govuk-error-message" id="eventOn-error">{t(errors.eventOn)}</p> : null}
                  <input className="govuk-input govuk-input--width-10" id="eventOn" name="eventOn" type="date" defaultValue={values.eventOn} aria-describedby={`eventOn-hint${errors.eventOn ? " eventOn-error" : ""}`} />
                </div>
                {acceptLate ? (
                  <>
                    <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id="acceptLate" name="acceptLate" type="checkbox" value="yes" />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor="acceptLate">
                          {t("complaint.acceptLate")}
                        </label>
                      </div>
                    </div>
                    <Textarea id="lateReason" label={t("complaint.lateReason")} optional rows={2} maxLength={2000} limitText={t("case.limit", { count: 2000 })} error={errors.lateReason ? t(errors.lateReason) : undefined} defaultValue={values.lateReason} />
                  </>
                ) : null}
                <Button secondary>{t("complaint.submit")}</Button>
              </>,
            ),
          )
        : null}

      {may.note && section(
        "note",
        t("notes.heading"),
        intentForm(
          "note",
          <>
            <Textarea id="text" label={t("notes.label")} hint={t("notes.hint")} rows={3} maxLength={5000} limitText={t("case.limit", { count: 5000 })} error={errors.text ? t(errors.text) : undefined} defaultValue={values.text} />
            <Button secondary>{t("notes.submit")}</Button>
          </>,
        ),
      )}

      {section(
        "timeline",
        t("case.timelineHeading"),
        <ol className="govuk-list" data-testid="timeline">
          {c.events.map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> – {t(`events.${e.kind}`, { defaultValue: t(`domain:caseEvents.${e.kind}`, { defaultValue: e.kind }) })}
              {e.actor ? ` (${e.actor})` : ""}
              <EventDetail kind={e.kind} data={e.data} />
            </li>
          ))}
        </ol>,
      )}
    </>
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
