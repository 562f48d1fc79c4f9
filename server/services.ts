// The application's long-lived services, made once at boot and handed to routes
// through React Router's load context.
import type { Logger } from "pino";
import { createSignInLimiter, type SignInLimiter } from "./auth/rate-limit";
import { createAppSessionStorage, type AppSessionStorage } from "./auth/sessions";
import type { Config } from "./config";
import { openDatabase, type Database, type Prisma } from "./db";
import { createOutgoingDecorator } from "./correspondence/outgoing";
import { createLimits, type Limits } from "./limits";
import { createMailWorker } from "./mail/mail-worker";
import { createMailer, type Mailer } from "./mail/mailer";

export type Services = {
  config: Config;
  logger: Logger;
  db: Database;
  prisma: Prisma;
  sessions: AppSessionStorage;
  mailer: Mailer;
  mailWorker: ReturnType<typeof createMailWorker>;
  /** Makes rate limiters: in PostgreSQL when DATABASE_URL is set (shared by every instance), else in memory. */
  limits: Limits;
  signInLimiter: SignInLimiter;
  now: () => Date;
  /** The background job queue, once started (server/main.ts). */
  jobs?: import("./jobs/queue").JobQueue;
  /** The live chat, once socket.io is attached (server/main.ts). */
  chat?: import("./chat/application").ChatApplication;
};

export async function createServices(config: Config, logger: Logger): Promise<Services> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const limits = createLimits({ databaseUrl: config.databaseUrl, secret: config.sessionSecret, logger });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir: config.mailDir });
  return {
    config,
    logger,
    db,
    prisma: db.prisma,
    sessions: createAppSessionStorage({ prisma: db.prisma, sql: db.sql, secret: config.sessionSecret, secure: config.cookieSecure }),
    mailer,
    mailWorker: createMailWorker({ prisma: db.prisma, mailer, logger, decorate: createOutgoingDecorator({ prisma: db.prisma, replyTo: config.mailReplyTo }) }),
    limits,
    signInLimiter: createSignInLimiter(limits),
    now: () => new Date(),
  };
}

declare module "react-router" {
  interface AppLoadContext {
    services: Services;
    /** This response's CSP nonce. */
    nonce: string;
    /** The CSRF token every form on this page must carry. */
    csrfToken: string;
    clientIp: string;
    /** Set when a form post was larger than MAX_FORM_BYTES; the root loader answers 413. */
    bodyTooLarge?: boolean;
  }
}
