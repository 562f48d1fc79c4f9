// Polls the casework mailbox over IMAP (IMAP_URL) with imapflow. Each unread message is taken
// through the same receiveMail() as the SMTP receiver and only then marked \Seen, so a crash in
// between means it is read again next time, and the Message-ID makes that a no-op. Messages
// over the size limit are not downloaded: a triage row says one arrived and was too large.
import { ImapFlow } from "imapflow";
import type { Logger } from "pino";
import { receiveMail, recordTooLarge, type InboundDeps } from "./inbound";

export type ImapOptions = { url: string; pollMs: number; maxBytes: number; perPoll?: number };

export function imapSettings(url: string) {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX",
  };
}

export function createImapPoller(deps: InboundDeps & { logger: Logger }, options: ImapOptions) {
  const settings = imapSettings(options.url);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function pollOnce(): Promise<number> {
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.auth,
      logger: false,
      disableAutoIdle: true,
      // A plain imap:// URL means no TLS at all (a local server); otherwise certificates are checked.
      doSTARTTLS: settings.secure ? undefined : false,
    });
    client.on("error", (error: Error) => deps.logger.warn({ err: error }, "imap connection error"));
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(settings.mailbox);
      try {
        const found = await client.search({ seen: false }, { uid: true });
        const uids = (found || []).slice(0, options.perPoll ?? 100);
        for (const uid of uids) {
          if (stopped) break;
          const meta = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
          if (!meta) continue;
          if ((meta.size ?? 0) > options.maxBytes) {
            // Only the two header lines staff need to recognise it are read.
            const head = await client.fetchOne(String(uid), { uid: true, headers: ["subject", "message-id"] }, { uid: true });
            const text = head && head.headers ? head.headers.toString("utf8") : "";
            const subject = /^subject:\s*(.*)$/im.exec(text)?.[1]?.trim() ?? "";
            const messageId = /^message-id:\s*(<[^>\s]+>)/im.exec(text)?.[1] ?? null;
            await recordTooLarge(deps, { source: "imap", sizeBytes: meta.size ?? 0, subject, messageId });
          } else {
            const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
            if (!full || !full.source) continue;
            await receiveMail(deps, { source: "imap", raw: full.source });
          }
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          taken++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return taken;
  }

  function kick() {
    if (stopped || running) return;
    running = pollOnce()
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, "imap poll failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  }

  return {
    pollOnce,
    start() {
      timer = setInterval(kick, options.pollMs);
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
