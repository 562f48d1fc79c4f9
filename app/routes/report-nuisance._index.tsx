// Start page: what can be reported, how the reports are used, and how long it takes.
// `?kind=text` (from the concerns assistant) starts the report on that kind of contact.
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { MAX_CONTACTS } from "~/lib/nuisance";
import { loadDraft } from "~/lib/nuisance.server";
import { isKind, resumePath } from "~/lib/nuisance";
import { useLocalePath } from "~/lib/use-lang";
import { cachedPage } from "~/lib/page-cache.server";
import { helper } from "../../server/domain/concerns/remit.js";

// The same for every visitor without a session: served from the rendered-page cache.
export const headers = cachedPage();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context);
  const kind = new URL(request.url).searchParams.get("kind");
  return {
    resume: draft.contacts.length > 0 ? resumePath(draft) : null,
    count: draft.contacts.length,
    startHref: isKind(kind) ? `/report-nuisance/contact/new?kind=${kind}` : "/report-nuisance/kind",
    ofcom: helper("ofcom").url,
  };
}

export default function Start() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const { resume, count, startHref, ofcom } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("start.title")} />
        <h1 className="govuk-heading-xl">{t("start.title")}</h1>
        <p className="govuk-body-l">{t("start.lead")}</p>
        <p className="govuk-body">{t("start.kinds")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {(["live_call", "recorded_call", "text", "email", "fax"] as const).map((k) => (
            <li key={k}>{t(`kind.${k}`)}</li>
          ))}
        </ul>
        <p className="govuk-body">{t("start.many", { max: MAX_CONTACTS })}</p>
        <p className="govuk-body">{t("start.intelligence")}</p>
        <p className="govuk-body">{t("start.time")}</p>
        {resume ? (
          <>
            <p className="govuk-body">{t("start.resume", { count })}</p>
            <Link to={to(resume)} className="govuk-button" data-module="govuk-button" draggable={false}>
              {t("start.continue")}
            </Link>
          </>
        ) : (
          <Link to={to(startHref)} role="button" className="govuk-button govuk-button--start" data-module="govuk-button" draggable={false}>
            {t("start.start")}
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Link>
        )}
        <h2 className="govuk-heading-m">{t("start.silentHeading")}</h2>
        <p className="govuk-body">{t("start.silent")}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={ofcom} rel="noreferrer" data-testid="ofcom">
            {t("start.silentLink")}
          </a>
        </p>
        <h2 className="govuk-heading-m">{t("start.urgentHeading")}</h2>
        <p className="govuk-body">{t("start.urgent")}</p>
      </div>
    </div>
  );
}
