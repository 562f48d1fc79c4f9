// The concern report section of the staff case page: what the customer told us beyond the
// summary, and the copies of correspondence they attached (downloads are audited).
import { useTranslation } from "react-i18next";
import { SummaryList, Table } from "./form";
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
      <SummaryList rows={rows.map(([key, value]) => ({ id: key, key: t(key), value }))} preWrap />
      <h3 className="govuk-heading-s">{t("attachments")}</h3>
      {concern.attachments.length === 0 ? (
        <p className="govuk-body">{t("noAttachments")}</p>
      ) : (
        <Table
          testId="attachments"
          caption={t("attachments")}
          captionSize="hidden"
          columns={[{ label: t("file") }, { label: t("type") }, { label: t("size"), numeric: true }, { label: t("download"), hiddenLabel: true }]}
          rows={concern.attachments.map((a) => ({
            key: a.id,
            cells: [
              { cell: a.fileName, className: "ds-break-word" },
              a.mediaType,
              `${Math.max(1, Math.round(a.sizeBytes / 1024))} KB`,
              <a key="download" className="govuk-link" href={to(`/staff/cases/${concern.reference}/attachments/${a.id}`)} download>
                {t("download")}
                <span className="govuk-visually-hidden"> {t("downloadHidden", { name: a.fileName })}</span>
              </a>,
            ],
          }))}
        />
      )}
    </section>
  );
}
