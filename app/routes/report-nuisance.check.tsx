// Check answers, then send: the report with all its contacts, its outbox event and the
// acknowledgement email, in one transaction; the same key twice sends one report.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, SummaryList } from "~/components/form";
import { BackLink, PageTitle } from "~/components/layout";
import { formatDate } from "~/lib/format";
import { guardSubmission, readForm } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { BASE, SubmissionSchema } from "~/lib/nuisance";
import { acknowledgementEmail, DRAFT, loadDraft, rememberHeader, requirePage } from "~/lib/nuisance.server";
import { contactFrom, contactWhen } from "~/lib/nuisance-ui";
import { commitSession, setDraft } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { storedDetails } from "../../server/domain/nuisance/answers";
import { NuisanceError, submitNuisanceReport } from "../../server/domain/nuisance/store";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, draft } = await requirePage(request, context, "check");
  if (!draft.idempotencyKey) {
    const fresh = { ...draft, idempotencyKey: crypto.randomUUID().replaceAll("-", "") };
    setDraft(session, DRAFT, fresh as unknown as Record<string, unknown>);
    return data({ draft: fresh }, { headers: await commitSession(context, session) });
  }
  return { draft };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const submission = SubmissionSchema.safeParse({ idempotencyKey: form.get("idempotencyKey") });
  if (!submission.success) throw data({ reason: "badRequest" }, { status: 400 });
  const loaded = await loadDraft(request, context);
  const { session, draft, lang } = loaded;
  const done = session.get("submitted")?.nuisance;
  if (!draft.contacts.length || !draft.about || !draft.you) {
    // Sent already (the draft is gone): show that report's confirmation.
    if (done) return redirect(localePath(`${BASE}/confirmation`, lang));
    throw redirect(localePath(`${BASE}/kind`, lang));
  }
  const you = draft.you;
  const { acknowledge } = await guardSubmission(request, context, form, you.email);
  let stored;
  try {
    stored = await submitNuisanceReport(
      { prisma: context.services.prisma, sql: context.services.db.sql, now: context.services.now },
      {
        language: lang,
        contacts: draft.contacts,
        about: draft.about,
        you: storedDetails(you),
        idempotencyKey: submission.data.idempotencyKey,
        acknowledgement: you.email && acknowledge ? acknowledgementEmail(lang, you.email, context.services.config.publicUrl) : undefined,
      },
    );
  } catch (error) {
    if (error instanceof NuisanceError) throw redirect(localePath(`${BASE}/contacts`, lang));
    throw error;
  }
  if (stored.created && you.email) context.services.mailWorker.kick();
  setDraft(session, DRAFT, undefined);
  session.set("submitted", { ...(session.get("submitted") ?? {}), nuisance: { reference: stored.reference, email: you.email || undefined, advice: stored.advice, count: draft.contacts.length } });
  const headers = new Headers(await commitSession(context, session));
  headers.append("Set-Cookie", await rememberHeader(context, you));
  return redirect(localePath(`${BASE}/confirmation`, lang), { headers });
}

export default function Check() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const lang = useLang();
  const { draft } = useLoaderData<typeof loader>();
  const about = draft.about!;
  const you = draft.you!;
  const none = t("check.none");
  type Row = [string, string, ReactNode, string];
  const aboutRows: Row[] = [
    ["tps", t("check.tps"), t(about.tps === "not_sure" ? "answer.notSure" : about.tps === "yes" ? "answer.tpsYes" : "answer.tpsNo"), `${BASE}/about-you?change=1`],
    ["registered", t("check.registered"), about.registeredOn ? formatDate(about.registeredOn, lang) : none, `${BASE}/about-you?change=1`],
    ["consent", t("check.consent"), t(`check.consentValue.${about.consent}`), `${BASE}/about-you?change=1`],
    ["askedToStop", t("check.askedToStop"), t(about.askedToStop === "yes" ? "answer.askedYes" : "answer.askedNo"), `${BASE}/about-you?change=1`],
    ["wantsReply", t("check.wantsReply"), t(`answer.${you.wantsReply ? "yes" : "no"}`), `${BASE}/your-details?change=1`],
    ["name", t("check.name"), you.name || none, `${BASE}/your-details?change=1`],
    ["email", t("check.email"), you.email || none, `${BASE}/your-details?change=1`],
    ["phone", t("check.phone"), you.phone || none, `${BASE}/your-details?change=1`],
    ["remember", t("check.remember"), t(`answer.${you.remember ? "yes" : "no"}`), `${BASE}/your-details?change=1`],
  ];
  return (
    <>
      <BackLink to={to(`${BASE}/your-details`)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("check.title")} />
          <h1 className="govuk-heading-l">{t("check.title")}</h1>
          <h2 className="govuk-heading-m">{t("check.contactsHeading", { count: draft.contacts.length })}</h2>
          <SummaryList
            className="govuk-!-margin-bottom-6"
            preWrap
            rows={draft.contacts.map((c, i) => {
              const title = t("contacts.cardTitle", { n: i + 1, kind: t(`kind.${c.kind}`) });
              return {
                id: "contact",
                key: title,
                value: (
                  <>
                    {contactWhen(c, t, lang)}
                    <br />
                    {contactFrom(c, t)}
                    {c.company ? (
                      <>
                        <br />
                        {c.company}
                      </>
                    ) : null}
                    <br />
                    {t(`topic.${c.topic}`)}
                    {c.message || c.description ? (
                      <>
                        <br />
                        {c.message || c.description}
                      </>
                    ) : null}
                  </>
                ),
                href: to(`${BASE}/contact/${c.id}`),
                changeLabel: title,
              };
            })}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to={to(`${BASE}/contacts`)}>
              {t("check.addOrRemove")}
            </Link>
          </p>
          <h2 className="govuk-heading-m">{t("check.aboutHeading")}</h2>
          <SummaryList className="govuk-!-margin-bottom-9" preWrap rows={aboutRows.map(([id, key, value, href]) => ({ id, key, value, href: to(href), changeLabel: key }))} />
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
