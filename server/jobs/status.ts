// What the staff see on /staff/jobs: each job's queue (waiting, retrying, running, finished and
// failed in the last day, last success, timetable) and the recent failed runs with their error.
// Read straight from pg-boss's tables: its API has no "list failed jobs" call.
import { JOBS_SCHEMA, type JobQueue } from "./queue.js";

export type QueueState = {
  name: string;
  cron: string | null;
  waiting: number;
  retrying: number;
  active: number;
  completedDay: number;
  failedDay: number;
  lastCompletedAt: string | null;
};

export type JobFailure = {
  id: string;
  name: string;
  /** `retry`: failed, another attempt is due at nextAttemptAt; `failed`: out of retries. */
  state: "retry" | "failed";
  attempts: number;
  retryLimit: number;
  error: string;
  failedAt: string | null;
  nextAttemptAt: string | null;
};

const iso = (value: unknown) => (value == null ? null : new Date(value as string).toISOString());

function errorText(output: unknown): string {
  const value = typeof output === "string" ? safeParse(output) : output;
  if (value && typeof value === "object") {
    // Our handlers' errors are stored as { message }; pg-boss's own (a lost run's expiry) as { value: { message } }.
    const inner = "value" in value && value.value && typeof value.value === "object" ? value.value : value;
    if ("message" in inner) return String((inner as { message: unknown }).message).slice(0, 300);
  }
  return "";
}
function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function jobsStatus(jobs: { sql: JobQueue["sql"]; catalogue: Record<string, unknown> }, options: { failures?: number } = {}) {
  const s = JOBS_SCHEMA;
  const names = Object.keys(jobs.catalogue);
  const [counts, schedules, failures] = await Promise.all([
    jobs.sql<{ name: string; waiting: string; retrying: string; active: string; completed_day: string; failed_day: string; last_completed: unknown }>(
      `SELECT name,
         count(*) FILTER (WHERE state = 'created') AS waiting,
         count(*) FILTER (WHERE state = 'retry') AS retrying,
         count(*) FILTER (WHERE state = 'active') AS active,
         count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '1 day') AS completed_day,
         count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '1 day') AS failed_day,
         max(completed_on) FILTER (WHERE state = 'completed') AS last_completed
       FROM (SELECT name, state, completed_on FROM ${s}.job UNION ALL SELECT name, state, completed_on FROM ${s}.archive) j
       WHERE name = ANY($1::text[])
       GROUP BY name`,
      [names],
    ),
    jobs.sql<{ name: string; cron: string }>(`SELECT name, cron FROM ${s}.schedule`),
    jobs.sql<{ id: string; name: string; state: "retry" | "failed"; retry_count: number; retry_limit: number; output: unknown; completed_on: unknown; started_on: unknown; start_after: unknown }>(
      `SELECT id, name, state::text AS state, retry_count, retry_limit, output, completed_on, started_on, start_after
       FROM (SELECT id, name, state, retry_count, retry_limit, output, completed_on, started_on, start_after FROM ${s}.job WHERE state IN ('retry', 'failed')
             UNION ALL
             SELECT id, name, state, retry_count, retry_limit, output, completed_on, started_on, start_after FROM ${s}.archive WHERE state = 'failed') f
       WHERE name = ANY($1::text[])
       ORDER BY COALESCE(completed_on, started_on) DESC NULLS LAST
       LIMIT $2`,
      [names, options.failures ?? 50],
    ),
  ]);
  const byName = new Map(counts.rows.map((r) => [r.name, r]));
  const cron = new Map(schedules.rows.map((r) => [r.name, r.cron]));
  const queues: QueueState[] = names.map((name) => {
    const r = byName.get(name);
    return {
      name,
      cron: cron.get(name) ?? null,
      waiting: Number(r?.waiting ?? 0),
      retrying: Number(r?.retrying ?? 0),
      active: Number(r?.active ?? 0),
      completedDay: Number(r?.completed_day ?? 0),
      failedDay: Number(r?.failed_day ?? 0),
      lastCompletedAt: iso(r?.last_completed),
    };
  });
  const recentFailures: JobFailure[] = failures.rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    attempts: Number(r.retry_count) + 1,
    retryLimit: Number(r.retry_limit),
    error: errorText(r.output),
    failedAt: iso(r.completed_on ?? r.started_on),
    nextAttemptAt: r.state === "retry" ? iso(r.start_after) : null,
  }));
  return { queues, recentFailures };
}
