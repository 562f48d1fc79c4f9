// The concerns assistant's start page (GOV.UK start page pattern).
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { stepPath } from "~/lib/concerns";
import { hasStarted, loadJourney } from "~/lib/concerns.server";
import { discardJourneyUploads } from "~/lib/concerns-uploads.server";
import { readForm } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { commitSession, setDraft } from "~/lib/session.server";
import { useLocalePath } from "~/lib/use-lang";
import { CONCERNS_DRAFT } from "~/lib/concerns";
import { cachedPage } from "~/lib/page-cache.server";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft, evaluation } = await loadJourney(request, context);
  return { started: hasStarted(draft), continueTo: evaluation.next ? stepPath(evaluation.next) : "/concerns/result" };
}

/** "Start again": forget the answers and any files uploaded in this journey. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const { lang, session, draft } = await loadJourney(request, context);
  if (draft.journeyId) await discardJourneyUploads(context, draft.journeyId);
  setDraft(session, CONCERNS_DRAFT, undefined);
  return redirect(localePath(stepPath("topic"), lang), { headers: await commitSession(context, session) });
}

export default function ConcernsStart() {
  const { t } = useTranslation("concerns");
  const to = useLocalePath();
  const { started, continueTo } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("start.title")} />
        <h1 className="govuk-heading-l">{t("start.title")}</h1>
        <p className="govuk-body">{t("start.intro")}</p>
        <p className="govuk-body">{t("start.findOut")}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t("start.point1")}</li>
          <li>{t("start.point2")}</li>
          <li>{t("start.point3")}</li>
          <li>{t("start.point4")}</li>
        </ul>
        <p className="govuk-body">{t("start.time")}</p>
        {started ? (
          <>
            <h2 className="govuk-heading-m">{t("start.resumeHeading")}</h2>
            <div className="govuk-button-group">
              <Link to={to(continueTo)} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
                {t("start.resume")}
              </Link>
              <Form method="post" noValidate>
                <CsrfInput />
                <Button secondary>{t("start.startAgain")}</Button>
              </Form>
            </div>
          </>
        ) : (
          <Link to={to(stepPath("topic"))} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            {t("start.start")}
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Link>
        )}
        <h2 className="govuk-heading-m">{t("start.before")}</h2>
        <p className="govuk-body">{t("start.beforeText")}</p>
      </div>
    </div>
  );
}
