// The concern report section of the staff case page: what the customer told us beyond the
// summary, and the copies of correspondence they attached (downloads are audited).
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLang, useLocalePath } from "~/lib/use-lang";

type Concern = {
  reference: string;
  reason: string | null;
  exceptions: string[];
  lateReason: string | null;
  lateDisability: boolean | null;
  wanted: string;
  timeline: { date: string; event: string; text?: string }[];
  representative: { actingFor: string; relationship: string; authority: string | null } | null;
  contact: { method: string; phone: string | null; address: string | null } | null;
  adjustments: { needed: boolean; detail: string | null } | null;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
};

export function ConcernReport({ concern }: { concern: Concern }) {
  const { t } = useTranslation("staff-concerns");
  const lang = useLang();
  const to = useLocalePath();
  const rows: [string, React.ReactNode][] = [];
  if (concern.reason) rows.push(["reason", t(`reasons.${concern.reason}`)]);
  if (concern.exceptions.length > 0) rows.push(["exceptions", concern.exceptions.join(", ")]);
  if (concern.lateReason !== null) {
    rows.push(["lateReason", concern.lateReason]);
    rows.push(["lateDisability", concern.lateDisability ? t("yes") : t("no")]);
  }
  rows.push(["wanted", concern.wanted]);
  if (concern.representative) {
    const r = concern.representative;
    rows.push(["representative", t("representativeValue", { name: r.actingFor, relationship: r.relationship, authority: r.authority ? t(`authorities.${r.authority}`) : "–" })]);
  }
  if (concern.contact) {
    rows.push(["contactMethod", t(`contactMethods.${concern.contact.method}`)]);
    if (concern.contact.address) rows.push(["address", concern.contact.address]);
  }
  rows.push(["adjustments", concern.adjustments?.needed ? concern.adjustments.detail || t("adjustmentsYes") : t("adjustmentsNone")]);
  rows.push([
    "timeline",
    <ul key="timeline" className="govuk-list">
      {concern.timeline.map((item, i) => (
        <li key={i}>
          <strong>{formatDate(item.date, lang)}</strong> – {t(`events.${item.event}`)}
          {item.text ? `: ${item.text}` : ""}
        </li>
      ))}
    </ul>,
  ]);
  return (
    <section aria-labelledby="concern-report-heading" data-testid="concern-report">
      <h2 className="govuk-heading-m" id="concern-report-heading">
        {t("heading")}
      </h2>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div key={key} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t(key)}</dt>
            <dd className="govuk-summary-list__value ds-pre-wrap">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="govuk-heading-s">{t("attachments")}</h3>
      {concern.attachments.length === 0 ? (
        <p className="govuk-body">{t("noAttachments")}</p>
      ) : (
        <table className="govuk-table" data-testid="attachments">
          <caption className="govuk-visually-hidden">{t("attachments")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("file")}</th>
              <th scope="col" className="govuk-table__header">{t("type")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("size")}</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">{t("download")}</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {concern.attachments.map((a) => (
              <tr key={a.id} className="govuk-table__row">
                <td className="govuk-table__cell ds-break-word">{a.fileName}</td>
                <td className="govuk-table__cell">{a.mediaType}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{Math.max(1, Math.round(a.sizeBytes / 1024))} KB</td>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={to(`/staff/cases/${concern.reference}/attachments/${a.id}`)} download>
                    {t("download")}
                    <span className="govuk-visually-hidden"> {t("downloadHidden", { name: a.fileName })}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
