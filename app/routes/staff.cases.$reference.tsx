import { useTranslation } from "react-i18next";
import { data, Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { ClockTag } from "~/components/clock-tag";
import { ConcernReport } from "~/components/concern-report";
import { PageTitle } from "~/components/layout";
import { caseForStaff } from "~/lib/cases.server";
import { concernForStaff } from "~/lib/concerns-staff.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { requireStaff } from "~/lib/staff.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { parseReference } from "../../server/domain/cases";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  const parsed = parseReference(params.reference ?? "");
  const found = parsed ? await caseForStaff(context, params.reference!.trim().toUpperCase()) : null;
  if (!found) throw data({ reason: "notFound" }, { status: 404 });
  // Every staff view of a case (and so of its customer's details) is recorded.
  await audit(context.services.prisma, { actorId: staff.id, action: "case.view", entityType: "Case", entityId: found.id, data: { reference: found.reference } });
  return { found, concern: await concernForStaff(context, found.id) };
}

export default function StaffCase() {
  const { t } = useTranslation("staff");
  const lang = useLang();
  const to = useLocalePath();
  const { found: c, concern } = useLoaderData<typeof loader>();
  const flagged = c.parties.filter((p) => p.flags.length > 0);
  const details = [
    ["reference", c.reference],
    ["type", t(`domain:caseTypes.${c.type}`)],
    ["status", t(`domain:statuses.${c.status}`)],
    ["queue", t(`domain:workQueues.${c.workQueue}`)],
    ["language", t(`domain:languages.${c.language}`)],
    ["channel", t(`domain:channels.${c.channel}`)],
    ["received", formatDateTime(c.createdAt, lang)],
    ["opened", formatDateTime(c.openedAt, lang)],
    ["late", c.late ? t("case.yes") : t("case.no")],
  ] as const;
  return (
    <>
      <PageTitle title={`${c.reference} – ${c.title}`} />
      <Link to={to("/staff/cases")} className="govuk-back-link">
        {t("case.back")}
      </Link>
      {flagged.length > 0 ? (
        <div className="ds-flag-banner" role="region" aria-labelledby="flag-banner-title" data-testid="flag-banner">
          <h2 className="govuk-heading-m" id="flag-banner-title">
            {t("case.flagBanner")}
          </h2>
          <ul className="govuk-list">
            {flagged.flatMap((p) =>
              p.flags.map((f, i) => (
                <li key={`${p.id}-${i}`}>
                  <strong>{t(`domain:flags.${f.kind}`)}</strong> ({p.name}): {lang === "cy" && f.summaryCy ? f.summaryCy : f.summary}
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
      <h1 className="govuk-heading-l">{c.title}</h1>

      <h2 className="govuk-heading-m">{t("case.detailsHeading")}</h2>
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
      </dl>

      {concern ? <ConcernReport concern={concern} /> : null}

      <h2 className="govuk-heading-m">{t("case.clocksHeading")}</h2>
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
              <th scope="row" className="govuk-table__header">{t(`domain:clocks.${clock.name}`)}</th>
              <td className="govuk-table__cell">{formatDate(clock.dueAt, lang)}</td>
              <td className="govuk-table__cell">
                <ClockTag state={clock.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">{t("case.partiesHeading")}</h2>
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

      <h2 className="govuk-heading-m">{t("case.timelineHeading")}</h2>
      <ol className="govuk-list">
        {c.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> – {t(`domain:caseEvents.${e.kind}`)}
            {e.actor ? ` (${e.actor})` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}
