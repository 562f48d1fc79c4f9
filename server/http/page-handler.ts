// Every page through React Router, with a small cache of rendered anonymous public pages.
//
// Why: a public page that shows only text cost ten to twenty times a health check, almost all
// of it React Router and React rendering the same HTML again (docs/decisions/0015-page-cost.md).
// A route opts in by sending `X-Page-Cache-Ttl: <seconds>` (app/lib/page-cache.ts); the page is
// then kept for a visitor who carries no state (no session or preference cookie, only the CSRF
// and language cookies) and served again with this response's own CSP nonce and CSRF token put
// back in place of the placeholders it was rendered with. Anyone with a session, any other
// method and any other route render as before, streamed.
import { writeReadableStreamToWritable } from "@react-router/node";
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "react-router";
import { currentRequestContext } from "./request-context";
import { requestBodyStream } from "./request-body";

export const PAGE_CACHE_HEADER = "x-page-cache-ttl";
/** Cookies that never change what a public page shows. */
const NEUTRAL_COOKIES = new Set(["doorstep_csrf", "lang"]);
const NONCE_PLACEHOLDER = "DoorstepPageCacheNonce0000";
const CSRF_PLACEHOLDER = "DoorstepPageCacheCsrfToken000000000000000000";
const MAX_KEY_LENGTH = 300;

type CachedPage = { status: number; headers: [string, string][]; body: string; expiresAt: number };

export type PageHandlerOptions = {
  build: () => Promise<ServerBuild>;
  mode: "development" | "production";
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  cacheEntries: number;
  serverTiming: boolean;
  now?: () => number;
};

/** The cache key for a request that may be answered from the cache, or undefined. */
export function pageCacheKey(req: Pick<Request, "method" | "originalUrl" | "headers">, bodyTooLarge: boolean): string | undefined {
  if (req.method !== "GET" || bodyTooLarge) return undefined;
  if (req.originalUrl.length > MAX_KEY_LENGTH || req.headers.authorization) return undefined;
  // React Router's data requests and resource routes are never cached.
  if (/\.data(\?|$)/.test(req.originalUrl)) return undefined;
  const cookie = req.headers.cookie;
  if (cookie) {
    for (const part of cookie.split(";")) {
      const name = part.slice(0, part.indexOf("=")).trim();
      if (name && !NEUTRAL_COOKIES.has(name)) return undefined;
    }
  }
  return req.originalUrl;
}

type RequestHandler = ReturnType<typeof createRequestHandler>;

/**
 * React Router's handler for the build. Given a build *function*, React Router derives its route
 * tables again on every request (so development can swap builds): flattening, ranking and
 * compiling the regular expressions of ~160 route paths, a third of the server's CPU for a
 * form post. A production build never changes, so there it gets the build itself, once.
 */
export function reactRouterHandler(build: () => Promise<ServerBuild>, mode: "development" | "production"): RequestHandler {
  if (mode !== "production") return createRequestHandler(build, mode);
  let handler: Promise<RequestHandler> | undefined;
  return async (request, loadContext) => {
    handler ??= build().then(
      (resolved) => createRequestHandler(resolved, mode),
      (error: unknown) => {
        handler = undefined; // tried again on the next request
        throw error;
      },
    );
    return (await handler)(request, loadContext);
  };
}

export function createPageHandler(options: PageHandlerOptions) {
  const handleRequest = reactRouterHandler(options.build, options.mode);
  const now = options.now ?? Date.now;
  const cache = new Map<string, CachedPage>();
  const rendering = new Map<string, Promise<CachedPage | null>>();

  const remember = (key: string, page: CachedPage) => {
    cache.delete(key);
    cache.set(key, page);
    // Oldest first: a Map keeps insertion order, and a hit re-inserts.
    while (cache.size > options.cacheEntries) cache.delete(cache.keys().next().value!);
  };

  const timing = (res: Response, cacheState: "hit" | "miss" | "none") => {
    if (!options.serverTiming) return;
    const queries = currentRequestContext()?.dbQueries ?? 0;
    res.append("Server-Timing", `db;desc="queries ${queries}", page-cache;desc="${cacheState}"`);
  };

  const sendPage = (res: Response, page: CachedPage) => {
    const { nonce, csrfToken } = res.locals as { nonce: string; csrfToken: string };
    res.status(page.status);
    for (const [name, value] of page.headers) res.append(name, value);
    res.send(page.body.replaceAll(NONCE_PLACEHOLDER, nonce).replaceAll(CSRF_PLACEHOLDER, csrfToken));
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const key = options.cacheEntries > 0 ? pageCacheKey(req, res.locals.bodyTooLarge === true) : undefined;
      if (key) {
        const hit = cache.get(key);
        if (hit && hit.expiresAt > now()) {
          remember(key, hit);
          timing(res, "hit");
          return sendPage(res, hit);
        }
        if (hit) cache.delete(key);
        // The same page already being rendered for someone else (the first visitors after a
        // start or an expiry arrive together): wait for that one instead of rendering it again,
        // which at 100 requests/s stacked up hundreds of identical renders behind the first.
        const pending = rendering.get(key);
        if (pending) {
          const shared = await pending;
          if (shared) {
            timing(res, "hit");
            return sendPage(res, shared);
          }
        }
      }
      let settle: ((page: CachedPage | null) => void) | undefined;
      if (key && !rendering.has(key)) rendering.set(key, new Promise<CachedPage | null>((resolve) => (settle = resolve)));
      try {
        await render(req, res, key, (page) => settle?.(page));
      } finally {
        if (settle) {
          settle(null);
          rendering.delete(key!);
        }
      }
    } catch (error) {
      next(error);
    }
  };

  /** Renders through React Router; `shared` is told the page when it may be served to others too. */
  async function render(req: Request, res: Response, key: string | undefined, shared: (page: CachedPage) => void) {
    const context = options.getLoadContext(req, res);
    const response = await handleRequest(toFetchRequest(req, res), key ? { ...context, nonce: NONCE_PLACEHOLDER, csrfToken: CSRF_PLACEHOLDER } : context);
    const ttl = Number(response.headers.get(PAGE_CACHE_HEADER));
    response.headers.delete(PAGE_CACHE_HEADER);
    if (!key) {
      timing(res, "none");
      return await sendStreamed(res, response);
    }
    // Rendered with placeholders: always answered from the whole text, cached or not.
    const isHtml = /^text\/html/.test(response.headers.get("content-type") ?? "");
    if (!isHtml) {
      timing(res, "none");
      return await sendStreamed(res, response);
    }
    const page: CachedPage = {
      status: response.status,
      headers: [...response.headers.entries()].filter(([name]) => name !== "content-length"),
      body: await response.text(),
      expiresAt: now() + ttl * 1000,
    };
    const cacheable = ttl > 0 && response.status === 200 && !response.headers.has("set-cookie");
    if (cacheable) {
      remember(key, page);
      shared(page);
    }
    timing(res, cacheable ? "miss" : "none");
    sendPage(res, page);
  }
}

function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const forwarded = req.app?.enabled("trust proxy") ? req.get("x-forwarded-host") : undefined;
  const host = forwarded ?? req.get("host") ?? "localhost";
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    // Not @react-router/node's stream: a body the page leaves unread must not stall the connection.
    init.body = requestBodyStream(req, res);
    init.duplex = "half";
  }
  return new Request(`${req.protocol}://${host}${req.originalUrl}`, init);
}

async function sendStreamed(res: Response, response: globalThis.Response) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (!response.body) return void res.end();
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (!res.destroyed && !res.writableEnded) throw error;
  }
}
