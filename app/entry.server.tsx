// Streams each page with this response's CSP nonce on every script React Router emits.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, UNSAFE_ErrorResponseImpl, redirectDocument, type AppLoadContext, type EntryContext, type HandleDataRequestFunction, type HandleErrorFunction } from "react-router";
import { isDatabaseUnavailable, pageOfDataRequest } from "../server/http/unavailable";
import { ServerI18nContext } from "./lib/i18n";
import { pageI18nFor } from "./lib/locales.server";
import { NonceContext } from "./lib/nonce";
import { pageHydrates } from "./lib/hydrate";

export const streamTimeout = 5_000;

/**
 * Requests (by their load context) that failed because the database could not be reached. In
 * production React Router replaces every error by a bare "Unexpected Server Error" before
 * handleRequest sees it, so the outage is recognised here, where the original error still is.
 */
const databaseUnavailable = new WeakSet<object>();

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (isDatabaseUnavailable(error)) {
    if (context) databaseUnavailable.add(context);
    return;
  }
  // What React Router does without this export: log what went wrong (not an aborted request).
  if (!request.signal.aborted) console.error(error);
};

/**
 * A data request (a navigation or form post with JavaScript on) that met the outage would reach
 * the browser as React Router's generic "Unexpected Server Error". Instead the browser is told to
 * load the page as a whole document, which gets the 503 "try again" page below in the person's
 * language (or the page itself, if the database is back). A post's answers are not half-saved:
 * writes run in transactions.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request, context }) => {
  if (!databaseUnavailable.has(context)) return response;
  return redirectDocument(pageOfDataRequest(request.url), { headers: { "Cache-Control": "no-store" } });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  // A page that does not hydrate runs none of React Router's scripts: it gets no handoff of its
  // loader data (an empty Suspense boundary in the HTML otherwise) and React Router is given no
  // nonce (it would stamp it on the stylesheet link, which the CSP allows by origin). Our own
  // scripts (the chat launcher) take the nonce from NonceContext. Issue 15: public HTML not to grow.
  const hydrates = pageHydrates(routerContext.staticHandlerContext.matches.map((match) => routerContext.routeModules[match.route.id]?.handle));
  let pageContext = routerContext;
  if (!hydrates && routerContext.serverHandoffStream) {
    void routerContext.serverHandoffStream.cancel().catch(() => {});
    pageContext = { ...routerContext, serverHandoffStream: undefined };
  }
  // The database cannot be reached (an outage, a failover): a 503 "try again" page in the
  // person's language instead of a generic 500. Writes run in transactions, so nothing is half-saved.
  const errors = routerContext.staticHandlerContext.errors;
  const outage = databaseUnavailable.has(loadContext);
  for (const [routeId, error] of Object.entries(errors ?? {})) {
    if (!outage && !isDatabaseUnavailable(error)) continue;
    errors![routeId] = new UNSAFE_ErrorResponseImpl(503, "Service Unavailable", { reason: "unavailable" });
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", "30");
    responseHeaders.set("Cache-Control", "no-store");
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Crawlers and JavaScript-off readers get the whole document at once.
    const readyEvent = isbot(request.headers.get("user-agent") ?? "") || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerI18nContext.Provider value={pageI18nFor}>
          <ServerRouter context={pageContext} url={request.url} nonce={hydrates ? nonce : undefined} />
        </ServerI18nContext.Provider>
      </NonceContext.Provider>,
      {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = new PassThrough({
          // The page is sent: drop the abort timer, or it keeps the whole render alive for six seconds
          // (issue 12's hostile run: ~400 finished pages held at once under load).
          final(callback) {
            clearTimeout(abortTimer);
            callback();
          },
        });
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        clearTimeout(abortTimer);
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    const abortTimer = setTimeout(abort, streamTimeout + 1000);
  });
}
