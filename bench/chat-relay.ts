// The floor for bench/chat.ts: a bare socket.io relay with the chat's namespaces and event names
// and nothing else (no database, no validation, no rate limits). Started as its own process by the
// benchmark, once alone and twice sharing rooms through the same PostgreSQL adapter as the real
// server, so each chat figure has beside it what socket.io (and the adapter) alone cost with the
// same clients and load on the same machine.
//   RELAY_PORT, RELAY_DATABASE_URL (optional: use the PostgreSQL adapter)
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { Server, type Socket } from "socket.io";

const port = Number(process.env.RELAY_PORT);
const httpServer = createServer((_req, res) => {
  res.writeHead(200).end("ok");
});
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let pool: pg.Pool | undefined;
if (process.env.RELAY_DATABASE_URL) {
  pool = new pg.Pool({ connectionString: process.env.RELAY_DATABASE_URL, max: 6 });
  io.adapter(createAdapter(pool, { heartbeatInterval: 5_000, heartbeatTimeout: 15_000 }));
}
const customers = io.of("/chat");
const advisers = io.of("/chat-advisers");
type Ack = (r: unknown) => void;
let seq = 0;
let nextAdviser = 0;
// Which adviser room a chat goes to is carried in the chat id ("<adviser index>.<uuid>"), so either
// relay process routes without shared state, as the real server reads it from the database.

advisers.on("connection", (socket: Socket) => {
  socket.on("adviser:availability", (payload: { available: boolean; index?: number }, ack: Ack) => {
    const index = payload.index ?? 0;
    void socket.join(`a:${index}`);
    ack({ data: { available: true, maxChats: 50 } });
  });
  socket.on("message:send", (p: { conversationId: string; clientId: string; text: string }, ack: Ack) => {
    const message = { id: randomUUID(), clientId: p.clientId, seq: ++seq, author: "adviser", kind: "text", text: p.text, authorName: "Relay", sentAt: new Date().toISOString() };
    customers.to(`c:${p.conversationId}`).emit("message:new", { conversationId: p.conversationId, message });
    ack({ data: message });
  });
});

customers.on("connection", (socket: Socket) => {
  socket.on("chat:start", (p: { advisers?: number }, ack: Ack) => {
    const adviser = nextAdviser++ % Math.max(1, p.advisers ?? 1);
    const conversationId = `${adviser}.${randomUUID()}`;
    void socket.join(`c:${conversationId}`);
    ack({ data: { conversationId, token: conversationId, status: "active", lang: "en", lastSeq: 0, messages: [] } });
    advisers.to(`a:${adviser}`).emit("chat:assigned", { conversationId });
  });
  socket.on("message:send", (p: { conversationId: string; clientId: string; text: string }, ack: Ack) => {
    const message = { id: randomUUID(), clientId: p.clientId, seq: ++seq, author: "customer", kind: "text", text: p.text, authorName: null, sentAt: new Date().toISOString() };
    advisers.to(`a:${p.conversationId.split(".")[0]}`).emit("message:new", { conversationId: p.conversationId, message });
    ack({ data: message });
  });
});

httpServer.listen(port, "127.0.0.1", () => console.log(`relay listening on ${port}`));
process.on("SIGTERM", () => {
  io.close();
  void pool?.end();
  process.exit(0);
});
