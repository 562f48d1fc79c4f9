// Delivers queued EmailMessage rows with exponential back-off. The job queue runs it as the
// "mail-deliver" job (server/jobs/background.ts), one turn at a time for the whole deployment;
// kick() sends what a request just queued straight away on that instance. Rows are claimed with
// FOR UPDATE SKIP LOCKED, so a kick beside a running turn never sends a message twice.
import type { Logger } from "pino";
import type { Prisma } from "../db";
import type { Mailer, OutgoingMail } from "./mailer";

export const MAIL_MAX_ATTEMPTS = 10;
const MAX_ATTEMPTS = MAIL_MAX_ATTEMPTS;

export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 2 ** attempts * 30_000);
}

type Decorate = (email: { id: string; subject: string; caseId: string | null; attachments?: unknown }) => Promise<Partial<OutgoingMail>>;

export function createMailWorker(deps: { prisma: Prisma; mailer: Mailer; logger: Logger; intervalMs?: number; decorate?: Decorate }) {
  const { prisma, mailer, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function deliverDue(limit = 20): Promise<number> {
    const claimed = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "EmailMessage"
        WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now() AND attempts < ${MAX_ATTEMPTS}
        ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return [];
      const ids = rows.map((row) => row.id);
      // Push the next attempt out while this worker sends, so no other worker takes them.
      await tx.emailMessage.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date(Date.now() + 5 * 60_000) } });
      return tx.emailMessage.findMany({ where: { id: { in: ids } } });
    });
    let sent = 0;
    for (const email of claimed) {
      try {
        // The reference tag, Reply-To and Message-ID (server/correspondence/outgoing.ts).
        const extra = deps.decorate ? await deps.decorate(email) : {};
        await mailer.send({ to: email.to, subject: email.subject, text: email.text, html: email.html, language: email.language, ...extra });
        await prisma.emailMessage.update({ where: { id: email.id }, data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
        sent++;
      } catch (error) {
        const attempts = email.attempts + 1;
        await prisma.emailMessage.update({
          where: { id: email.id },
          data: { attempts, lastError: String((error as Error).message).slice(0, 500), nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) },
        });
        // The id and kind identify the message; the address and content never go to the log.
        logger.warn({ emailId: email.id, kind: email.kind, attempts }, "email delivery failed");
      }
    }
    return sent;
  }

  function kick() {
    if (stopped || running) return;
    running = deliverDue()
      .catch((error) => {
        logger.error({ err: error }, "mail worker failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  }

  return {
    deliverDue,
    /** Send what is due now, without waiting for the next tick. */
    kick,
    /** One job's turn: sends what is due every intervalMs for `ms`, or until `signal` aborts. */
    async runFor(ms: number, signal?: AbortSignal) {
      const until = Date.now() + ms;
      while (!stopped && !signal?.aborted && Date.now() < until) {
        let sent = 0;
        try {
          sent = await deliverDue();
        } catch (error) {
          logger.error({ error: (error as Error).message?.slice(0, 200) }, "mail delivery round failed");
        }
        if (sent > 0) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.max(0, Math.min(deps.intervalMs ?? 5_000, until - Date.now())));
          function done() {
            clearTimeout(timer);
            signal?.removeEventListener("abort", done);
            resolve();
          }
          signal?.addEventListener("abort", done);
        });
      }
    },
    /** Without the job queue (tests and tools): a timer on this instance. */
    start() {
      timer = setInterval(kick, deps.intervalMs ?? 5_000);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
