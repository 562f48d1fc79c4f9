// Structured logs that never carry personal data: no bodies, no query strings, no cookies,
// and no path segment that is a token, an email address, a phone number or a reference.
import pino, { type Logger } from "pino";

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "doorstep" },
    redact: { paths: ["req.headers", "res.headers", "email", "name", "password", "*.email", "*.password"], remove: true },
  });
}

// Segments that follow these words are secrets or identifiers whatever they look like
// (a short or oddly-shaped token is still a token; an offender key may be a name).
const AFTER: [RegExp, string][] = [
  [/^(resume|consent)$/, ":token"],
];
// /staff/offenders/<dimension>/<key>: the key is a number, an address, a domain or a company.
const OFFENDER_DIMENSIONS = new Set(["number", "sender", "domain", "company"]);

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** What one path segment is, if it could identify someone or unlock something; null when safe to log. */
export function maskSegment(raw: string): string | null {
  const value = decode(raw);
  if (value.includes("@")) return ":email";
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return ":id";
  // Case and record references: letters then digits, 10 characters (RFA0012345, FS50012345, ADJ0000001).
  if (/^[A-Za-z]{2,4}\d{5,8}$/.test(value) || /[A-Za-z]{2,4}\d{6,8}/.test(value)) return ":reference";
  // Phone numbers: 7 or more digits, with the spaces, dashes, dots, brackets and + people type.
  if (/^[+(]?[\d\s().-]{7,}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7) return ":phone";
  // Tokens: long runs of URL-safe random characters (letters and digits mixed).
  if (value.length >= 16 && /^[A-Za-z0-9_-]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)) return ":token";
  if (value.length >= 32 && /^[A-Za-z0-9_-]+$/.test(value)) return ":token";
  return null;
}

/** The path with every segment that might identify someone or unlock something masked, and without the query string. */
export function safePath(url: string): string {
  const path = (url.split("?")[0] ?? "/").split("#")[0]!;
  const segments = path.split("/");
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i]!;
    // React Router's data requests end in .data; keep the suffix, mask the rest.
    const suffix = /\.(data|csv|json|pdf)$/.exec(raw)?.[0] ?? "";
    const bare = suffix ? raw.slice(0, -suffix.length) : raw;
    const previous = out.length ? segments[i - 1]! : "";
    const positional = AFTER.find(([word]) => word.test(previous))?.[1];
    const offenderKey = i >= 2 && segments[i - 2] === "offenders" && OFFENDER_DIMENSIONS.has(previous) ? ":key" : null;
    const masked = bare === "" ? null : (positional ?? offenderKey ?? maskSegment(bare));
    out.push(masked ? masked + suffix : raw);
  }
  return out.join("/") || "/";
}
