import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/layout";
import { useLocalePath } from "~/lib/use-lang";
import { officeTimes } from "../../widget/hours";

export async function loader({ context }: LoaderFunctionArgs) {
  const { config, chat } = context.services;
  const status = chat?.status();
  const hours = config.chat.officeHours;
  return { open: status?.open ?? false, queueLength: status?.queueLength ?? 0, hours };
}

export default function ChatPage() {
  const { t } = useTranslation("chat");
  const to = useLocalePath();
  const { open, queueLength, hours } = useLoaderData<typeof loader>();
  const times = officeTimes(hours);
  const expect = t("page.expect", { returnObjects: true }) as string[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("page.title")} />
        <h1 className="govuk-heading-l">{t("page.title")}</h1>
        <p className="govuk-body-l">{t("page.lead")}</p>
        <div className="govuk-inset-text">
          {open ? (queueLength > 0 ? t("page.statusOpenQueue", { count: queueLength }) : t("page.statusOpen")) : t("page.statusClosed")}
        </div>
        <h2 className="govuk-heading-m">{t("page.howHeading")}</h2>
        <p className="govuk-body">{t("page.how")}</p>
        <h2 className="govuk-heading-m">{t("page.hoursHeading")}</h2>
        <p className="govuk-body">{times ? t("page.hours", times) : hours === "always" ? t("page.hoursAlways") : t("page.hoursClosed")}</p>
        <h2 className="govuk-heading-m">{t("page.welshHeading")}</h2>
        <p className="govuk-body">{t("page.welsh")}</p>
        <h2 className="govuk-heading-m">{t("page.expectHeading")}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {expect.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="govuk-body">{t("page.behaviour")}</p>
        <h2 className="govuk-heading-m">{t("page.jsHeading")}</h2>
        <p className="govuk-body">{t("page.js")}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <Link className="govuk-link" to={to("/contact")}>
              {t("page.contactLink")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={to("/adjustments")}>
              {t("page.adjustmentsLink")}
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
