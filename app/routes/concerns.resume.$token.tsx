// The emailed "continue your concern" link. Opening it only asks; the button uses it up, so a
// mail scanner that follows links cannot spend it.
import { useTranslation } from "react-i18next";
import { data, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { resumePath, saveConcernDraft, todayIn } from "~/lib/concerns.server";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getSession } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";
import { findDraft, resumeDraft } from "../../server/concerns/drafts";
import { evaluate, type Answers, type Report } from "../../server/domain/concerns";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const { prisma, now } = context.services;
  const found = await findDraft({ prisma, now }, params.token ?? "");
  return data({ valid: Boolean(found) }, { status: found ? 200 : 410, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  const { prisma, now } = context.services;
  const saved = await resumeDraft({ prisma, now }, params.token ?? "");
  if (!saved) return data({ valid: false }, { status: 410 });
  const session = await getSession(request, context);
  const draft = { journeyId: saved.journeyId, answers: saved.answers as Answers, report: saved.report as Report };
  saveConcernDraft(session, draft);
  return redirect(localePath(resumePath(evaluate(draft.answers, todayIn(context)), draft), lang), { headers: await commitSession(context, session) });
}

export default function Resume() {
  const { t } = useTranslation("concerns");
  const to = useLocalePath();
  const { valid } = useLoaderData<typeof loader>();
  const title = valid ? t("resume.title") : t("resume.invalidTitle");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <span className="govuk-caption-l">{t("caption")}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {valid ? (
          <>
            <p className="govuk-body">{t("resume.body")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <Button>{t("resume.submit")}</Button>
            </Form>
          </>
        ) : (
          <>
            <p className="govuk-body">{t("resume.invalid")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={to("/concerns")}>
                {t("resume.startAgain")}
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
