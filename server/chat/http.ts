// The page the widget opens in its iframe (/chat/frame): served from our origin, embeddable
// only by the origins in CHAT_ALLOWED_ORIGINS (CSP frame-ancestors), and told which host
// page it may talk to by postMessage — an origin checked here against the same list.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";
import en from "../../locales/en/widget.json";
import cy from "../../locales/cy/widget.json";
import { escapeHtml } from "../domain/chat/transcript.js";
import type { Services } from "../services.js";

export function chatFrameRouter(services: Services, clientDir: string) {
  const { config } = services;
  const self = new URL(config.publicUrl).origin;
  const allowed = new Set([self, ...config.chat.allowedOrigins]);
  const router = express.Router();
  // `npm run dev` has no client build: build the widget once into the client folder, on the fly.
  if (config.env === "development") {
    void import("../../widget/build.js").then((m) => m.buildWidget(clientDir)).catch((err) => services.logger.warn({ err }, "widget build failed"));
  }
  // The app's URL carries its content hash, so a new release is never hidden by a cached copy.
  let appVersion = "";
  const version = () => {
    if (appVersion) return appVersion;
    try {
      appVersion = createHash("sha256").update(readFileSync(path.join(clientDir, "chat-app.js"))).digest("hex").slice(0, 12);
    } catch {
      return "dev";
    }
    return appVersion;
  };

  const frame = (req: Request, res: Response) => {
    const lang = req.query.lang === "cy" || req.path.startsWith("/cy/") ? "cy" : "en";
    const requested = typeof req.query.host === "string" ? req.query.host : "";
    // Only an allowed origin is ever used as a postMessage target; anything else falls back to our own.
    const hostOrigin = allowed.has(requested) ? requested : self;
    const nonce = randomBytes(16).toString("base64");
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        `frame-ancestors ${[...allowed].join(" ")}`,
      ].join("; "),
    );
    res.setHeader("Cache-Control", "no-store");
    // helmet says SAMEORIGIN for every page; this one is framed by the allowed hosts (CSP frame-ancestors decides).
    res.removeHeader("X-Frame-Options");
    res.setHeader("Referrer-Policy", "same-origin");
    const strings = JSON.stringify({ en, cy }).replace(/</g, "\\u003c");
    const hours = config.chat.officeHours;
    res.type("html").send(`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml((lang === "cy" ? cy : en).app.title)}</title>
<link rel="stylesheet" href="/chat-app.css?v=${version()}">
</head>
<body>
<div id="chat-app" data-lang="${lang}" data-host-origin="${escapeHtml(hostOrigin)}" data-hours="${escapeHtml(hours)}"></div>
<script nonce="${nonce}" id="chat-strings" type="application/json">${strings}</script>
<script nonce="${nonce}" src="/chat-app.js?v=${version()}" defer></script>
</body>
</html>`);
  };
  // The loader is fetched by other websites' pages: helmet's same-origin resource policy would block it.
  router.get("/widget.js", (_req, res, next) => {
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.setHeader("Cache-Control", "public, max-age=300");
    res.sendFile(path.join(clientDir, "widget.js"), (err) => err && next());
  });
  // The app in the iframe (also in `npm run dev`, where there is no static client folder).
  router.get(["/chat-app.js", "/chat-app.css"], (req, res, next) => {
    res.setHeader("Cache-Control", req.query.v === version() ? "public, max-age=31536000, immutable" : "public, max-age=300");
    res.sendFile(path.join(clientDir, path.basename(req.path)), (err) => err && next());
  });
  router.get("/chat/frame", frame);
  router.get("/cy/chat/frame", frame);
  return router;
}
