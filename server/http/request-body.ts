// What happens to a request body the page did not read, and to the connection after an answer
// that closes it. Both made the hostile run's client see resets instead of answers (issue 12).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * The request body as a web stream for React Router, which never leaves the connection stuck.
 *
 * Why not `createReadableStreamFromReadable`: it listens for `data` and pauses the request when
 * its queue is full. A page that answers without reading the body (a 404 for a tracking link
 * that does not exist, a redirect) then leaves the rest of it unread, and Node drains an unread
 * body after the answer only when nothing ever listened to it. So the connection stopped being
 * read: the next request on it was never parsed, and the keep-alive timeout reset it (the hostile
 * run's ECONNRESETs on /track/record and /track/case were the requests *after* a large post).
 * Here, once the answer is sent, whatever is left is read and thrown away, as Node itself does
 * (`IncomingMessage._dump`); the body limit in app.ts bounds how much that can be. Cancelling the
 * stream discards the rest too, instead of destroying the request, which would reset the
 * connection before the answer went out.
 */
export function requestBodyStream(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> {
  let done = false;
  const onData = (chunk: Buffer) => {
    if (done) return;
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => {
    if (done) return;
    done = true;
    controller.close();
  };
  // Closed before the body was complete: the client went away. An error, not a shorter body.
  const onClose = () => {
    if (done || req.complete) return;
    done = true;
    controller.error(new Error("request body incomplete: the connection closed"));
  };
  const onError = (error: Error) => {
    if (done) return;
    done = true;
    controller.error(error);
  };
  const discardRest = () => {
    done = true;
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("close", onClose);
    req.off("error", onError);
    if (!req.complete && !req.destroyed) {
      req.on("error", () => undefined); // a client that stops sending mid-body is its own business
      req.resume();
    }
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.on("data", onData);
        req.once("end", onEnd);
        req.once("close", onClose);
        req.once("error", onError);
      },
      pull() {
        req.resume();
      },
      cancel() {
        discardRest();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  res.once("finish", () => {
    if (!req.complete) discardRest();
  });
  lingerWhileUnread(req);
  return stream;
}

/**
 * How long the client may go on sending after an answer that closes the connection: nginx's
 * defaults (lingering_timeout 5 s, lingering_time 30 s). A busy client may pause for a second or
 * two between writes; cut off then, it loses the answer it has not read yet.
 */
export const LINGER = { totalMs: 30_000, idleMs: 5_000 };

/**
 * Answers with `Connection: close` and closes gently (RFC 9112 §9.6, "lingering close").
 *
 * Node closes such a connection as soon as the answer is written. When the client is still
 * sending a body we refused (413), the unread bytes make the kernel send a reset, and a client
 * still writing gets EPIPE or ECONNRESET and never reads the 413 (the hostile run's broken pipes
 * on huge bodies). Instead: the answer, then only our side is closed (FIN, the client reads the
 * answer to its end), and the rest of the body is read and thrown away until the client closes
 * its side, stops sending for `idleMs`, or `totalMs` have passed.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse, linger = LINGER): void {
  res.setHeader("Connection", "close");
  req.on("error", () => undefined);
  req.resume();
  const socket = req.socket as LingeringSocket;
  // Node's server calls destroySoon() when an answer marked `Connection: close` is sent: it ends
  // and then destroys the socket at once. This one connection gets a lingering close instead.
  socket.destroySoon = () => lingeringClose(socket, linger);
}

type LingeringSocket = Socket & { destroySoon?: () => void; doorstepUnreadBody?: IncomingMessage };

/** Our side closed (FIN), the rest read and thrown away until the client closes, goes quiet or time is up. */
function lingeringClose(socket: Socket, linger: typeof LINGER): void {
  if (socket.writable) socket.end();
  const started = Date.now();
  let lastRead = socket.bytesRead;
  let lastReadAt = started;
  const timer = setInterval(
    () => {
      const now = Date.now();
      if (socket.bytesRead !== lastRead) {
        lastRead = socket.bytesRead;
        lastReadAt = now;
      }
      if (now - lastReadAt >= linger.idleMs || now - started >= linger.totalMs) socket.destroy();
    },
    Math.min(500, linger.idleMs),
  );
  timer.unref();
  socket.once("close", () => clearInterval(timer));
  // The client closed its side: everything it sent has been read.
  socket.once("end", () => socket.destroy());
}

/**
 * A page may answer before the body is all read (a file over 5 MB stops the upload parser) on a
 * connection the client asked to close: a proxy that speaks HTTP/1.0 or `Connection: close` to its
 * upstream (nginx's default, http-proxy without an agent). Node then closes the socket at once, the
 * unread bytes make the kernel send a reset, and the proxy, still sending, may see the reset before
 * our answer and show its own 502 (an end-to-end test met this once through the cluster proxy).
 * So while a request's body is unread, closing that connection is a lingering close.
 */
function lingerWhileUnread(req: IncomingMessage, linger = LINGER): void {
  const socket = req.socket as LingeringSocket | null;
  if (!socket) return;
  socket.doorstepUnreadBody = req;
  if (socket.destroySoon && (socket.destroySoon as { doorstep?: boolean }).doorstep) return;
  const original = socket.destroySoon?.bind(socket);
  const destroySoon = () => {
    const unread = socket.doorstepUnreadBody;
    if (unread && !unread.complete) lingeringClose(socket, linger);
    else if (original) original();
    else socket.end();
  };
  (destroySoon as { doorstep?: boolean }).doorstep = true;
  socket.destroySoon = destroySoon;
}
