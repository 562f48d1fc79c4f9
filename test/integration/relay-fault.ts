// The webhook-outage fault as a reusable scenario: N instances relay through the job queue while
// events keep being written; the receiver is down (connection refused) for outageMs, then comes
// back on the same port. Returns what the receiver saw, so a quick version runs in `npm test`
// (relay-fault.test.ts, short back-off) and `npm run test:faults` can run the real 10-minute
// outage with the production back-off: `webhookOutage({ db, outageMs: 10 * 60_000 })`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { scheduleTurns } from "../../server/jobs/background";
import { createJobQueue, type JobQueue } from "../../server/jobs/queue";
import { createRelay, RELAY_DEFAULTS } from "../../server/outbox/relay";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from "../../server/outbox/signature";
import type { TestDatabase } from "../support/database";

const SECRET = "fault-test-secret-0123456789abcdef";

export type OutageOptions = {
  db: Pick<TestDatabase, "prisma" | "pglite" | "url">;
  /** How long the receiver refuses connections. */
  outageMs: number;
  /** Records written to, and events per record written before, during and after the outage. */
  records?: number;
  eventsPerRecord?: number;
  /** Relay instances, each with its own job queue on the same database. */
  instances?: number;
  /** Relay back-off and polling; the production values when left out. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pollMs?: number;
  turnMs?: number;
  /** Give up waiting for the backlog after the receiver is back. */
  drainTimeoutMs?: number;
};

export type OutageResult = {
  written: number;
  /** Distinct event ids the receiver accepted, and requests it accepted in all. */
  deliveredIds: number;
  accepted: number;
  /** Events of one record that arrived out of sequence order (first arrival of each id). */
  outOfOrder: number;
  /** From the receiver's return to its first accepted event, and to the last event. */
  resumedAfterMs: number;
  drainedAfterMs: number;
  /** Failed attempts logged at warn, and those carrying anything from the payload. */
  failureWarns: number;
  warnsWithPayload: number;
};

export async function webhookOutage(options: OutageOptions): Promise<OutageResult> {
  const { db, outageMs } = options;
  const records = options.records ?? 20;
  const perRecord = options.eventsPerRecord ?? 6;
  const instances = options.instances ?? 2;
  const warns: Record<string, unknown>[] = [];
  const logger = pino(
    { level: "warn" },
    {
      write(line: string) {
        const entry = JSON.parse(line);
        if (entry.level === 40) warns.push(entry);
      },
    },
  );

  // The receiver: verifies signatures, records first arrivals, refuses connections while down.
  const seen = new Set<string>();
  const firstArrival = new Map<string, { record: string; sequence: bigint; at: number }>();
  let accepted = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const check = verifySignature({ secret: SECRET, header: req.headers[SIGNATURE_HEADER] as string, body, seen });
      const event = check.ok ? JSON.parse(body) : null;
      if (!event || req.headers[EVENT_ID_HEADER] !== event.id) {
        res.statusCode = 401;
        return res.end();
      }
      accepted++;
      if (!firstArrival.has(event.id)) firstArrival.set(event.id, { record: event.aggregate.id, sequence: BigInt(event.sequence), at: Date.now() });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/hook`;

  const queues: JobQueue[] = [];
  const relays: ReturnType<typeof createRelay>[] = [];
  const marker = `fault-${Math.random().toString(36).slice(2, 8)}`;
  let written = 0;
  const write = async (step: number) => {
    await db.prisma.outboxEvent.createMany({
      data: Array.from({ length: records }, (_, r) => ({ aggregateType: "case", aggregateId: `${marker}-${r}`, eventType: "case.noted", schemaVersion: 1, payload: { step, secretName: `Person ${r}` } })),
    });
    written += records;
  };
  try {
    for (let i = 0; i < instances; i++) {
      const jobs = createJobQueue({ pglite: db.pglite, connectionString: db.url, logger, pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 5, cronWorkerIntervalSeconds: 1 });
      const relay = createRelay({
        prisma: db.prisma as never,
        url,
        secret: SECRET,
        logger,
        baseDelayMs: options.baseDelayMs ?? RELAY_DEFAULTS.baseDelayMs,
        maxDelayMs: options.maxDelayMs ?? RELAY_DEFAULTS.maxDelayMs,
        pollMs: options.pollMs ?? RELAY_DEFAULTS.pollMs,
        timeoutMs: 2_000,
      });
      await jobs.start();
      await scheduleTurns(jobs, "outbox-relay", (ms, signal) => relay.runFor(ms, signal), options.turnMs);
      queues.push(jobs);
      relays.push(relay);
    }

    // Before the outage: some events go through.
    await write(0);
    await until(() => firstArrival.size >= records, 60_000);

    // Down: connections refused, while changes keep being written.
    await new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections();
    const downUntil = Date.now() + outageMs;
    for (let step = 1; step < perRecord - 1; step++) {
      await write(step);
      const wait = Math.min(outageMs / (perRecord - 2), downUntil - Date.now());
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    if (Date.now() < downUntil) await new Promise((r) => setTimeout(r, downUntil - Date.now()));

    // Up again on the same address, and one more change per record.
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    const upAt = Date.now();
    await write(perRecord - 1);
    await until(() => firstArrival.size >= written, options.drainTimeoutMs ?? 120_000);
    const arrivals = [...firstArrival.values()].filter((a) => a.at >= upAt);

    const lastSequence = new Map<string, bigint>();
    let outOfOrder = 0;
    for (const a of [...firstArrival.values()].sort((x, y) => x.at - y.at)) {
      const prev = lastSequence.get(a.record);
      if (prev !== undefined && a.sequence < prev) outOfOrder++;
      lastSequence.set(a.record, a.sequence);
    }
    const failureWarns = warns.filter((w) => w.msg === "outbox delivery failed; will retry");
    return {
      written,
      deliveredIds: firstArrival.size,
      accepted,
      outOfOrder,
      resumedAfterMs: Math.min(...arrivals.map((a) => a.at)) - upAt,
      drainedAfterMs: Math.max(...arrivals.map((a) => a.at)) - upAt,
      failureWarns: failureWarns.length,
      warnsWithPayload: warns.filter((w) => JSON.stringify(w).includes("Person ")).length,
    };
  } finally {
    for (const q of queues) await q.stop();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

async function until(check: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting for delivery");
    await new Promise((r) => setTimeout(r, 50));
  }
}
