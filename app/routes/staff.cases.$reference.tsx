// One case: flags first, then what to do next (each action is one form post, validated with
// zod on the server, written with its timeline event, audit row and outbox event together),
// the clocks, the parties, linked cases, callbacks and the timeline with notes and contacts.
// The loader's work is app/lib/staff-case.server.ts, each intent a row of the table in
// app/lib/case-intents.server.ts, each part of the page a component in app/components/staff-case/.
import { useTranslation } from "react-i18next";
import { useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { ConcernReport } from "~/components/concern-report";
import { ErrorSummary, SuccessBanner } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { CaseActions } from "~/components/staff-case/actions";
import { CaseDetails, FlagBanner } from "~/components/staff-case/details";
import { CaseCallbacks, CaseLinks } from "~/components/staff-case/follow-up";
import type { IntentResult } from "~/components/staff-case/frame";
import { CaseClocks, CaseParties } from "~/components/staff-case/parties";
import { CaseComplaint, CaseContact, CaseNote } from "~/components/staff-case/record";
import { CaseTimeline } from "~/components/staff-case/timeline";
import { runCaseIntent } from "~/lib/case-intents.server";
import { readForm } from "~/lib/forms.server";
import { langFromPath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { referenceParam, staffCasePage } from "~/lib/staff-case.server";
import { useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.read");
  return staffCasePage(context, staff, referenceParam(params.reference));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "case.read");
  const reference = referenceParam(params.reference);
  const form = await readForm(request, context);
  return runCaseIntent({ context, staff, reference, form, lang: langFromPath(new URL(request.url).pathname) });
}

export default function StaffCase() {
  const { t } = useTranslation("staff-cases");
  const to = useLocalePath();
  const [params] = useSearchParams();
  const page = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const result: IntentResult = { intent: posted?.intent, errors: posted?.errors ?? {}, fieldErrors: posted?.fieldErrors ?? [], values: posted?.values ?? {} };
  const c = page.found;
  // The complaint's summary box has its own id (the contact form has a "summary" too).
  // A date's link goes to its first wrong box (fieldErrors, as validate() gives them).
  const summary = result.fieldErrors.map(({ field, key }) => ({ field: result.intent === "complaint" && field === "summary" ? "complaintSummary" : field, message: t(key) }));
  const done = params.get("done");
  const part = { page, result };
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
      {done && summary.length === 0 ? <SuccessBanner title={t("case.successTitle")} testId="done-banner">{t(`done.${done}`, { defaultValue: t("done.saved") })}</SuccessBanner> : null}
      <FlagBanner c={c} />
      <span className="govuk-caption-l">{c.reference}</span>
      {/* Welsh cases carry "Welsh language" in the title itself. */}
      <h1 className="govuk-heading-l">{c.title}</h1>
      <CaseDetails c={c} />
      <CaseActions {...part} />
      {page.concern ? <ConcernReport concern={page.concern} /> : null}
      <CaseClocks c={c} />
      <CaseParties {...part} />
      <CaseLinks {...part} />
      <CaseCallbacks {...part} />
      <CaseContact {...part} />
      <CaseComplaint {...part} />
      <CaseNote {...part} />
      <CaseTimeline c={c} />
    </>
  );
}
