// Helpers for the chat tests and benchmark: real socket.io clients, staff sign-in, and a way
// to kill the production server and start it again on the same data and port.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import type { Ack } from "../../server/domain/chat/events";
import { BrowserLikeClient } from "../support/browser-like-client";
import { serverEnv } from "../support/server";

export async function staffCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const staff = new BrowserLikeClient(baseUrl);
  await staff.get("/staff/sign-in");
  const res = await staff.post("/staff/sign-in", { email, password });
  if (res.status !== 302) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return staff.cookieHeader();
}

export const ADVISER = ["adviser@doorstep.example", "demo-adviser-2026"] as const;
export const WELSH_ADVISER = ["cynghorydd@doorstep.example", "demo-cynghorydd-2026"] as const;
export const MANAGER = ["manager@doorstep.example", "demo-manager-2026"] as const;

/** `address`: the client's own address as a proxy in front would pass it (X-Forwarded-For; the server must run with TRUST_PROXY=true). */
export function customerSocket(baseUrl: string, options: { reconnection?: boolean; address?: string } = {}): Socket {
  // The widget's page is on our origin, and the server refuses customer connections without one.
  const extraHeaders: Record<string, string> = { origin: new URL(baseUrl).origin };
  if (options.address) extraHeaders["x-forwarded-for"] = options.address;
  return io(`${baseUrl}/chat`, { transports: ["websocket"], forceNew: true, reconnection: options.reconnection ?? false, extraHeaders });
}

export function adviserSocket(baseUrl: string, cookie: string, options: { address?: string } = {}): Socket {
  const extraHeaders: Record<string, string> = { cookie };
  if (options.address) extraHeaders["x-forwarded-for"] = options.address;
  return io(`${baseUrl}/chat-advisers`, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders });
}

export async function connected(socket: Socket): Promise<Socket> {
  if (socket.connected) return socket;
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
  return socket;
}

export async function call<T>(socket: Socket, event: string, payload?: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

export async function ok<T>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const res = await call<T>(socket, event, payload);
  if ("error" in res) throw new Error(`${event} refused: ${res.error.code}`);
  return res.data;
}

/** The next `event` whose payload matches. */
export function next<T = unknown>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Collects every `event` from now on. */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `node server.js` on a data folder and port already set up by startTestServer. */
export async function restartServer(url: string, dataDir: string, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const port = new URL(url).port;
  // A server from startTestServer restarts exactly as it ran (on PostgreSQL too); otherwise embedded.
  const known = serverEnv(url);
  const env = known ? { ...process.env, ...known, ...extraEnv } : {
    ...process.env,
    NODE_ENV: "production",
    PORT: port,
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    DATABASE_URL: "",
    LOG_LEVEL: "warn",
    // NODE_ENV=production seeds the demo staff only when asked explicitly (server/config.ts).
    SEED_DEMO_DATA: "true",
    ...extraEnv,
  };
  const child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const deadline = Date.now() + 60_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return child;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`server did not restart:\n${output}`);
    await sleep(200);
  }
}
