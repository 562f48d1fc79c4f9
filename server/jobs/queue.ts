// The background job queue: pg-boss 10 in its own `pgboss` schema of the same database, so a job
// runs once however many instances run (pg-boss claims jobs with FOR UPDATE SKIP LOCKED and sends
// each cron slot once), failures retry with exponential back-off, and both stay visible to staff
// (/staff/jobs). On PostgreSQL pg-boss has its own small pool; on PGlite it shares the embedded
// database through executeSql. See docs/decisions/0009-job-queue.md.
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { JOB_CATALOGUE, type JobDefinition } from "./catalogue.js";
import { useCheapCronCheck } from "./cron-slot.js";

/** pg-boss owns this schema (creates and migrates it at start); Prisma's migrations never touch it. */
export const JOBS_SCHEMA = "pgboss";
/** Timetables are read in London time, like every other date rule in Doorstep. */
export const JOBS_TIME_ZONE = "Europe/London";

export type JobContext = { jobId: string; retryCount: number; signal: AbortSignal };
export type Handler<D> = (data: D, context: JobContext) => Promise<void>;
export type SendOptions = { startAfter?: Date | number; singletonKey?: string; singletonSeconds?: number };

type Catalogue = Record<string, JobDefinition>;
type DataOf<C extends Catalogue, N extends keyof C> = C[N]["data"] extends { _zod: { output: infer O } } ? O : never;

export type JobQueueOptions<C extends Catalogue> = {
  /** The embedded database (PGlite); otherwise connectionString. */
  pglite?: PGlite;
  connectionString?: string;
  logger: Pick<Logger, "info" | "warn" | "error" | "debug">;
  catalogue?: C;
  /** How often an idle worker looks for work; the schedule's checks. Shorter in tests. */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  /** pg-boss's own maintenance (expiring lost runs, archiving); seconds. */
  maintenanceIntervalSeconds?: number;
};

/**
 * pg-boss's Db for PGlite. PGlite cannot prepare multi-statement text, so parameterless SQL (pg-boss's
 * schema creation and its locked BEGIN … COMMIT blocks) runs through exec and answers with the last
 * statement's rows; parameterised SQL is always one statement and goes through query.
 */
export function pgliteExecutor(client: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values as never[]);
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [], fields: [], affectedRows: 0 };
    },
  };
}

/** What a failed run leaves behind: the error's name and message, never a stack or job data. */
export function safeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.replace(/\s+/g, " ").slice(0, 300);
  return "job failed";
}

/**
 * Another instance taking a `stately` job while this one still runs the previous turn is refused by
 * pg-boss's unique index (job_i2/job_i3): that is the once-per-deployment guarantee working, not a fault.
 */
function isTurnTaken(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /duplicate key value violates unique constraint "?job_i[23]"?/.test(message);
}

export function createJobQueue<C extends Catalogue = typeof JOB_CATALOGUE>(options: JobQueueOptions<C>) {
  const catalogue = (options.catalogue ?? JOB_CATALOGUE) as C;
  const { logger } = options;
  if (!options.pglite && !options.connectionString) throw new Error("createJobQueue needs pglite or connectionString");
  // pg-boss's own check of each timetable blocked the main thread for 30-700 ms every 15 s (cron-slot.ts).
  useCheapCronCheck();
  const boss = new PgBoss({
    ...(options.pglite ? { db: pgliteExecutor(options.pglite) } : { connectionString: options.connectionString, max: 4, application_name: "doorstep-jobs" }),
    schema: JOBS_SCHEMA,
    migrate: true,
    supervise: true,
    schedule: true,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 15,
    cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds ?? 5,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 120,
    // Finished runs move to the archive after a day and are deleted after 14, so a failure is
    // visible on /staff/jobs for two weeks. Job data holds identifiers only, never personal data.
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 14,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => {
    if (isTurnTaken(error)) return logger.debug({ reason: "turn taken" }, "job queue: another instance holds this job");
    logger.error({ error: safeError(error) }, "job queue error");
  });

  const stopping = new AbortController();
  const queues = new Map<string, Promise<void>>();
  const scheduled = new Set<string>();
  let started: Promise<void> | undefined;
  let running = false;

  function definition(name: keyof C & string): JobDefinition {
    const def = catalogue[name];
    if (!def) throw new Error(`Unknown job ${name}`);
    return def;
  }

  async function ensureQueue(name: keyof C & string) {
    let ready = queues.get(name);
    if (!ready) {
      const def = definition(name);
      const settings = { policy: def.policy, retryLimit: def.retryLimit, retryDelay: def.retryDelaySeconds, retryBackoff: true, expireInSeconds: def.expireInSeconds };
      ready = (async () => {
        await start();
        await boss.createQueue(name, { name, ...settings });
        // A queue made by an earlier version keeps its old settings unless updated.
        await boss.updateQueue(name, { name, ...settings });
      })();
      queues.set(name, ready);
      ready.catch(() => queues.delete(name));
    }
    return ready;
  }

  function start(): Promise<void> {
    return (started ??= boss.start().then(() => {
      running = true;
    }));
  }

  async function work<N extends keyof C & string>(name: N, handler: Handler<DataOf<C, N>>) {
    await ensureQueue(name);
    const def = definition(name);
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      const data = def.data.parse(job.data ?? {}) as DataOf<C, N>;
      try {
        await handler(data, { jobId: job.id, retryCount: job.retryCount, signal: stopping.signal });
      } catch (error) {
        const message = safeError(error);
        // Identifiers only: job data and error stacks stay out of the log.
        logger.warn({ job: name, jobId: job.id, attempt: job.retryCount + 1, retryLimit: job.retryLimit, error: message }, "background job failed");
        const stored = new Error(message);
        stored.stack = undefined;
        throw stored;
      }
    });
  }

  return {
    boss,
    catalogue,
    start,
    /** Runs `handler` on the timetable `cron` (London time), once per slot for the whole deployment. */
    async schedule<N extends keyof C & string>(name: N, cron: string, handler: Handler<DataOf<C, N>>) {
      await work(name, handler);
      await boss.schedule(name, cron, {}, { tz: JOBS_TIME_ZONE });
      scheduled.add(name);
    },
    /** Handles jobs of this name sent with `send` (by any instance). */
    work,
    /** Queues one job; null when a stately queue already has one waiting (or a singleton key matched). */
    async send<N extends keyof C & string>(name: N, data: DataOf<C, N>, sendOptions: SendOptions = {}): Promise<string | null> {
      await ensureQueue(name);
      const parsed = definition(name).data.parse(data);
      const { startAfter, ...rest } = sendOptions;
      return boss.send(name, parsed, { ...rest, ...(startAfter !== undefined ? { startAfter: startAfter instanceof Date ? startAfter : new Date(startAfter) } : {}) });
    },
    /** Timetables left in the database by jobs this version no longer has are removed. */
    async dropUnknownSchedules() {
      for (const s of await boss.getSchedules()) if (!(s.name in catalogue)) await boss.unschedule(s.name);
    },
    /** Stops taking work, tells running handlers to finish (their signal aborts), waits for them. */
    async stop() {
      stopping.abort();
      if (!started) return;
      await started.catch(() => undefined);
      if (running) await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      running = false;
    },
    get scheduledNames() {
      return [...scheduled];
    },
    /** Raw SQL on pg-boss's own connection, for the status page (server/jobs/status.ts). */
    sql<T>(text: string, values: unknown[] = []): Promise<{ rows: T[] }> {
      return (boss.getDb() as unknown as { executeSql(t: string, v: unknown[]): Promise<{ rows: T[] }> }).executeSql(text, values);
    },
  };
}

export type JobQueue<C extends Catalogue = typeof JOB_CATALOGUE> = ReturnType<typeof createJobQueue<C>>;
