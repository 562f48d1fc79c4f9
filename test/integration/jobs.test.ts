// The job queue (pg-boss in the `pgboss` schema) on PGlite and, when configured, PostgreSQL:
// a timetabled job runs once per slot with two workers on one database; a failing job retries
// with growing back-off and shows, with its error, in the staff status; the relay runs as a job.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { JobDefinition } from "../../server/jobs/catalogue";
import { createJobQueue, type JobQueue } from "../../server/jobs/queue";
import { jobsStatus } from "../../server/jobs/status";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const none = z.object({}).strict();
const CATALOGUE = {
  "test-timetabled": { data: none, policy: "stately", retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 60 },
  "test-failing": { data: z.object({ n: z.number() }).strict(), policy: "standard", retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 60 },
} satisfies Record<string, JobDefinition>;

const logged: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
const logger = pino(
  { level: "debug" },
  {
    write(line: string) {
      const o = JSON.parse(line);
      logged.push({ level: pino.levels.labels[o.level]!, msg: o.msg, obj: o });
    },
  },
);

async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 25_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(ENGINES)("job queue on %s", (engine) => {
  let db: TestDatabase;
  const queues: JobQueue<typeof CATALOGUE>[] = [];
  const queue = () => {
    const q = createJobQueue({
      pglite: db.pglite,
      connectionString: db.url,
      logger,
      catalogue: CATALOGUE,
      pollingIntervalSeconds: 0.5,
      cronMonitorIntervalSeconds: 1,
      cronWorkerIntervalSeconds: 1,
      maintenanceIntervalSeconds: 1,
    });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await db?.close();
  });

  it("keeps its tables in its own schema, out of Prisma's", async () => {
    const q = queue();
    await q.start();
    const tables = await db.prisma.$queryRaw<{ schema: string }[]>`SELECT DISTINCT table_schema::text AS schema FROM information_schema.tables WHERE table_name IN ('job', 'queue', 'schedule', 'version')`;
    expect(tables.map((t) => t.schema)).toEqual(["pgboss"]);
  });

  it("runs a timetabled job once per slot however many workers there are", async () => {
    const runs: { worker: string; minute: string }[] = [];
    const [a, b] = [queue(), queue()];
    for (const [worker, q] of [["a", a], ["b", b]] as const) {
      await q.schedule("test-timetabled", "* * * * *", async () => {
        const [{ minute }] = await db.prisma.$queryRaw<{ minute: string }[]>`SELECT to_char(date_trunc('minute', now()), 'HH24:MI') AS minute`;
        runs.push({ worker, minute });
      });
    }
    await until(() => runs.length > 0);
    // Both workers' timetables are checked every second: give them several more chances.
    await new Promise((r) => setTimeout(r, 4_000));
    const minutes = runs.map((r) => r.minute);
    // A run per minute at most (the test may straddle a minute; never two in one).
    expect(new Set(minutes).size).toBe(minutes.length);
    expect(runs.length).toBeLessThanOrEqual(2);
  });

  it("retries a failing job with growing back-off, logs each failure and shows it to staff", async () => {
    const q = queue();
    const attempts: number[] = [];
    await q.work("test-failing", async ({ n }) => {
      attempts.push(Date.now());
      throw new Error(`receiver said no (${n}) to someone@example.org`.replace(/\S+@\S+/, "[address]"));
    });
    const id = await q.send("test-failing", { n: 7 });
    expect(id).toBeTruthy();
    const status = await until(async () => {
      const s = await jobsStatus(q);
      return s.recentFailures.find((f) => f.id === id && f.state === "failed") ? s : undefined;
    });
    expect(attempts).toHaveLength(3);
    const gaps = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    // pg-boss waits 1–2 s before the first retry and 2–4 s before the second.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_900);
    const failure = status.recentFailures.find((f) => f.id === id)!;
    expect(failure).toMatchObject({ name: "test-failing", state: "failed", attempts: 3, retryLimit: 2, error: "Error: receiver said no (7) to [address]" });
    expect(status.queues.find((x) => x.name === "test-failing")).toMatchObject({ failedDay: 1, active: 0 });
    const warns = logged.filter((l) => l.level === "warn" && l.msg === "background job failed" && l.obj.jobId === id);
    expect(warns.map((w) => w.obj.attempt)).toEqual([1, 2, 3]);
    // Identifiers and the error only: no job data, no stack.
    for (const w of warns) expect(Object.keys(w.obj).sort()).toEqual(["attempt", "error", "job", "jobId", "level", "msg", "pid", "hostname", "retryLimit", "time"].sort());
  });

  it("refuses data that does not match the job's schema, at send", async () => {
    const q = queue();
    await expect(q.send("test-failing", { n: "seven" } as never)).rejects.toThrow();
  });
});
