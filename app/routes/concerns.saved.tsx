// The save-for-later link has been sent.
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { loadJourney, safeFrom } from "~/lib/concerns.server";
import { formatDate } from "~/lib/format";
import { localePath } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { url, lang, draft } = await loadJourney(request, context);
  if (!draft.saved) throw redirect(localePath("/concerns", lang));
  return { email: draft.saved.email, until: draft.saved.until, from: safeFrom(url.searchParams.get("from")) };
}

export default function Saved() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const { email, until, from } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("save.sentTitle")} />
        <span className="govuk-caption-l">{t("caption")}</span>
        <h1 className="govuk-heading-l">{t("save.sentTitle")}</h1>
        <p className="govuk-body">{t("save.sent", { email, date: formatDate(until, lang) })}</p>
        <p className="govuk-body">{t("save.spam")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to(from)}>
            {t("save.continueNow")}
          </Link>
        </p>
      </div>
    </div>
  );
}
