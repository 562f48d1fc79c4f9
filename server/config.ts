// Every environment variable the server reads, validated once at boot.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** The bare address of "Name <a@b>" or "a@b", or null when it is not one. */
export function mailboxAddress(value: string): string | null {
  const m = /^\s*(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(value);
  const address = m?.[1] ?? m?.[2];
  return address && z.email().safeParse(address).success ? address : null;
}

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** localhost, 127.0.0.0/8 and ::1: addresses that never leave this machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional()),
    PGLITE_DIR: z.string().default("data/pglite"),
    DATA_DIR: z.string().default("data"),
    SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    COOKIE_SECURE: z.preprocess(emptyAsUndefined, booleanString.optional()),
    TRUST_PROXY: z.preprocess(emptyAsUndefined, booleanString.default(false)),
    SMTP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional()),
    MAIL_FROM: z.string().default("Doorstep <no-reply@doorstep.localhost>"),
    MAIL_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
    // Correspondence (docs/decisions/0014-correspondence.md): where replies go, and how mail comes in.
    MAIL_REPLY_TO: z.string().default("Doorstep casework <casework@doorstep.localhost>").refine((v) => mailboxAddress(v) !== null, "must be an email address, optionally as Name <address>"),
    INBOUND_SMTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).optional()),
    INBOUND_SMTP_HOST: z.string().default("127.0.0.1"),
    INBOUND_MAX_BYTES: z.coerce.number().int().min(64 * 1024).max(100 * 1024 * 1024).default(25 * 1024 * 1024),
    IMAP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^imaps?:\/\/[^/]+/, "must be an imap:// or imaps:// URL, e.g. imaps://user:pass@host/INBOX").optional()),
    IMAP_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    SEED_DEMO_DATA: z.preprocess(emptyAsUndefined, booleanString.optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    MAX_FORM_BYTES: z.coerce.number().int().positive().default(1_000_000),
    PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
    SERVER_TIMING: z.preprocess(emptyAsUndefined, booleanString.default(false)),
    // The fill-time check on public submissions (app/lib/forms.server.ts): a post sooner than this
    // after its page was given out is shown the page again. Off (0) by default in demo mode, where
    // test scripts fill forms at machine speed; 1500 ms otherwise.
    PUBLIC_FORM_MIN_FILL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(60_000).optional()),
    // The daily quotas per address on public submissions and uploads (server/limits/public.ts).
    // Off by default in demo mode only, where every test and benchmark comes from one loopback address.
    PUBLIC_ADDRESS_QUOTAS: z.preprocess(emptyAsUndefined, booleanString.optional()),
    // Public submissions (records made by the last step of a public journey) per address a day, and
    // public form posts per address in 10 minutes (server/limits/public.ts). Settable so a test can
    // prove the limit over HTTP with a handful of posts instead of hundreds.
    PUBLIC_SUBMISSIONS_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(100),
    PUBLIC_POSTS_PER_10_MIN: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    NUISANCE_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
    // Case payloads carry personal data: plain http only to this machine (tests, a local relay).
    WEBHOOK_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url()
        .regex(/^https?:\/\//, "must be an http:// or https:// URL")
        .refine((url) => url.startsWith("https://") || isLoopback(new URL(url).hostname), "must be an https:// URL (plain http:// only to localhost)")
        .optional(),
    ),
    WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    CHAT_ALLOWED_ORIGINS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default("")
        .transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean))
        .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, "must be origins like https://example.org, comma-separated"))),
    ),
    CHAT_OFFICE_HOURS: z
      .string()
      .default("09:00-17:00")
      .refine((v) => v === "always" || v === "closed" || /^\d{2}:\d{2}-\d{2}:\d{2}$/.test(v), "must be HH:MM-HH:MM, always or closed"),
    CHAT_CLOSED_DATES: z.preprocess(
      emptyAsUndefined,
      z.string().default("").transform((v) => v.split(",").map((d) => d.trim()).filter(Boolean)).pipe(z.array(z.iso.date())),
    ),
    CHAT_MAX_QUEUE: z.coerce.number().int().min(0).default(30),
    CHAT_ANSWER_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(120),
    CHAT_DISCONNECT_GRACE_SECONDS: z.coerce.number().int().positive().default(30),
    // A customer with no socket on their chat (tab closed) this long is ended: it stops holding a place.
    CHAT_CUSTOMER_GRACE_SECONDS: z.coerce.number().int().positive().default(120),
    CHAT_WELSH_FALLBACK_SECONDS: z.coerce.number().int().positive().default(120),
    CHAT_EVENTS_PER_CONNECTION: z.coerce.number().int().positive().default(30),
    CHAT_EVENTS_PER_IP: z.coerce.number().int().positive().default(600),
    CHAT_CONNECTIONS_PER_IP: z.coerce.number().int().positive().default(120),
    CHAT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  })
  .refine((env) => !env.WEBHOOK_URL || env.WEBHOOK_SECRET, { path: ["WEBHOOK_SECRET"], message: "required when WEBHOOK_URL is set (at least 32 characters)" })
  .transform((env) => {
    const embedded = !env.DATABASE_URL;
    return {
      env: env.NODE_ENV,
      port: env.PORT,
      host: env.HOST,
      publicUrl: env.PUBLIC_URL.replace(/\/$/, ""),
      databaseUrl: env.DATABASE_URL,
      embedded,
      pgliteDir: path.resolve(env.PGLITE_DIR),
      dataDir: path.resolve(env.DATA_DIR),
      sessionSecret: env.SESSION_SECRET,
      cookieSecure: env.COOKIE_SECURE ?? (env.NODE_ENV === "production" && !env.PUBLIC_URL.startsWith("http://")),
      trustProxy: env.TRUST_PROXY,
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      mailDir: path.resolve(env.MAIL_DIR ?? path.join(env.DATA_DIR, "mail")),
      mailReplyTo: env.MAIL_REPLY_TO,
      inbound: {
        smtpPort: env.INBOUND_SMTP_PORT,
        smtpHost: env.INBOUND_SMTP_HOST,
        maxBytes: env.INBOUND_MAX_BYTES,
        imapUrl: env.IMAP_URL,
        imapPollMs: env.IMAP_POLL_SECONDS * 1000,
      },
      // Demo staff with published passwords must never reach a real PostgreSQL by accident;
      // loadConfig also refuses them under an explicit NODE_ENV=production (see demoSeeding).
      seedDemoData: env.SEED_DEMO_DATA ?? embedded,
      /** Set by loadConfig: why demo data is (not) seeded, for the start-up warning. */
      demoWarning: undefined as string | undefined,
      logLevel: env.LOG_LEVEL,
      maxFormBytes: env.MAX_FORM_BYTES,
      /** Rendered anonymous public pages kept in memory (0 turns the page cache off). */
      pageCacheEntries: env.PAGE_CACHE_ENTRIES,
      /** Send a Server-Timing header (database statements, page cache hit) with every page. */
      serverTiming: env.SERVER_TIMING,
      /** Resolved by loadConfig (it depends on demo mode). */
      publicFormMinFillMs: env.PUBLIC_FORM_MIN_FILL_MS as number | undefined,
      publicAddressQuotas: env.PUBLIC_ADDRESS_QUOTAS as boolean | undefined,
      publicSubmissionsPerDay: env.PUBLIC_SUBMISSIONS_PER_DAY,
      publicPostsPer10Min: env.PUBLIC_POSTS_PER_10_MIN,
      nuisanceRetentionDays: env.NUISANCE_RETENTION_DAYS,
      // The outbox relay runs only when there is somewhere to deliver to.
      webhook: env.WEBHOOK_URL && env.WEBHOOK_SECRET ? { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET } : undefined,
      chat: {
        allowedOrigins: env.CHAT_ALLOWED_ORIGINS,
        officeHours: env.CHAT_OFFICE_HOURS,
        closedDates: env.CHAT_CLOSED_DATES,
        maxQueue: env.CHAT_MAX_QUEUE,
        answerTimeoutMs: env.CHAT_ANSWER_TIMEOUT_SECONDS * 1000,
        disconnectGraceMs: env.CHAT_DISCONNECT_GRACE_SECONDS * 1000,
        customerGraceMs: env.CHAT_CUSTOMER_GRACE_SECONDS * 1000,
        welshFallbackMs: env.CHAT_WELSH_FALLBACK_SECONDS * 1000,
        /** Events per 10 seconds. */
        eventsPerConnection: env.CHAT_EVENTS_PER_CONNECTION,
        eventsPerIp: env.CHAT_EVENTS_PER_IP,
        /** New socket connections per minute. */
        connectionsPerIp: env.CHAT_CONNECTIONS_PER_IP,
        retentionDays: env.CHAT_RETENTION_DAYS,
      },
    };
  });

export type Config = Omit<z.output<typeof ConfigSchema>, "publicFormMinFillMs" | "publicAddressQuotas"> & {
  sessionSecret: string;
  publicFormMinFillMs: number;
  publicAddressQuotas: boolean;
};

/** Quicker than anyone reads a "check your answers" page; slower than a script. */
export const DEFAULT_MIN_FILL_MS = 1500;

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(config)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
  }
  const demo = demoSeeding(parsed.data, source);
  const config = {
    ...parsed.data,
    ...demo,
    publicFormMinFillMs: parsed.data.publicFormMinFillMs ?? (demo.seedDemoData ? 0 : DEFAULT_MIN_FILL_MS),
    publicAddressQuotas: parsed.data.publicAddressQuotas ?? !demo.seedDemoData,
  };
  if (config.sessionSecret) return config as Config;
  if (!config.embedded) {
    throw new ConfigError("Invalid configuration:\n  SESSION_SECRET: required when DATABASE_URL is set (at least 32 characters).");
  }
  // Embedded demo mode: keep a generated secret beside the data so sessions survive restarts.
  const secretFile = path.join(config.dataDir, "session-secret");
  mkdirSync(config.dataDir, { recursive: true });
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  return { ...config, sessionSecret: readFileSync(secretFile, "utf8").trim() };
}

/**
 * Demo staff have published passwords. With NODE_ENV=production set by the operator they are
 * seeded only when SEED_DEMO_DATA=true is set as well, and then with a warning at start. The
 * quick start (`npm start`, NODE_ENV unset, embedded database) keeps its demo data.
 */
function demoSeeding(config: { seedDemoData: boolean }, source: NodeJS.ProcessEnv): { seedDemoData: boolean; demoWarning?: string } {
  const explicit = source.SEED_DEMO_DATA !== undefined && source.SEED_DEMO_DATA !== "";
  if (source.NODE_ENV === "production") {
    if (!explicit) return { seedDemoData: false };
    if (config.seedDemoData) {
      return { seedDemoData: true, demoWarning: "SEED_DEMO_DATA=true with NODE_ENV=production: demo staff accounts with published passwords are seeded. Never do this in real use." };
    }
    return { seedDemoData: false };
  }
  return config.seedDemoData ? { seedDemoData: true, demoWarning: "Demo mode: demo staff accounts with published passwords are seeded (SEED_DEMO_DATA=false to stop)." } : { seedDemoData: false };
}
