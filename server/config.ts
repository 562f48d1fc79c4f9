// Every environment variable the server reads, validated once at boot.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

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
    SEED_DEMO_DATA: z.preprocess(emptyAsUndefined, booleanString.optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    MAX_FORM_BYTES: z.coerce.number().int().positive().default(1_000_000),
    NUISANCE_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
    WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.url().regex(/^https?:\/\//, "must be an http:// or https:// URL").optional()),
    WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
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
      // Demo staff with published passwords must never reach a real PostgreSQL by accident.
      seedDemoData: env.SEED_DEMO_DATA ?? embedded,
      logLevel: env.LOG_LEVEL,
      maxFormBytes: env.MAX_FORM_BYTES,
      nuisanceRetentionDays: env.NUISANCE_RETENTION_DAYS,
      // The outbox relay runs only when there is somewhere to deliver to.
      webhook: env.WEBHOOK_URL && env.WEBHOOK_SECRET ? { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET } : undefined,
    };
  });

export type Config = z.output<typeof ConfigSchema> & { sessionSecret: string };

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(config)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
  }
  const config = parsed.data;
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
