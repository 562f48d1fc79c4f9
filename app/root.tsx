import "./styles/app.scss";
import { useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type LoaderFunctionArgs,
} from "react-router";
import { BackLink, Footer, Header, LanguageSwitch, PageTitle, SkipLink } from "./components/layout";
import { createI18n, loadedTranslations, ServerI18nContext } from "./lib/i18n";
import { langFromPath } from "./lib/lang";
import { takeTyped } from "./lib/typed.server";
import { browserTranslationsPath } from "./lib/locales.server";
import { issueFormTime } from "../server/http/csrf";
import { useNonce } from "./lib/nonce";
import { pageHydrates } from "./lib/hydrate";
import { PageHydratesContext } from "./components/link";
import { useLocalePath } from "./lib/use-lang";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Oversized posts arrive here as a GET with this flag (see server/http/app.ts).
  if (context.bodyTooLarge) throw data({ reason: "tooLarge" }, { status: 413 });
  const lang = langFromPath(new URL(request.url).pathname);
  // No translations in the page: the server renders from its shared instance, and pages that
  // hydrate (staff) load them as one cached script per language (server/i18n/browser-translations.ts).
  // Typed on this page before a language switch (app/lib/typed.server.ts): shown once. Reads the
  // session only when the switch's marker cookie is there, so anonymous pages stay query-free.
  const typed = await takeTyped(request, context);
  // formIssued: when this page's forms were given out, for the fill-time check (forms.server.ts).
  const formIssued = issueFormTime(context.services.config.sessionSecret, context.csrfToken, Date.now());
  const body = { lang, csrfToken: context.csrfToken, typed: typed.values, typedNotice: typed.notice, formIssued, translationsScript: browserTranslationsPath(lang) };
  return typed.headers ? data(body, { headers: typed.headers }) : body;
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const lang = root?.lang ?? langFromPath(location.pathname);
  const serverI18n = useContext(ServerI18nContext);
  const i18n = useMemo(() => (serverI18n ? serverI18n(lang) : createI18n(lang, loadedTranslations(lang))), [serverI18n, lang]);
  const nonce = useNonce();
  const matches = useMatches();
  const hydrate = pageHydrates(matches.map((match) => match.handle));
  // The chat launcher (one small script, no socket until clicked) on every public page, so a person
  // can ask for help wherever they are; never on staff pages. A route can opt out with `handle.chatWidget: false`.
  const chatWidget =
    !/^\/(cy\/)?staff(\/|$)/.test(location.pathname) && !matches.some((match) => (match.handle as { chatWidget?: boolean } | undefined)?.chatWidget === false);
  return (
    <html lang={lang === "cy" ? "cy" : "en-GB"} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#00566b" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <I18nextProvider i18n={i18n}>
          <PageHydratesContext.Provider value={hydrate}>
            <SkipLink />
            <Header />
            <div className="govuk-width-container">
              <LanguageSwitch />
              <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
                {children}
              </main>
            </div>
            <Footer />
          </PageHydratesContext.Provider>
        </I18nextProvider>
        {chatWidget ? <script src="/widget.js" nonce={nonce} defer data-lang={lang} /> : null}
        {hydrate ? (
          <>
            {/* Before the module scripts, which run after it: hydration renders with these texts. */}
            {root?.translationsScript ? <script src={root.translationsScript} nonce={nonce} /> : null}
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const to = useLocalePath();
  let key = "server";
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const reason = (error.data as { reason?: string } | undefined)?.reason;
    if (status === 404) key = "notFound";
    else if (status === 413) key = "tooLarge";
    else if (status === 429) key = reason === "dailyQuota" ? "dailyQuota" : "tooManyRequests";
    else if (status === 503) key = "unavailable";
    else if (status === 403) key = reason === "expired" ? "expired" : "forbidden";
  } else if (import.meta.env.DEV && error instanceof Error) {
    console.error(error);
  }
  return (
    <div data-status={status}>
      <PageTitle title={t(`errors.${key}.title`)} />
      {key === "expired" || key === "tooLarge" ? <BackLink to={to("/")} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t(`errors.${key}.title`)}</h1>
          <p className="govuk-body">{t(`errors.${key}.body`)}</p>
          {key === "notFound" || key === "server" ? <p className="govuk-body">{t(`errors.${key}.body2`)}</p> : null}
          <p className="govuk-body">
            <a className="govuk-link" href={to("/")}>
              {t("errors.notFound.home")}
            </a>
          </p>
        </div>
      </div>
    </div>
  );
}
