// Structured logs that never carry personal data: no bodies, no query strings, no cookies.
import pino, { type Logger } from "pino";

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "doorstep" },
    redact: { paths: ["req.headers", "res.headers", "email", "name", "password", "*.email", "*.password"], remove: true },
  });
}

/** The path with ids that might identify someone replaced, and without the query string. */
export function safePath(url: string): string {
  const path = url.split("?")[0] ?? "/";
  return path.replace(/[A-Za-z]{3,4}\d{6,7}/g, ":reference").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ":id");
}
