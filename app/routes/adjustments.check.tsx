// Check answers, then send: the request, its acknowledgement and outbox event in one transaction.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, SummaryList } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { nextStep, previousStep, stepPath, SubmissionSchema, type AdjustmentsDraft } from "~/lib/adjustments";
import { describeNeed } from "~/lib/adjustments-labels";
import { adjustmentDeps, DRAFT, journeyPage } from "~/lib/adjustments.server";
import { guardSubmission, readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getDraft, getSession, setDraft } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";
import { correspondenceLanguage } from "../../server/domain/adjustments/needs";
import { submitAdjustmentRequest } from "../../server/adjustments";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, draft, lang } = await journeyPage(request, context, "check");
  // One key per completed journey: a double click or a resubmit after "back" finds the same request.
  if (!draft.idempotencyKey) {
    const fresh = { ...draft, idempotencyKey: crypto.randomUUID().replaceAll("-", "") };
    setDraft(session, DRAFT, fresh);
    return data({ draft: fresh, back: stepPath(previousStep("check", fresh)!), writeIn: correspondenceLanguage(lang, fresh.needs ?? []) }, { headers: await commitSession(context, session) });
  }
  return { draft, back: stepPath(previousStep("check", draft)!), writeIn: correspondenceLanguage(lang, draft.needs ?? []) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const form = await readForm(request, context);
  const submission = SubmissionSchema.safeParse({ idempotencyKey: form.get("idempotencyKey") });
  if (!submission.success) throw data({ reason: "badRequest" }, { status: 400 });
  const session = await getSession(request, context);
  const draft = getDraft<AdjustmentsDraft>(session, DRAFT);
  const done = session.get("submitted")?.adjustments;
  if (nextStep(draft) !== "check") {
    // Sent already (the draft is gone): show the confirmation for that same request.
    if (done) return redirect(localePath("/adjustments/confirmation", lang));
    throw redirect(localePath(stepPath(nextStep(draft)), lang));
  }
  const { acknowledge } = await guardSubmission(request, context, form, draft.email);
  const base = `${context.services.config.publicUrl}${lang === "cy" ? "/cy" : ""}`;
  const created = await submitAdjustmentRequest(adjustmentDeps(context), {
    language: lang,
    needs: draft.needs ?? [],
    otherNeed: draft.other || null,
    duration: draft.duration!,
    caseReference: draft.caseReference || null,
    difficulty: draft.difficulty || null,
    consent: Boolean(draft.consent),
    name: draft.name!,
    email: draft.email || null,
    phone: draft.phone || null,
    postalAddress: draft.replyBy === "letter" ? draft.address || null : null,
    replyBy: draft.replyBy!,
    idempotencyKey: submission.data.idempotencyKey,
    acknowledge,
    withdrawConsentUrl: (token) => `${base}/adjustments/consent/${token}`,
  });
  if (created.created) context.services.mailWorker.kick();
  setDraft(session, DRAFT, undefined);
  session.set("submitted", {
    ...(session.get("submitted") ?? {}),
    adjustments: { reference: created.reference, email: draft.email || undefined, dueAt: created.decisionDueAt.toISOString(), replyBy: draft.replyBy, formatted: hasFormat(draft) },
  });
  return redirect(localePath("/adjustments/confirmation", lang), { headers: await commitSession(context, session) });
}

const hasFormat = (draft: Partial<AdjustmentsDraft>) => (draft.needs ?? []).some((n) => ["large_print", "bold", "double_spacing", "coloured_paper", "font"].includes(n.code));

export default function Check() {
  const { t } = useTranslation("adjustments");
  const to = useLocalePath();
  const { draft, back, writeIn } = useLoaderData<typeof loader>();
  const needs = draft.needs ?? [];
  const hasMore = needs.some((n) => ["large_print", "coloured_paper", "font", "braille", "bsl", "call_times", "more_time", "meeting"].includes(n.code));
  const none = t("check.none");
  type Row = [string, string, ReactNode, string | null, string | null];
  const rows: Row[] = [
    [
      "needs",
      t("check.needs"),
      needs.length ? (
        <ul className="govuk-list">
          {needs.map((n) => (
            <li key={n.code}>{describeNeed(n, t)}</li>
          ))}
        </ul>
      ) : (
        none
      ),
      hasMore ? "/adjustments/more?change=1" : "/adjustments/needs?change=1",
      hasMore ? t("check.changeMore") : t("check.changeNeeds"),
    ],
    ["other", t("check.other"), draft.other || none, "/adjustments/needs?change=1", t("check.changeOther")],
    ["duration", t("check.duration"), draft.duration ? t(`duration.${draft.duration}`) : none, "/adjustments/duration?change=1", t("check.changeDuration")],
    ["case", t("check.case"), draft.caseReference || none, "/adjustments/case?change=1", t("check.changeCase")],
    ["difficulty", t("check.difficulty"), draft.difficulty || none, "/adjustments/about-you?change=1", t("check.changeDifficulty")],
    ...(draft.difficulty ? [["consent", t("check.consent"), t("check.consentGiven"), null, null] as Row] : []),
    ["name", t("check.name"), draft.name, "/adjustments/contact?change=1", t("check.changeName")],
    ["email", t("check.email"), draft.email || none, "/adjustments/contact?change=1", t("check.changeEmail")],
    ["phone", t("check.phone"), draft.phone || none, "/adjustments/contact?change=1", t("check.changePhone")],
    ["replyBy", t("check.replyBy"), draft.replyBy ? t(`reply.${draft.replyBy}`, { email: draft.email, phone: draft.phone }) : none, "/adjustments/reply?change=1", t("check.changeReplyBy")],
    ...(draft.replyBy === "letter" ? [["address", t("check.address"), draft.address, "/adjustments/reply?change=1", t("check.changeReplyBy")] as Row] : []),
    ["language", t("check.language"), t(`languageName.${writeIn}`), null, null],
  ];
  return (
    <>
      <BackLink to={to(back)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("check.title")} />
          <h1 className="govuk-heading-l">{t("check.title")}</h1>
          <SummaryList
            className="govuk-!-margin-bottom-9"
            preWrap
            rows={rows.map(([id, key, value, href, changeLabel]) => ({ id, key, value, href: href ? to(href) : undefined, changeLabel: changeLabel ?? undefined }))}
          />
          <h2 className="govuk-heading-m">{t("check.declarationHeading")}</h2>
          <p className="govuk-body">{t("check.declaration")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="idempotencyKey" value={draft.idempotencyKey} />
            <Button>{t("check.submit")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
