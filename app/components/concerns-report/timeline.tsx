// Report form, timeline page: the dates we know from the journey and the person's own entries
// (each with a Remove button), then a date and a line to add another.
import { useTranslation } from "react-i18next";
import { Form } from "~/components/link";
import { CsrfInput, DateInput, submittedDate, SuccessBanner, Table, Textarea } from "~/components/form";
import { formatDate } from "~/lib/format";
import { useLang } from "~/lib/use-lang";
import { ReportFrame, type ReportPageProps } from "./page";

export type TimelineItem = { date: string; event: string; text?: string; index?: number };

export function TimelinePage({
  page,
  timeline,
  notice,
  exampleYear,
  submitted,
}: {
  page: ReportPageProps;
  timeline: TimelineItem[];
  /** "added" or "removed" after the person's last change. */
  notice: string | null;
  exampleYear: number;
  submitted: Record<string, string> | undefined;
}) {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const { errors, err, limit, limits, organisation } = page;
  const before = (
    <>
      {(notice === "added" || notice === "removed") && errors.length === 0 ? <SuccessBanner title={t("report.files.successTitle")}>{t(`report.timeline.${notice}`)}</SuccessBanner> : null}
      <p className="govuk-body">{t("report.timeline.intro")}</p>
      {timeline.length > 0 ? (
        <Table
          testId="timeline"
          caption={t("report.timeline.caption")}
          captionSize="m"
          columns={[{ label: t("report.timeline.date") }, { label: t("report.timeline.what") }, { label: t("report.timeline.remove"), hiddenLabel: true }]}
          rows={timeline.map((item, i) => ({
            key: i,
            cells: [
              { cell: formatDate(item.date, lang), className: "govuk-!-width-one-quarter" },
              { cell: item.event === "own" ? item.text : t(`report.timeline.events.${item.event}`, { organisation }), className: "ds-pre-wrap" },
              {
                className: "govuk-table__cell--numeric",
                cell:
                  item.event === "own" ? (
                    // Its own small form, so Remove never sends the half-typed new entry.
                    <Form method="post" action={page.formAction} noValidate>
                      <CsrfInput />
                      <button type="submit" name="intent" value={`remove:${item.index}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        {t("report.timeline.remove")}
                        <span className="govuk-visually-hidden"> {t("report.timeline.removeHidden", { date: formatDate(item.date, lang) })}</span>
                      </button>
                    </Form>
                  ) : null,
              },
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">{t("report.timeline.empty")}</p>
      )}
    </>
  );
  return (
    <ReportFrame page={page} before={before} continueIntent="continue">
      <h2 className="govuk-heading-m">{t("report.timeline.addHeading")}</h2>
      <DateInput
        name="entryDate"
        legend={t("report.timeline.entryDate")}
        legendSize="s"
        hint={t("date.hint", { example: `27 3 ${exampleYear}` })}
        error={err("entryDate")}
        errorParts={errors.find((e) => e.field.startsWith("entryDate"))?.parts}
        value={submittedDate(submitted, "entryDate")}
      />
      <Textarea
        id="entryText"
        label={t("report.timeline.entryText")}
        hint={t("report.timeline.entryTextHint")}
        error={err("entryText")}
        defaultValue={submitted?.entryText ?? ""}
        rows={3}
        maxLength={limits.timelineTextMax}
        limitText={limit(limits.timelineTextMax)}
      />
      <button type="submit" name="intent" value="add" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t("report.timeline.add")}
      </button>
    </ReportFrame>
  );
}
