// A small IMAP4rev1 server speaking the real protocol over TCP, with just the commands a
// mailbox poller uses (CAPABILITY, LOGIN, SELECT/EXAMINE, UID SEARCH, UID FETCH of size,
// header fields and the whole message, UID STORE, LOGOUT). Enough for imapflow to talk to it
// unmodified, so the poller is tested against the protocol and not a mocked client.
import { createServer, type Server, type Socket } from "node:net";

export type FakeMessage = { uid: number; raw: Buffer; seen: boolean };

export type FakeImap = {
  port: number;
  messages: FakeMessage[];
  commands: string[];
  add(raw: string | Buffer): FakeMessage;
  close(): Promise<void>;
};

export async function startFakeImap(options: { user: string; pass: string }): Promise<FakeImap> {
  const messages: FakeMessage[] = [];
  const commands: string[] = [];
  let nextUid = 1;
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let authed = false;
    let selected = false;
    let buffer = "";
    const send = (line: string | Buffer) => socket.write(line);
    send("* OK [CAPABILITY IMAP4rev1 UIDPLUS] Fake IMAP ready\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      let at: number;
      while ((at = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        handle(line);
      }
    });
    socket.on("error", () => undefined);

    function seqOf(m: FakeMessage) {
      return messages.indexOf(m) + 1;
    }

    function uidSet(spec: string): FakeMessage[] {
      const out: FakeMessage[] = [];
      for (const part of spec.split(",")) {
        const [a, b] = part.split(":");
        const max = messages.length ? messages[messages.length - 1]!.uid : 0;
        const lo = a === "*" ? max : Number(a);
        const hi = b === undefined ? lo : b === "*" ? max : Number(b);
        for (const m of messages) if (m.uid >= Math.min(lo, hi) && m.uid <= Math.max(lo, hi)) out.push(m);
      }
      return out;
    }

    function headerFields(raw: Buffer, names: string[]): Buffer {
      const text = raw.toString("latin1");
      const end = text.search(/\r?\n\r?\n/);
      const head = end >= 0 ? text.slice(0, end) : text;
      const lines = head.split(/\r?\n(?![ \t])/);
      const kept = lines.filter((l) => names.includes(l.slice(0, l.indexOf(":")).toLowerCase()));
      return Buffer.from(kept.map((l) => l.replace(/\r?\n/g, "\r\n")).join("\r\n") + "\r\n\r\n", "latin1");
    }

    function handle(line: string) {
      commands.push(line.replace(/^(\S+ LOGIN) .*/i, "$1 ***"));
      const m = /^(\S+) (UID )?(\S+) ?(.*)$/i.exec(line);
      if (!m) return send("* BAD unreadable\r\n");
      const [, tag, uidPrefix, rawCmd, args] = m;
      const cmd = rawCmd!.toUpperCase();
      const ok = (text = "done") => send(`${tag} OK ${text}\r\n`);
      if (cmd === "CAPABILITY") {
        send("* CAPABILITY IMAP4rev1 UIDPLUS\r\n");
        return ok();
      }
      if (cmd === "NOOP" || cmd === "CHECK") return ok();
      if (cmd === "LOGOUT") {
        send("* BYE logging out\r\n");
        ok();
        return socket.end();
      }
      if (cmd === "LOGIN") {
        const parts = [...args!.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((p) => (p[1] ?? p[2])!.replace(/\\(.)/g, "$1"));
        if (parts[0] === options.user && parts[1] === options.pass) {
          authed = true;
          return ok("[CAPABILITY IMAP4rev1 UIDPLUS] logged in");
        }
        return send(`${tag} NO [AUTHENTICATIONFAILED] invalid credentials\r\n`);
      }
      if (!authed) return send(`${tag} BAD log in first\r\n`);
      if (cmd === "LIST" || cmd === "LSUB") {
        send('* LIST (\\HasNoChildren) "/" INBOX\r\n');
        return ok();
      }
      if (cmd === "SELECT" || cmd === "EXAMINE") {
        selected = true;
        send(`* ${messages.length} EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Deleted)\r\n* OK [PERMANENTFLAGS (\\Seen \\Deleted)] ok\r\n`);
        send(`* OK [UIDVALIDITY 1] ok\r\n* OK [UIDNEXT ${nextUid}] ok\r\n`);
        return ok(`[${cmd === "SELECT" ? "READ-WRITE" : "READ-ONLY"}] selected`);
      }
      if (cmd === "CLOSE" || cmd === "UNSELECT") {
        selected = false;
        return ok();
      }
      if (!selected) return send(`${tag} BAD select a mailbox first\r\n`);
      if (cmd === "SEARCH") {
        const unseenOnly = /UNSEEN/i.test(args!);
        const hits = messages.filter((x) => !unseenOnly || !x.seen).map((x) => (uidPrefix ? x.uid : seqOf(x)));
        send(`* SEARCH${hits.length ? " " + hits.join(" ") : ""}\r\n`);
        return ok();
      }
      if (cmd === "FETCH") {
        const fm = /^(\S+) \((.*)\)$/.exec(args!) ?? /^(\S+) (.*)$/.exec(args!);
        if (!fm) return send(`${tag} BAD fetch\r\n`);
        const targets = uidPrefix ? uidSet(fm[1]!) : uidSet(fm[1]!).filter(Boolean);
        const items = fm[2]!.toUpperCase();
        for (const msg of targets) {
          const parts: (string | Buffer)[] = [`UID ${msg.uid}`];
          if (items.includes("RFC822.SIZE")) parts.push(`RFC822.SIZE ${msg.raw.length}`);
          if (items.includes("FLAGS")) parts.push(`FLAGS (${msg.seen ? "\\Seen" : ""})`);
          const hf = /BODY\.PEEK\[HEADER\.FIELDS \(([^)]*)\)\]/.exec(items);
          if (hf) {
            const names = hf[1]!.split(/\s+/).map((n) => n.toLowerCase());
            const body = headerFields(msg.raw, names);
            parts.push(Buffer.concat([Buffer.from(`BODY[HEADER.FIELDS (${hf[1]})] {${body.length}}\r\n`, "latin1"), body]));
          }
          if (/BODY\.PEEK\[\]|BODY\[\]|RFC822(?![.])/.test(items)) {
            parts.push(Buffer.concat([Buffer.from(`BODY[] {${msg.raw.length}}\r\n`, "latin1"), msg.raw]));
          }
          const pieces: Buffer[] = [Buffer.from(`* ${seqOf(msg)} FETCH (`, "latin1")];
          parts.forEach((p, i) => {
            if (i > 0) pieces.push(Buffer.from(" "));
            pieces.push(typeof p === "string" ? Buffer.from(p, "latin1") : p);
          });
          pieces.push(Buffer.from(")\r\n"));
          send(Buffer.concat(pieces));
        }
        return ok();
      }
      if (cmd === "STORE") {
        const sm = /^(\S+) ([+-]?)FLAGS(\.SILENT)? \(([^)]*)\)$/i.exec(args!);
        if (!sm) return send(`${tag} BAD store\r\n`);
        const targets = uidSet(sm[1]!);
        for (const msg of targets) {
          if (/\\Seen/i.test(sm[4]!)) msg.seen = sm[2] !== "-";
          if (!sm[3]) send(`* ${seqOf(msg)} FETCH (UID ${msg.uid} FLAGS (${msg.seen ? "\\Seen" : ""}))\r\n`);
        }
        return ok();
      }
      return ok("ignored");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    messages,
    commands,
    add(raw) {
      const msg = { uid: nextUid++, raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, "\r\n"), "utf8"), seen: false };
      messages.push(msg);
      return msg;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
