import { useTranslation } from "react-i18next";
import { useLocation, useMatches } from "react-router";
import { Link } from "~/components/link";
import { JOURNEY_FORM_ID, SWITCH_FIELD } from "./form/typed";
import { localePath, otherLang } from "~/lib/lang";
import { useLang, useLocalePath } from "~/lib/use-lang";

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="govuk-skip-link">
      {t("skipLink")}
    </a>
  );
}

export function Header() {
  const { t } = useTranslation();
  const to = useLocalePath();
  return (
    // In the body, header and footer are the banner and contentinfo landmarks without a role
    // attribute (GOV.UK Frontend 5 dropped it too).
    <header className="ds-header">
      <div className="govuk-width-container ds-header__container">
        <div>
          <Link to={to("/")} className="ds-header__brand">
            {t("brand")}
          </Link>
          <span className="ds-header__service">{t("serviceName")}</span>
        </div>
      </div>
    </header>
  );
}

/**
 * Links to this same page, with the same query, in the other language. On a page that asks for
 * answers (route handle `keepTyped`), it is a submit button of the page's form instead, so what
 * the person typed and has not sent yet comes with them (app/lib/typed.server.ts).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const matches = useMatches();
  const other = otherLang(lang);
  const formPage = matches.some((m) => (m.handle as { keepTyped?: boolean } | undefined)?.keepTyped);
  const label = (
    <>
      <span className="govuk-visually-hidden">{t("languageSwitch.otherHidden")}</span>
      <span aria-hidden="true">{t("languageSwitch.other")}</span>
    </>
  );
  return (
    <nav aria-label={t("languageSwitch.label")}>
      <ul className="ds-language-switch">
        <li>
          <span aria-current="true">{t("languageSwitch.current")}</span>
        </li>
        <li>
          {formPage ? (
            <button type="submit" form={JOURNEY_FORM_ID} name={SWITCH_FIELD} value={other} formNoValidate lang={other} className="ds-link-button govuk-link" data-testid="language-switch">
              {label}
            </button>
          ) : (
            <a href={localePath(location.pathname + location.search, other)} hrefLang={other} lang={other} rel="alternate" className="govuk-link" data-testid="language-switch">
              {label}
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}

export function Footer() {
  const { t } = useTranslation();
  const to = useLocalePath();
  const links = [
    ["/accessibility", "footer.accessibility"],
    ["/privacy", "footer.privacy"],
    ["/cookies", "footer.cookies"],
    ["/contact", "footer.contact"],
    ["/staff", "footer.staff"],
  ] as const;
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.label")}</h2>
            <ul className="govuk-footer__inline-list">
              {links.map(([path, key]) => (
                <li key={path} className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to={to(path)}>
                    {t(key)}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="govuk-body-s">{t("footer.copyright")}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** Sets the document title the GOV.UK way: "Error: " first when the page shows errors. */
export function PageTitle({ title, error = false }: { title: string; error?: boolean }) {
  const { t } = useTranslation();
  return <title>{`${error ? `${t("errorPrefix")}: ` : ""}${title} – ${t("titleSuffix")}`}</title>;
}

export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="govuk-back-link">
      {t("actions.back")}
    </Link>
  );
}
