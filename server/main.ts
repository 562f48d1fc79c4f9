// Boots Doorstep: configuration, database, demo data, HTTP and socket.io on one server.
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import type { ServerBuild } from "react-router";
import { Server as SocketServer } from "socket.io";
import type { ViteDevServer } from "vite";
import { createChatApplication } from "./chat/application";
import { useClusterAdapter } from "./chat/cluster-adapter";
import { ConfigError, loadConfig } from "./config";
import { createApp } from "./http/app";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "./http/unavailable";
import { createLogger } from "./logger";
import { seedDemoData } from "./seed/demo";
import { startBackgroundJobs } from "./jobs/background";
import { createJobQueue } from "./jobs/queue";
import { createRelay } from "./outbox/relay";
import { createServices, type Services } from "./services";
import { startInboundMail } from "./correspondence/start";

export type RunningServer = {
  services: Services;
  httpServer: HttpServer;
  io: SocketServer;
  url: string;
  stop(): Promise<void>;
};

export async function startServer(options: { viteDevServer?: ViteDevServer; clientDir?: string } = {}): Promise<RunningServer> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);

  if (config.demoWarning) logger.warn(config.demoWarning);
  absorbOutageRejections(logger);
  const seeded = config.seedDemoData ? await seedDemoData(services) : undefined;

  const vite = options.viteDevServer;
  const build = vite
    ? () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>
    : () => import("virtual:react-router/server-build") as unknown as Promise<ServerBuild>;
  // The pages' build is loaded before the server answers: loaded by the first page request, its
  // modules' evaluation (pdf-lib's fonts among them) held the main thread for about a second
  // while the first visitors queued behind it (issue 15).
  if (!vite) await build();
  const app = createApp({
    services,
    build,
    devMiddleware: vite?.middlewares as never,
    clientDir: options.clientDir ?? path.resolve("build/client"),
  });

  const httpServer = createServer(app);
  // Idle connections outlive a load balancer's idle timeout (docs/operations.md: at least 60 s), so
  // the balancer closes first; with Node's 5 s default it reuses a connection we are closing and
  // the visitor gets a 502. headersTimeout must stay above keepAliveTimeout.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  // Attached now so every later capability shares one server; the chat uses it.
  const io = new SocketServer(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  // Several instances on one PostgreSQL share rooms through the database; PGlite is one process.
  const closeAdapter = config.databaseUrl ? useClusterAdapter(io, config.databaseUrl, logger) : undefined;
  services.chat = createChatApplication(io, {
    prisma: services.prisma,
    logger,
    config,
    now: services.now,
    sessions: services.sessions,
    kickMail: () => services.mailWorker.kick(),
    limits: services.limits,
  });

  // Background work (outbox relay, mail, retention, chat housekeeping) runs as jobs on the
  // database's queue: once per deployment however many instances run (server/jobs/).
  const jobs = createJobQueue({ pglite: services.db.pglite, connectionString: config.databaseUrl, logger });
  services.jobs = jobs;
  // Delivers the transactional outbox to the back-office webhook.
  const relay = config.webhook ? createRelay({ prisma: services.prisma, url: config.webhook.url, secret: config.webhook.secret, logger }) : null;
  // Mail in (docs/decisions/0014-correspondence.md): the SMTP receiver and/or the IMAP poller, when configured.
  const inbound = await startInboundMail(services);

  // On PGlite every statement runs on this thread: pg-boss creating or checking its schema took
  // the first seconds after the server answered, and every page waited behind it (issue 15). So
  // there the queue's own start comes before listening; a failure is still only logged below.
  if (services.db.engine === "pglite") await jobs.start().catch(() => undefined);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  if (seeded) printDemoSignIns(seeded.staff, url);
  // Started once the server answers: pages never wait for the queue, and a queue that cannot
  // start is logged (and shows on /staff/jobs) rather than keeping the service down.
  const background = startBackgroundJobs(jobs, services, { relay }).catch((error) =>
    logger.error({ error: error instanceof Error ? error.message.slice(0, 300) : "failed" }, "background jobs did not start"),
  );
  logger.info({ port, database: services.db.engine }, "Doorstep is ready");

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      services.chat?.stop();
      await new Promise<void>((resolve) => {
        io.close();
        // A connection busy when we stop becomes idle later and would hold the close for the
        // whole keep-alive timeout: close each one as soon as it is idle.
        const idleSweep = setInterval(() => httpServer.closeIdleConnections(), 100);
        httpServer.close(() => {
          clearInterval(idleSweep);
          resolve();
        });
        httpServer.closeIdleConnections();
      });
      await closeAdapter?.().catch(() => undefined);
      await inbound.stop();
      await background;
      await jobs.stop();
      await services.mailWorker.stop();
      services.mailer.close();
      await services.limits.close();
      await services.db.close();
      logger.info("Doorstep stopped");
    })());

  return { services, httpServer, io, url, stop };
}

function printDemoSignIns(staff: { email: string; password: string; roles: string[] }[], publicUrl: string) {
  const lines = staff.map((s) => `  ${s.email.padEnd(34)} ${s.password.padEnd(22)} ${s.roles.join(", ")}`);
  console.log(
    [
      "",
      "Demo staff sign-ins (demo data only; sign in at " + publicUrl + "/staff):",
      `  ${"email".padEnd(34)} ${"password".padEnd(22)} roles`,
      ...lines,
      "",
    ].join("\n"),
  );
}

let absorbing = false;
/**
 * pg-boss 10 records a job's completion or failure without awaiting it (its manager's work()),
 * so in a PostgreSQL outage that write rejects with nobody listening and Node ended the whole
 * process (test/faults/postgres-outage.test.ts). Only a rejection that says the database is
 * unreachable is absorbed, with a warning: the job stays active and is retried after its expiry.
 * Any other unhandled rejection still ends the process, as it should.
 */
function absorbOutageRejections(logger: Logger) {
  if (absorbing) return;
  absorbing = true;
  process.on("unhandledRejection", (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    logger.warn({ error: reason instanceof Error ? reason.message.slice(0, 200) : "unreachable" }, "database unreachable: a background write was not recorded");
  });
}
