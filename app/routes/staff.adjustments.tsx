// The adjustment register: requests with their 48-hour decision clock (overdue first), filters,
// and the lists that need someone: notices for the Head of Customer Contact, reviews coming due,
// "check it worked" tasks and decisions still to be told by phone, text or letter.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { ClockTag } from "~/components/clock-tag";
import { Button, CsrfInput, FilterBar, Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { describeNeed } from "~/lib/adjustments-labels";
import { adjustmentRegister, referenceParam, throwAdjustmentError } from "~/lib/adjustments-staff.server";
import { ADJUSTMENT_STATUSES as STATUSES } from "../../server/domain/adjustments/decision";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { isHeadOfCustomerContact } from "../../server/domain/adjustments/access";
import { acknowledgeHeadNotice } from "../../server/adjustments";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.read");
  const params = new URL(request.url).searchParams;
  const filters = { status: params.get("status") ?? "", review: params.get("review") === "1", who: (params.get("who") ?? "").slice(0, 100) };
  const register = await adjustmentRegister(context, filters);
  await audit(context.services.prisma, { actorId: staff.id, action: "adjustment.list", entityType: "AdjustmentRegister", entityId: "all", data: { status: filters.status, review: filters.review, search: Boolean(filters.who) } });
  return { ...register, filters, isHead: isHeadOfCustomerContact(staff) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "adjustment.read");
  const form = await readForm(request, context);
  const reference = referenceParam(String(form.get("reference") ?? ""));
  try {
    await acknowledgeHeadNotice(adjustmentDeps(context), staff, reference);
  } catch (error) {
    throwAdjustmentError(error);
  }
  return redirect(localePath("/staff/adjustments", langFromPath(new URL(request.url).pathname)));
}

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

function Needs({ row }: { row: Row }) {
  const { t } = useTranslation("staff-adjustments");
  const lang = useLang();
  if (row.status === "removed") return <>{t("register.removedNote", { date: row.removalRequestedOn ? formatDate(`${row.removalRequestedOn}T12:00:00Z`, lang) : "" })}</>;
  const items = row.needs.map((n) => describeNeed(n, t));
  if (row.otherNeed) items.push(t("adjustments:need.other"));
  return <>{items.join("; ")}</>;
}

function ShortList({ id, title, intro, empty, rows, date, form }: { id: string; title: string; intro?: string; empty: string; rows: Row[]; date: (r: Row) => ReactNode; form?: (r: Row) => ReactNode }) {
  const to = useLocalePath();
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-6" data-list={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {intro ? <p className="govuk-body">{intro}</p> : null}
      {rows.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <ul className="govuk-list">
          {rows.map((r) => (
            <li key={r.reference} data-reference={r.reference}>
              <Link className="govuk-link" to={to(`/staff/adjustments/${r.reference}`)}>
                {r.reference}
              </Link>{" "}
              {r.name} – <Needs row={r} /> – {date(r)}
              {form ? form(r) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function Register() {
  const { t } = useTranslation("staff-adjustments");
  const lang = useLang();
  const to = useLocalePath();
  const { rows, total, notices, reviews, checks, toTell, filters, isHead } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("register.title")} />
      <h1 className="govuk-heading-l">{t("register.title")}</h1>
      <p className="govuk-body">{t("register.clockRule")}</p>

      <ShortList
        id="notices"
        title={t("register.noticesHeading")}
        intro={t("register.noticesIntro")}
        empty={t("register.noNotices")}
        rows={notices}
        date={(r) => t("register.agreedOn", { date: formatDate(r.headNotifiedAt!, lang) })}
        form={
          isHead
            ? (r) => (
                <Form method="post" className="govuk-!-display-inline-block govuk-!-margin-left-2">
                  <CsrfInput />
                  <input type="hidden" name="reference" value={r.reference} />
                  <Button secondary>
                    {t("register.markSeen")}
                    <span className="govuk-visually-hidden"> {t("register.markSeenHidden", { reference: r.reference })}</span>
                  </Button>
                </Form>
              )
            : undefined
        }
      />
      <ShortList id="reviews" title={t("register.reviewsHeading")} empty={t("register.noReviews")} rows={reviews} date={(r) => (
        <>
          {formatDate(r.reviewDueAt!, lang)} <ClockTag state={r.reviewState} />
        </>
      )} />
      <ShortList id="checks" title={t("register.checksHeading")} intro={t("register.checksIntro")} empty={t("register.noChecks")} rows={checks} date={(r) => (
        <>
          {t("register.checkBy", { date: formatDate(r.checkDueAt!, lang) })} <ClockTag state={r.checkState} />
        </>
      )} />
      <ShortList id="to-tell" title={t("register.toTellHeading")} empty={t("register.noToTell")} rows={toTell} date={(r) => (r.replyBy ? t(`replyBy.${r.replyBy}`) : "")} />

      <h2 className="govuk-heading-m">{t("register.filters")}</h2>
      <FilterBar
        submitLabel={t("register.filter")}
        filters={[
          { kind: "select", name: "status", label: t("register.status"), value: filters.status, all: t("register.allStatuses"), options: STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) },
          { kind: "checkbox", name: "review", label: t("register.reviewDue"), checked: filters.review, value: "1" },
          { kind: "text", name: "who", label: t("register.who"), hint: t("register.whoHint"), value: filters.who, width: "20" },
        ]}
      />

      <p className="govuk-body" role="status">
        {t("register.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="govuk-body">{t("register.none")}</p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            testId="register"
            caption={t("register.caption")}
            captionSize="hidden"
            columns={[
              { label: t("register.reference") },
              { label: t("register.name") },
              { label: t("register.needs") },
              { label: t("register.received") },
              { label: t("register.decisionDue") },
              { label: t("register.statusColumn") },
              { label: t("register.review") },
            ]}
            rows={rows.map((r) => ({
              key: r.reference,
              data: { reference: r.reference },
              cells: [
                <Link key="reference" className="govuk-link" to={to(`/staff/adjustments/${r.reference}`)}>
                  {r.reference}
                </Link>,
                r.name ?? "–",
                <Needs key="needs" row={r} />,
                formatDateTime(r.receivedAt, lang),
                <>
                  {r.status === "removed" ? "–" : formatDateTime(r.decisionDueAt, lang)} <ClockTag state={r.decisionState} />
                </>,
                t(`status.${r.status}`),
                r.reviewDueAt ? formatDate(r.reviewDueAt, lang) : "–",
              ],
            }))}
          />
        </div>
      )}
    </>
  );
}
