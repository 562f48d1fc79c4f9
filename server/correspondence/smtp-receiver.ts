// The built-in SMTP receiver for the casework mailbox (INBOUND_SMTP_PORT). It listens on
// loopback by default: a relay (the organisation's mail gateway, with spam and virus checks)
// sits in front of it. No authentication and no TLS here for that reason; the size limit is
// enforced while the message streams in, so an oversized message is refused with 552 and
// never buffered whole.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Logger } from "pino";
import { receiveMail, type InboundDeps } from "./inbound";

export type SmtpReceiver = { port: number; close(): Promise<void> };

export async function startSmtpReceiver(deps: InboundDeps & { logger: Logger }, options: { port: number; host: string; maxBytes: number }): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    name: "doorstep",
    banner: "Doorstep casework mailbox",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: options.maxBytes,
    rejectOversized: true,
    logger: false,
    // One message at a time per connection is what SMTP does; this bounds recipients per message.
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(_address, session, callback) {
      if (session.envelope.rcptTo.length >= 20) return callback(Object.assign(new Error("Too many recipients"), { responseCode: 452 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Stop keeping bytes as soon as it is too big; the stream is still drained.
        if (size <= options.maxBytes) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded || size > options.maxBytes) {
          deps.logger.info({ source: "smtp", bytes: size }, "inbound mail refused: too large");
          return callback(Object.assign(new Error("Message exceeds fixed maximum message size"), { responseCode: 552 }));
        }
        const mailFrom = session.envelope.mailFrom;
        // MAIL FROM:<> (a bounce) arrives as an empty address.
        const envelopeFrom = mailFrom === false ? null : mailFrom.address;
        receiveMail(deps, { source: "smtp", raw: Buffer.concat(chunks), envelopeFrom })
          .then((result) => callback(null, `Queued as ${result.id}`))
          .catch((error: unknown) => {
            deps.logger.error({ err: error }, "inbound mail failed");
            // 451: the sender's server keeps it and tries again later.
            callback(Object.assign(new Error("Temporary failure, try again later"), { responseCode: 451 }));
          });
      });
    },
  });
  server.on("error", (error) => deps.logger.warn({ err: error }, "smtp receiver error"));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
