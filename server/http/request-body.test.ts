// The request body stream and the lingering close, on a bare Node server in this process (the
// same behaviour through the real server: test/integration/connections.test.ts).
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closeAfterAnswer, requestBodyStream } from "./request-body";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** The server side of the next connection, to see when the server closes it. */
function nextServerSocket(server: http.Server): Promise<net.Socket> {
  return new Promise((resolve) => server.once("connection", resolve));
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: "127.0.0.1", allowHalfOpen: true }, () => resolve(s));
    s.once("error", reject);
  });
}

/** Collects what arrives until `text` is in it. */
function until(socket: net.Socket, text: string, from = { seen: "" }): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (from.seen.includes(text)) {
        socket.off("data", onData);
        resolve(from.seen);
      }
    };
    const onData = (d: Buffer) => {
      from.seen += d.toString("latin1");
      check();
    };
    socket.on("data", onData);
    socket.once("close", () => reject(new Error(`closed before "${text}" arrived; got ${from.seen.slice(0, 200)}`)));
    check();
  });
}

const post = (path: string, length: number) => `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${length}\r\n\r\n`;

describe("requestBodyStream", () => {
  it("hands the whole body to a reader that reads it", async () => {
    const port = await serve(async (req, res) => {
      const text = await new Response(requestBodyStream(req, res)).text();
      res.end(`got ${text.length}`);
    });
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "x".repeat(300_000) });
    expect(await res.text()).toBe("got 300000");
  });

  it("after an answer that left the body unread, reads the rest away so the next request on the connection is answered", async () => {
    let n = 0;
    const port = await serve((req, res) => {
      requestBodyStream(req, res); // handed over, never read: like a page that answers 404 first
      res.end(`answer ${++n}`);
    });
    const s = await connect(port);
    const seen = { seen: "" };
    s.write(post("/", 2_000_000));
    s.write(Buffer.alloc(2_000_000, 97));
    await until(s, "answer 1", seen);
    s.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(s, "answer 2", seen);
    s.destroy();
  });

  it("cancelling the stream discards the rest instead of resetting the connection", async () => {
    const port = await serve(async (req, res) => {
      const reader = requestBodyStream(req, res).getReader();
      await reader.read();
      await reader.cancel(); // a parser that gave up part way
      res.end("stopped reading");
    });
    const s = await connect(port);
    const seen = { seen: "" };
    s.write(post("/", 3_000_000));
    s.write(Buffer.alloc(3_000_000, 97));
    await until(s, "stopped reading", seen);
    s.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(s, "stopped reading", { seen: seen.seen.replace("stopped reading", "") });
    s.destroy();
  });

  it("a client that goes away mid-body is an error for the reader, not a shorter body", async () => {
    let result: Promise<string> | undefined;
    const started = new Promise<void>((resolve) => {
      void serve((req, res) => {
        result = new Response(requestBodyStream(req, res)).text();
        resolve();
      }).then(async (port) => {
        const s = await connect(port);
        s.write(post("/", 1_000_000));
        s.write("partial");
        setImmediate(() => s.destroy());
      });
    });
    await started;
    await expect(result!).rejects.toThrow();
  });
});

describe("closeAfterAnswer (lingering close)", () => {
  const linger = { idleMs: 200, totalMs: 1_500 };

  it("answers with Connection: close, keeps reading what the client still sends, and closes when the client does", async () => {
    const port = await serve((req, res) => {
      closeAfterAnswer(req, res, linger);
      res.statusCode = 413;
      res.end("too large");
    });
    const s = await connect(port);
    const seen = { seen: "" };
    s.write(post("/", 8_000_000));
    s.write(Buffer.alloc(64 * 1024, 97));
    const answer = await until(s, "too large", seen);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    // The rest of the body still goes in without a reset (Node alone would have closed at once).
    const errors: string[] = [];
    s.on("error", (e: Error & { code?: string }) => errors.push(e.code ?? e.message));
    const chunk = Buffer.alloc(64 * 1024, 97);
    for (let sent = 64 * 1024; sent < 8_000_000; sent += chunk.length) {
      await new Promise<void>((resolve, reject) => s.write(chunk, (e) => (e ? reject(e) : resolve())));
    }
    s.end();
    await new Promise((r) => s.once("close", r));
    expect(errors).toEqual([]);
  });

  it("does not wait for a client that stops sending: closed after idleMs", async () => {
    let serverSocket!: Promise<net.Socket>;
    const port = await serve((req, res) => {
      closeAfterAnswer(req, res, linger);
      res.statusCode = 413;
      res.end("too large");
    });
    serverSocket = nextServerSocket(servers[0]!);
    const s = await connect(port);
    const server = await serverSocket;
    s.write(post("/", 50_000_000));
    s.write(Buffer.alloc(64 * 1024, 97));
    await until(s, "too large");
    const answered = Date.now();
    await new Promise((r) => server.once("close", r));
    const held = Date.now() - answered;
    expect(held).toBeGreaterThanOrEqual(linger.idleMs - 50);
    expect(held).toBeLessThan(linger.totalMs + 1_000);
    s.destroy();
  });

  it("does not read for ever from a client that keeps sending: closed after totalMs", async () => {
    const port = await serve((req, res) => {
      closeAfterAnswer(req, res, linger);
      res.statusCode = 413;
      res.end("too large");
    });
    const serverSocket = nextServerSocket(servers[0]!);
    const s = await connect(port);
    const server = await serverSocket;
    s.on("error", () => undefined);
    s.write(post("/", 500_000_000));
    await until(s, "too large");
    const answered = Date.now();
    // A trickle, never idle for idleMs.
    const trickle = setInterval(() => s.writable && s.write(Buffer.alloc(1024, 97)), 50);
    await new Promise((r) => server.once("close", r));
    clearInterval(trickle);
    const held = Date.now() - answered;
    expect(held).toBeGreaterThanOrEqual(linger.totalMs - 100);
    expect(held).toBeLessThan(linger.totalMs + 1_500);
    s.destroy();
  });
});
