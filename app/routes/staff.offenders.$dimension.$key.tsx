// One repeat offender: counts, reports per week (an SVG chart and the same figures as a table),
// linked identities, the contacts with what people said, CSV export, and "Open a case".
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { z } from "zod";
import { Button, ChoiceItems, CsrfInput, ErrorSummary, Fieldset, Radios, SummaryList, Table, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDate, formatDateTime } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { offenderLabel, offenderPath } from "~/lib/nuisance-labels";
import { requireOffenderStaff } from "~/lib/nuisance-staff.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { DIMENSIONS, offenderContacts, offenderDetail, OpenCaseError, openOffenderCase, type Dimension } from "../../server/domain/nuisance";

const CONTACT_LIMIT = 200;

function readParams(params: LoaderFunctionArgs["params"]): { dimension: Dimension; key: string } {
  const dimension = params.dimension as Dimension;
  const key = params.key ?? "";
  if (!(DIMENSIONS as readonly string[]).includes(dimension) || key.length === 0 || key.length > 320) throw data({ reason: "notFound" }, { status: 404 });
  return { dimension, key };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireOffenderStaff(request, context);
  const { dimension, key } = readParams(params);
  const { prisma, now } = context.services;
  const detail = await offenderDetail(prisma, dimension, key, now());
  if (!detail) throw data({ reason: "notFound" }, { status: 404 });
  const contacts = await offenderContacts(prisma, dimension, key, CONTACT_LIMIT);
  const cases = await prisma.case.findMany({
    where: { nuisanceLinks: { some: { reportId: { in: [...new Set(contacts.map((c) => c.reportId))] } } } },
    select: { reference: true, type: true, status: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  // The organisation a case would be against: how people most often wrote the company's name.
  const spellings = new Map<string, number>();
  for (const c of contacts) if (c.company) spellings.set(c.company, (spellings.get(c.company) ?? 0) + 1);
  const suggested = [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (dimension === "number" ? "" : offenderLabel(dimension, key, detail.label));
  // Companies show as people wrote them, not as their normalised key.
  const companyKeys = detail.linked.filter((l) => l.dimension === "company").map((l) => l.key);
  const labelRows: { key: string; label: string | null }[] = companyKeys.length
    ? await prisma.nuisanceOffender.findMany({ where: { dimension: "company", key: { in: companyKeys } }, select: { key: true, label: true } })
    : [];
  const labels = new Map(labelRows.map((r) => [r.key, r.label]));
  const linked = detail.linked.map((l) => ({ ...l, label: offenderLabel(l.dimension, l.key, labels.get(l.key) ?? null) }));
  await audit(prisma, { actorId: staff.id, action: "nuisance.offender.view", entityType: "NuisanceOffender", entityId: `${dimension}:${key}`, data: { contacts: contacts.length } });
  return {
    dimension,
    key,
    label: offenderLabel(dimension, key, detail.label),
    detail: { ...detail, linked, firstSeen: detail.firstSeen.toISOString(), lastSeen: detail.lastSeen.toISOString() },
    contacts: contacts.map((c) => ({ ...c, occurredAt: c.occurredAt.toISOString(), receivedAt: c.receivedAt.toISOString() })),
    cases,
    suggested,
    idempotencyKey: crypto.randomUUID().replaceAll("-", ""),
  };
}

const OpenCaseSchema = z.object({
  type: z.enum(["ELE", "ENF"], { error: "open.errors.type" }),
  organisation: z.string().trim().min(1, "open.errors.organisation").max(200, "open.errors.organisation"),
  reports: z.array(z.uuid()).min(1, "open.errors.reports").max(500, "open.errors.reports"),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireOffenderStaff(request, context);
  const { dimension, key } = readParams(params);
  const lang = langFromPath(new URL(request.url).pathname);
  const form = await readForm(request, context);
  const parsed = OpenCaseSchema.safeParse({ type: form.get("type") ?? undefined, organisation: form.get("organisation") ?? "", reports: form.getAll("reports"), idempotencyKey: form.get("idempotencyKey") });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !errors[field]) errors[field] = issue.message.startsWith("open.") ? issue.message : "open.errors.invalid";
    }
    return data({ errors, values: { type: String(form.get("type") ?? ""), organisation: String(form.get("organisation") ?? ""), reports: form.getAll("reports").map(String) } }, { status: 400 });
  }
  try {
    const opened = await openOffenderCase(
      { prisma: context.services.prisma, now: context.services.now },
      { dimension, key, type: parsed.data.type, organisationName: parsed.data.organisation, reportIds: parsed.data.reports, actorId: staff.id, language: lang, idempotencyKey: parsed.data.idempotencyKey },
    );
    return redirect(localePath(`/staff/cases/${opened.case.reference}`, lang));
  } catch (error) {
    if (error instanceof OpenCaseError) return data({ errors: { reports: "open.errors.reports" }, values: { type: parsed.data.type, organisation: parsed.data.organisation, reports: parsed.data.reports } }, { status: 400 });
    throw error;
  }
}

function WeeklyChart({ weeks, title, lang }: { weeks: { weekStart: string; count: number }[]; title: string; lang: "en" | "cy" }) {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const width = 640;
  const height = 160;
  const bar = width / weeks.length;
  return (
    // The table below carries the same figures for screen readers; the chart is a picture of it.
    <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" role="img" aria-label={title} className="ds-chart" data-testid="weekly-chart">
      {weeks.map((w, i) => {
        const h = Math.round((w.count / max) * height);
        return (
          <g key={w.weekStart}>
            <rect x={i * bar + 2} y={height - h} width={Math.max(1, bar - 4)} height={h} fill="#1d70b8">
              <title>{`${formatDate(w.weekStart, lang)}: ${w.count}`}</title>
            </rect>
          </g>
        );
      })}
      <line x1="0" y1={height} x2={width} y2={height} stroke="#0b0c0c" />
      <text x="0" y={height + 16} fontSize="12" fontFamily="inherit" fill="#0b0c0c">{formatDate(weeks[0]!.weekStart, lang)}</text>
      <text x={width} y={height + 16} fontSize="12" fontFamily="inherit" textAnchor="end" fill="#0b0c0c">{formatDate(weeks.at(-1)!.weekStart, lang)}</text>
    </svg>
  );
}

export default function Offender() {
  const { t } = useTranslation("staff-nuisance");
  const lang = useLang();
  const to = useLocalePath();
  const { dimension, key, label, detail, contacts, cases, suggested, idempotencyKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const chosen = new Set(result?.values.reports ?? []);
  // One box per report (a report may have several contacts): its place among them numbers its id.
  const reportIds = [...new Set(contacts.map((c) => c.reportId))];
  // The first report's box has the field's name as its id (the kit's scheme), so "reports" links to it.
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message: t(message) }));
  return (
    <>
      <PageTitle title={t("offender.title", { label })} error={summary.length > 0} />
      <ErrorSummary errors={summary} />
      <p className="govuk-body">
        <Link className="govuk-link" to={to("/staff/offenders")}>{t("offender.back")}</Link>
      </p>
      <span className="govuk-caption-l">{t(`dimension.${dimension}`)}</span>
      <h1 className="govuk-heading-l" data-testid="offender-label">{label}</h1>
      <SummaryList
        rows={(
          [
            ["d7", detail.d7],
            ["d30", detail.d30],
            ["d90", detail.d90],
            ["total", detail.total],
            ["first", formatDateTime(detail.firstSeen, lang)],
            ["last", formatDateTime(detail.lastSeen, lang)],
            ["tps", `${Math.round(detail.tpsShare * 100)}%`],
            ["kinds", detail.kinds.map((k) => t(`nuisance:kind.${k}`)).join(", ")],
            ["topTopics", detail.topTopics.map((x) => `${t(`nuisance:topic.${x.topic}`)} (${x.count})`).join(", ")],
          ] as const
        ).map(([k, v]) => ({ id: k, key: t(`list.${k}`), value: <span data-testid={`offender-${k}`}>{v}</span> }))}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={to(`${offenderPath(dimension, key)}/csv`)} download>{t("offender.exportCsv")}</a>
      </p>

      <h2 className="govuk-heading-m">{t("offender.weeklyHeading")}</h2>
      <WeeklyChart weeks={detail.weeks} title={t("offender.chartTitle", { label })} lang={lang} />
      <details className="govuk-details">
        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{t("offender.weeklyTable")}</span></summary>
        <div className="govuk-details__text">
          <Table
            testId="weekly-table"
            caption={t("offender.weeklyHeading")}
            captionSize="s"
            columns={[{ label: t("offender.weekStarting") }, { label: t("offender.contacts"), numeric: true }]}
            rows={detail.weeks.map((w) => ({ key: w.weekStart, cells: [formatDate(w.weekStart, lang), w.count] }))}
          />
        </div>
      </details>

      <h2 className="govuk-heading-m">{t("offender.linkedHeading")}</h2>
      {detail.linked.length === 0 ? (
        <p className="govuk-body">{t("offender.noLinked")}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-testid="linked">
          {detail.linked.map((l) => (
            <li key={`${l.dimension}:${l.key}`}>
              {t(`dimension.${l.dimension}`)}:{" "}
              <Link className="govuk-link" to={to(offenderPath(l.dimension, l.key))}>{l.label}</Link> ({t("offender.together", { count: l.count })})
            </li>
          ))}
        </ul>
      )}

      {cases.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t("offender.casesHeading")}</h2>
          <ul className="govuk-list">
            {cases.map((c: { reference: string }) => (
              <li key={c.reference}>
                <Link className="govuk-link" to={to(`/staff/cases/${c.reference}`)}>{c.reference}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <h2 className="govuk-heading-m">{t("offender.contactsHeading", { count: contacts.length })}</h2>
        {contacts.length >= CONTACT_LIMIT ? <p className="govuk-body">{t("offender.latestOnly", { limit: CONTACT_LIMIT })}</p> : null}
        {/* One fieldset for the choice, the table inside it; the first box's id is the field's name, so the error summary lands on it. */}
        <Fieldset id="reports" legend={t("open.chooseReports")} legendSize="s" error={errors.reports ? t(errors.reports) : undefined}>
          <div className="ds-table-wrap">
            <Table
              testId="offender-contacts"
              caption={t("offender.contactsHeading", { count: contacts.length })}
              captionSize="hidden"
              columns={(["evidence", "when", "kind", "from", "company", "said"] as const).map((c) => ({ label: t(`offender.${c}`) }))}
              rows={contacts.map((c, i) => {
                const firstOfReport = contacts.findIndex((x) => x.reportId === c.reportId) === i;
                const box = reportIds.indexOf(c.reportId);
                return {
                  key: c.id,
                  cells: [
                    firstOfReport ? (
                      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                        <ChoiceItems kind="checkboxes" name="reports" idPrefix="reports" first={box} options={[{ value: c.reportId, label: c.reference }]} checked={(id) => (chosen.size ? chosen.has(id) : true)} />
                      </div>
                    ) : (
                      <span className="govuk-body-s">{c.reference}</span>
                    ),
                    c.timeKnown ? formatDateTime(c.occurredAt, lang) : formatDate(c.occurredAt, lang),
                    <>
                      {t(`nuisance:kind.${c.kind}`)}
                      <br />
                      <span className="govuk-body-s">{t(`nuisance:topic.${c.topic}`)}</span>
                    </>,
                    <>
                      {c.fromTyped ?? t(`offender.fromStatus.${c.fromStatus}`)}
                      {c.fromUnparsed ? <strong className="govuk-tag govuk-tag--grey">{t("offender.unparsed")}</strong> : null}
                      {c.tpsRegistered ? <><br /><strong className="govuk-tag govuk-tag--blue">TPS</strong></> : null}
                      {/* A reporter who asked for a reply (issue 13: it showed nowhere). */}
                      {c.replyTo ? (
                        <span className="govuk-!-display-block" data-testid="wants-reply">
                          <strong className="govuk-tag govuk-tag--yellow">{t("offender.wantsReply")}</strong>
                          <br />
                          {[c.replyTo.name, c.replyTo.email, c.replyTo.phone].filter(Boolean).join(", ")}
                        </span>
                      ) : null}
                    </>,
                    c.company ?? "",
                    {
                      className: "ds-pre-wrap",
                      cell: (
                        <>
                          {c.subject ? <>{c.subject}<br /></> : null}
                          {c.message ?? ""}
                          {c.message && c.description ? <br /> : null}
                          {c.description ?? ""}
                          {c.emlId ? (
                            <>
                              <br />
                              <a className="govuk-link" href={to(`/staff/offenders/eml/${c.emlId}`)} download>{t("offender.eml", { name: c.emlName })}</a>
                            </>
                          ) : null}
                        </>
                      ),
                    },
                  ],
                };
              })}
            />
          </div>
        </Fieldset>
        <h2 className="govuk-heading-m">{t("open.heading")}</h2>
        <p className="govuk-body">{t("open.intro")}</p>
        <Radios
          name="type"
          legend={t("open.type")}
          legendSize="s"
          value={result?.values.type ?? "ELE"}
          error={errors.type ? t(errors.type) : undefined}
          options={[
            { value: "ELE", label: t("open.ele") },
            { value: "ENF", label: t("open.enf") },
          ]}
        />
        <TextInput id="organisation" label={t("open.organisation")} hint={t("open.organisationHint")} error={errors.organisation ? t(errors.organisation) : undefined} defaultValue={result?.values.organisation ?? suggested} />
        <Button>{t("open.submit")}</Button>
      </Form>
    </>
  );
}
