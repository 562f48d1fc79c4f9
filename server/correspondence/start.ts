// Starts whichever ways of receiving mail are configured (INBOUND_SMTP_PORT, IMAP_URL).
import type { Services } from "../services";
import { createImapPoller } from "./imap-poller";
import type { InboundDeps } from "./inbound";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

export function inboundDeps(services: Services): InboundDeps {
  const { config } = services;
  return { prisma: services.prisma, dataDir: config.dataDir, publicUrl: config.publicUrl, replyTo: config.mailReplyTo, ownAddresses: [config.mailFrom], logger: services.logger, now: services.now };
}

export async function startInboundMail(services: Services) {
  const { config, logger } = services;
  const deps = { ...inboundDeps(services), logger };
  let smtp: SmtpReceiver | undefined;
  if (config.inbound.smtpPort !== undefined) {
    smtp = await startSmtpReceiver(deps, { port: config.inbound.smtpPort, host: config.inbound.smtpHost, maxBytes: config.inbound.maxBytes });
    logger.info({ port: smtp.port, host: config.inbound.smtpHost }, "SMTP receiver listening");
  }
  const imap = config.inbound.imapUrl ? createImapPoller(deps, { url: config.inbound.imapUrl, pollMs: config.inbound.imapPollMs, maxBytes: config.inbound.maxBytes }) : undefined;
  imap?.start();
  return {
    smtpPort: smtp?.port,
    async stop() {
      await imap?.stop();
      await smtp?.close();
    },
  };
}
