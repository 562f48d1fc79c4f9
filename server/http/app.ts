// The Express application: security headers, logging, static files, health, and
// every page through React Router.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import expressStaticGzip from "express-static-gzip";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { ServerBuild } from "react-router";
import { chatFrameRouter } from "../chat/http";
import { safePath } from "../logger";
import type { Services } from "../services";
import { langFromPath } from "../../shared/lang";
import { UPLOAD_LIMITS } from "../domain/concerns/uploads.js";
import { createApiRouter } from "../api/router";
import { serveBrowserTranslations } from "../i18n/browser-translations";
import { csrfCookie, readCookieLeniently } from "./csrf";
import { healthCheck } from "./health";
import { createPageHandler } from "./page-handler";
import { closeAfterAnswer } from "./request-body";
import { runWithRequestContext } from "./request-context";

export type AppOptions = {
  services: Services;
  build: () => Promise<ServerBuild>;
  /** Vite's dev middleware, in development only. */
  devMiddleware?: express.RequestHandler;
  clientDir: string;
};

/** Paths whose answers hold personal data and must never be stored by a browser or cache. */
export const PRIVATE_PAGES = /^\/(cy\/)?(staff|track)(\/|\.|$)/;

export function createApp({ services, build, devMiddleware, clientDir }: AppOptions) {
  const { config, logger } = services;
  const dev = Boolean(devMiddleware);
  const app = express();
  app.disable("x-powered-by");
  if (config.trustProxy) app.set("trust proxy", 1);
  // Only for Server-Timing: an AsyncLocalStorage turns on promise hooks for every promise in
  // the process, a cost every request would pay for a header nobody reads in production.
  if (config.serverTiming) app.use((_req, _res, next) => runWithRequestContext(next));

  app.use(
    pinoHttp({
      logger,
      genReqId: () => randomBytes(8).toString("hex"),
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: safePath(req.url) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/assets/") === true },
    }),
  );

  app.use((_req, res, next) => {
    res.locals.nonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // Vite's dev client injects inline scripts without a nonce.
          scriptSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
          styleSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: dev ? ["'self'", "ws:"] : ["'self'"],
          frameAncestors: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use(compression());

  app.get("/healthz", async (_req, res) => {
    const health = await healthCheck(services);
    res.status(health.status === "ok" ? 200 : 503).set("Cache-Control", "no-store").json(health);
  });

  // Before the static files: the widget loader is served for other websites (CORP cross-origin).
  app.use(chatFrameRouter(services, clientDir));
  if (devMiddleware) {
    app.use(devMiddleware);
  } else {
    // The build wrote .br and .gz beside each file (scripts/ensure-build.mjs): sent as they are.
    const precompressed = { enableBrotli: true, orderPreference: ["br"], index: false as const };
    app.use("/assets", expressStaticGzip(path.join(clientDir, "assets"), { ...precompressed, serveStatic: { immutable: true, maxAge: "1y", index: false } }));
    // The few files at the top of the client build (favicon, widget): asked only for those names,
    // so a page request does not first look for a file of its own name on disk.
    const topFiles = new Set(readdirSync(clientDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`));
    const topStatic = expressStaticGzip(clientDir, { ...precompressed, serveStatic: { maxAge: "1h", index: false } });
    app.use((req, res, next) => (topFiles.has(req.path) ? topStatic(req, res, next) : next()));
  }
  app.get("/i18n/:file", serveBrowserTranslations);

  // The read API: bearer tokens, no cookies, so it sits before the CSRF cookie and the pages.
  app.use("/api/v1", createApiRouter({ prisma: services.prisma, now: services.now, limits: services.limits }));

  app.use(rejectOversizedForms((path) => formBodyLimit(path, config.maxFormBytes)));
  app.use(csrfCookie({ secret: config.sessionSecret, secure: config.cookieSecure }));
  // Remembers the last language a person read pages in, for places the URL cannot say (the chat widget).
  app.use((req, res, next) => {
    if (req.method === "GET" && !/\.(?!data$)\w+$/.test(req.path)) {
      const lang = langFromPath(req.path);
      if (readCookieLeniently(req.headers.cookie, "lang") !== lang) {
        res.cookie("lang", lang, { maxAge: 365 * 24 * 3600_000, sameSite: "lax", secure: config.cookieSecure, path: "/" });
      }
    }
    next();
  });

  // Staff pages and /track answers hold personal data: no browser or proxy keeps a copy
  // (the back button after signing out, a shared computer). Data requests (.data) included.
  app.use((req, res, next) => {
    if (PRIVATE_PAGES.test(req.path)) res.set("Cache-Control", "no-store");
    next();
  });

  app.all(
    "/{*path}",
    createPageHandler({
      build,
      mode: dev ? "development" : "production",
      cacheEntries: dev ? 0 : config.pageCacheEntries,
      serverTiming: config.serverTiming,
      getLoadContext: (req, res) => ({
        services,
        nonce: res.locals.nonce as string,
        csrfToken: res.locals.csrfToken as string,
        clientIp: req.ip ?? "unknown",
        bodyTooLarge: res.locals.bodyTooLarge === true,
      }),
    }),
  );

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log?.error({ err: error }, "unhandled error");
    if (!res.headersSent) res.status(500).type("text/plain").send("Sorry, there is a problem with the service.");
  });

  return app;
}

/**
 * The few form posts allowed to be larger than MAX_FORM_BYTES, each only as large as it needs:
 * the concerns upload page takes up to 6 files of 5 MB (its route enforces the per-file and
 * total limits again while it reads the body).
 */
export const LARGE_FORM_ALLOWANCES: readonly { path: RegExp; maxBytes: number }[] = [
  { path: /^(\/cy)?\/concerns\/report\/files(\.data)?$/, maxBytes: UPLOAD_LIMITS.maxRequestBytes },
  // A nuisance email contact with its .eml file (the route refuses files over EML_MAX_BYTES in words).
  { path: /^(\/cy)?\/report-nuisance\/contact\/[\w-]+(\.data)?$/, maxBytes: 5 * 1024 * 1024 },
];

/** The largest body a POST to this path may have. */
export function formBodyLimit(pathname: string, defaultLimit: number): number {
  const allowance = LARGE_FORM_ALLOWANCES.find((a) => a.path.test(pathname));
  return allowance ? Math.max(allowance.maxBytes, defaultLimit) : defaultLimit;
}

/**
 * A form post over the limit is answered by the page itself (as a GET with a
 * flag the root loader turns into a 413), so the person sees a proper page in
 * their language; the body is discarded unread.
 */
function rejectOversizedForms(limitFor: (path: string) => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = limitFor(req.path);
    const length = Number(req.headers["content-length"] ?? Number.NaN);
    const chunked = req.headers["transfer-encoding"] !== undefined;
    if ((Number.isFinite(length) && length > limit) || (chunked && !Number.isFinite(length))) {
      res.locals.bodyTooLarge = true;
      // Connection: close, the body read and discarded, and a lingering close so a client still
      // sending it reads the 413 instead of a reset.
      closeAfterAnswer(req, res);
      req.method = "GET";
      delete req.headers["content-length"];
      delete req.headers["content-type"];
      delete req.headers["transfer-encoding"];
    }
    next();
  };
}
