// Sends email through SMTP when SMTP_URL is set; otherwise writes each message
// as an .eml file under the mail folder, so demos and tests can read what was sent.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  language: "en" | "cy";
  /** Set by server/correspondence/outgoing.ts: the casework mailbox, our Message-ID, files. */
  replyTo?: string;
  messageId?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
};

export type Mailer = {
  send(mail: OutgoingMail): Promise<{ messageId: string; file?: string }>;
  close(): void;
};

export function createMailer(options: { smtpUrl?: string; from: string; mailDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        const info = await transport.sendMail(message(options.from, mail));
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(options.from, mail));
      await mkdir(options.mailDir, { recursive: true });
      const id = info.messageId.replace(/[^A-Za-z0-9.-]/g, "");
      const file = path.join(options.mailDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}.eml`);
      await writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, file };
    },
    close: () => transport.close(),
  };
}

function message(from: string, mail: OutgoingMail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    replyTo: mail.replyTo,
    messageId: mail.messageId,
    attachments: mail.attachments,
    headers: { "Content-Language": mail.language === "cy" ? "cy" : "en-GB" },
  };
}
