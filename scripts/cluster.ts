// `npm run cluster`: N instances of Doorstep (default 2) on loopback ports behind a small proxy
// (http-proxy) that spreads requests, passes websocket upgrades through and keeps socket.io's
// long-polling fallback on one instance, all against one PostgreSQL (DATABASE_URL). For tests,
// benchmarks and people trying several instances; docs/operations.md describes a real deployment.
//
//   DATABASE_URL=postgresql://… npm run cluster -- --instances 3 --port 8080
//
// Also a module: the end-to-end and fault tests start clusters with startCluster().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import httpProxy from "http-proxy";

export type ClusterInstance = {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  alive: boolean;
  /** Output so far (stdout and stderr), for diagnosing a failed start. */
  output(): string;
  /** Starts this instance again on the same port (after a kill). */
  restart(): Promise<void>;
};

export type Cluster = {
  /** The proxy's address: the one URL people and tests use. */
  url: string;
  instances: ClusterInstance[];
  dataDir: string;
  mailDir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
};

export type ClusterOptions = {
  databaseUrl: string;
  instances?: number;
  /** Proxy port; 0 picks a free one. */
  port?: number;
  /** Shared by every instance (uploads, mail files): in production, shared storage. */
  dataDir?: string;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
  /** Print instance output as it comes (the CLI); tests keep it for failures only. */
  echo?: boolean;
  /** Run `prisma migrate deploy` first (once, before any instance starts). */
  migrate?: boolean;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STICKY_COOKIE = "doorstep_instance";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Any answer from /healthz means the process is serving (503 = up, but its database is not). */
async function answers(url: string, timeoutMs = 1_000): Promise<boolean> {
  return (await probe(url, timeoutMs)) === "up";
}

/** "refused" = nothing listens (the process is gone); "slow" = no answer in time (busy, or hung). */
async function probe(url: string, timeoutMs: number): Promise<"up" | "refused" | "slow"> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return "up";
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === "ECONNREFUSED" || code === "ECONNRESET" ? "refused" : "slow";
  }
}

export function migrate(databaseUrl: string) {
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const count = options.instances ?? 2;
  if (!options.databaseUrl) throw new Error("a cluster needs DATABASE_URL (PostgreSQL): PGlite is one process by design");
  if (options.migrate !== false) migrate(options.databaseUrl);

  const proxyPort = options.port || (await freePort());
  const publicUrl = `http://localhost:${proxyPort}`;
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "doorstep-cluster-"));
  const env: Record<string, string> = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PUBLIC_URL: publicUrl,
    DATABASE_URL: options.databaseUrl,
    // Every instance must sign sessions and CSRF tokens alike.
    SESSION_SECRET: process.env.SESSION_SECRET || randomBytes(32).toString("hex"),
    // The proxy is one hop: X-Forwarded-For from it is the person's address (for the limits).
    TRUST_PROXY: "true",
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL || "info",
    ...options.env,
  };

  const instances: ClusterInstance[] = [];
  // A failed start must not leave the instances already started running.
  const abandon = (error: unknown) => {
    for (const instance of instances) if (instance.process.exitCode === null) instance.process.kill("SIGKILL");
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  };
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const name = `doorstep-${i + 1}`;
      let output = "";
      const instance: ClusterInstance = {
        name,
        port,
        url: `http://127.0.0.1:${port}`,
        process: undefined as unknown as ChildProcess,
        alive: false,
        output: () => output,
        async restart() {
          output = "";
          instance.process = launch();
          await waitUntilServing(instance);
        },
      };
      const launch = () => {
        // Every instance has the same configuration, as in a real deployment: SEED_DEMO_DATA also
        // decides whether staff need two-step sign-in, so turning it off on all but the first made
        // a sign-in depend on which instance it reached. Seeding is idempotent and the first
        // instance finishes it before the others start, so they find it done.
        const child = spawn(process.execPath, ["server.js"], {
          cwd: root,
          env: {
            ...process.env,
            ...env,
            PORT: String(port),
            // One host, one SMTP port: the built-in mail receiver runs on the first instance only.
            ...(i > 0 ? { INBOUND_SMTP_PORT: "" } : {}),
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        const take = (chunk: Buffer) => {
          const text = chunk.toString();
          output = (output + text).slice(-200_000);
          if (options.echo) process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `));
        };
        child.stdout!.on("data", take);
        child.stderr!.on("data", take);
        child.on("exit", () => (instance.alive = false));
        return child;
      };
      instance.process = launch();
      instances.push(instance);
      // The first one alone (it seeds); the rest are started together below.
      if (i === 0) await waitUntilServing(instance);
    }
    await Promise.all(instances.slice(1).map((instance) => waitUntilServing(instance)));
  } catch (error) {
    abandon(error);
  }

  const proxy = createProxy(instances);
  await new Promise<void>((resolve) => proxy.server.listen(proxyPort, "127.0.0.1", resolve));

  return {
    url: publicUrl,
    instances,
    dataDir,
    mailDir: path.join(dataDir, "mail"),
    env,
    async stop() {
      proxy.stop();
      // Upgraded (websocket) connections are not the HTTP server's to close: without this a
      // client still connected kept close() waiting for ever.
      const closed = new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      proxy.destroyConnections();
      await closed;
      await Promise.all(
        instances.map(async (instance) => {
          const child = instance.process;
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once("exit", r));
          child.kill("SIGTERM");
          // A graceful stop that hangs (a pool waiting on a dead database) must not hang the caller.
          const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
          await exited;
          clearTimeout(force);
        }),
      );
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilServing(instance: ClusterInstance, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(instance.url))) {
    if (instance.process.exitCode !== null) throw new Error(`${instance.name} exited while starting:\n${instance.output()}`);
    if (Date.now() > deadline) {
      instance.process.kill("SIGKILL");
      throw new Error(`${instance.name} did not start:\n${instance.output()}`);
    }
    await sleep(200);
  }
  instance.alive = true;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/**
 * Round-robin over live instances. socket.io's long-polling requests must all reach the instance
 * that holds their session, so /socket.io/ requests carry a cookie naming it (like a load
 * balancer's cookie affinity); pages need no affinity (sessions are in PostgreSQL).
 */
function createProxy(instances: ClusterInstance[]) {
  const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true });
  let next = 0;
  const live = () => instances.filter((i) => i.alive);
  const pick = (req: IncomingMessage): ClusterInstance | undefined => {
    const isSocket = (req.url ?? "").startsWith("/socket.io/");
    const sticky = isSocket ? instances.find((i) => i.name === readCookie(req.headers.cookie, STICKY_COOKIE) && i.alive) : undefined;
    if (sticky) return sticky;
    // Nothing marked live (all slow at once): any instance whose process runs is better than a 503.
    let candidates = live();
    if (candidates.length === 0) candidates = instances.filter((i) => i.process.exitCode === null && i.process.signalCode === null);
    if (candidates.length === 0) return undefined;
    return candidates[next++ % candidates.length];
  };
  const markDown = (instance: ClusterInstance) => {
    instance.alive = false;
  };

  proxy.on("proxyRes", (proxyRes, req) => {
    const target = (req as IncomingMessage & { target?: ClusterInstance }).target;
    if (target && (req.url ?? "").startsWith("/socket.io/") && readCookie(req.headers.cookie, STICKY_COOKIE) !== target.name) {
      const existing = proxyRes.headers["set-cookie"] ?? [];
      proxyRes.headers["set-cookie"] = [...existing, `${STICKY_COOKIE}=${target.name}; Path=/socket.io/; HttpOnly; SameSite=Lax`];
    }
  });

  const server: Server = createServer((req: IncomingMessage & { target?: ClusterInstance }, res: ServerResponse) => {
    const target = pick(req);
    if (!target) {
      res.writeHead(503, { "content-type": "text/plain", "retry-after": "5" }).end("No instance is running. Try again in a moment.");
      return;
    }
    req.target = target;
    proxy.web(req, res, { target: target.url }, (err) => {
      if ((err as NodeJS.ErrnoException).code === "ECONNREFUSED") markDown(target);
      if (!res.headersSent)
        res.writeHead(502, {
          "content-type": "text/plain",
          "retry-after": "1",
        });
      res.end("The service is restarting. Try again in a moment.");
    });
  });

  const connections = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });

  server.on("upgrade", (req: IncomingMessage & { target?: ClusterInstance }, socket: Socket, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const attempt = (tries: number) => {
      const target = pick(req);
      if (!target) return socket.destroy();
      req.target = target;
      proxy.ws(req, socket, head, { target: target.url }, (err) => {
        // A refused connection means that instance is gone: try another before the client notices.
        if ((err as NodeJS.ErrnoException).code === "ECONNREFUSED") {
          markDown(target);
          if (tries < instances.length && !socket.destroyed) return attempt(tries + 1);
        }
        socket.destroy();
      });
    };
    attempt(1);
  });

  // Health: an instance that refuses connections (or whose process exited) is skipped at once; one
  // that is only slow is skipped after 3 checks in a row without an answer in 5 s (a loaded machine
  // must not empty the pool); a restarted one is used again as soon as it answers.
  const slowChecks = new Map<ClusterInstance, number>();
  let checking = false;
  const checker = setInterval(() => {
    if (checking) return;
    checking = true;
    void Promise.all(
      instances.map(async (instance) => {
        if (instance.process.exitCode !== null || instance.process.signalCode !== null) return void (instance.alive = false);
        const state = await probe(instance.url, 5_000);
        if (state === "up") {
          slowChecks.set(instance, 0);
          instance.alive = true;
        } else if (state === "refused") instance.alive = false;
        else {
          const slow = (slowChecks.get(instance) ?? 0) + 1;
          slowChecks.set(instance, slow);
          if (slow >= 3) instance.alive = false;
        }
      }),
    ).finally(() => (checking = false));
  }, 1_000);
  checker.unref();

  return {
    server,
    stop() {
      clearInterval(checker);
      proxy.close();
    },
    destroyConnections() {
      for (const socket of connections) socket.destroy();
    },
  };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "npm run cluster needs DATABASE_URL: several instances share one PostgreSQL (embedded PGlite is one process).\n" +
        "  DATABASE_URL=postgresql://user:password@host:5432/doorstep npm run cluster -- --instances 2 --port 8080",
    );
    process.exit(2);
  }
  const instances = Number(option("instances") ?? process.env.CLUSTER_INSTANCES ?? 2);
  const port = Number(option("port") ?? process.env.CLUSTER_PORT ?? 8080);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
    console.error("--instances must be a whole number from 1 to 16");
    process.exit(2);
  }
  if (!process.env.SESSION_SECRET) console.warn("SESSION_SECRET is not set: using a random one for this run (sessions end when the cluster stops).");
  console.log(`Applying migrations, then starting ${instances} instances…`);
  const cluster = await startCluster({
    databaseUrl,
    instances,
    port,
    echo: true,
    dataDir: process.env.DATA_DIR,
    env: process.env.SEED_DEMO_DATA ? { SEED_DEMO_DATA: process.env.SEED_DEMO_DATA } : {},
  });
  console.log(`\nDoorstep cluster: ${cluster.url}  (${cluster.instances.map((i) => `${i.name} ${i.url}`).join(", ")})\nCtrl-C stops every instance.`);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void cluster.stop().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
