// Placeholder for services whose issues have not landed yet; each keeps its real address.
import { useTranslation } from "react-i18next";
import { useMatches } from "react-router";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { useLocalePath } from "~/lib/use-lang";

const TITLE_KEYS: Record<string, string> = {
  concerns: "comingSoon.concerns",
  "report-nuisance": "comingSoon.nuisance",
  adjustments: "comingSoon.adjustments",
  chat: "comingSoon.chat",
  track: "comingSoon.track",
};

export default function ComingSoon() {
  const { t } = useTranslation("pages");
  const { t: tc } = useTranslation();
  const to = useLocalePath();
  const id = useMatches().at(-1)!.id.replace(/^cy\//, "");
  const title = t(TITLE_KEYS[id] ?? "comingSoon.concerns");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <strong className="govuk-tag govuk-tag--blue">{tc("comingSoon.tag")}</strong>
        <h1 className="govuk-heading-l govuk-!-margin-top-3">{title}</h1>
        <p className="govuk-body">{tc("comingSoon.body")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={to("/contact")}>
            {tc("comingSoon.link")}
          </Link>
        </p>
      </div>
    </div>
  );
}
