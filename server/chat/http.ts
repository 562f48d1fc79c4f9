// The page the widget opens in its iframe (/chat/frame): served from our origin, embeddable
// only by the origins in CHAT_ALLOWED_ORIGINS (CSP frame-ancestors), and told which host
// page it may talk to by postMessage — an origin checked here against the same list.
import { randomBytes } from "node:crypto";
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
<link rel="stylesheet" href="/chat-app.css">
</head>
<body>
<div id="chat-app" data-lang="${lang}" data-host-origin="${escapeHtml(hostOrigin)}" data-hours="${escapeHtml(hours)}"></div>
<script nonce="${nonce}" id="chat-strings" type="application/json">${strings}</script>
<script nonce="${nonce}" src="/chat-app.js" defer></script>
</body>
</html>`);
  };
  // The loader is fetched by other websites' pages: helmet's same-origin resource policy would block it.
  router.get("/widget.js", (_req, res, next) => {
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.setHeader("Cache-Control", "public, max-age=300");
    res.sendFile(path.join(clientDir, "widget.js"), (err) => err && next());
  });
  router.get("/chat/frame", frame);
  router.get("/cy/chat/frame", frame);
  return router;
}
