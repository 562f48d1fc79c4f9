// The outbox relay against a local receiver that verifies signatures: down for a while then up,
// two relays at once, dead letters and replay; on PGlite and (when configured) PostgreSQL.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRelay, listDeadLetters, replayDeadLetter } from "../../server/outbox/relay";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from "../../server/outbox/signature";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const SECRET = "relay-test-secret-0123456789abcdef";

type Received = { id: string; aggregate: string; sequence: bigint; body: string; signature: string };

/** A receiver like the back office's: verifies, refuses replays, records, and can be told to fail. */
function receiver() {
  const seen = new Set<string>();
  const accepted: Received[] = [];
  const rejected: string[] = [];
  let failUntil = 0;
  let failEvery = 0; // when set, every n-th accepted request is recorded but answered 500 (a lost acknowledgement)
  let count = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (Date.now() < failUntil) {
        res.statusCode = 503;
        return res.end();
      }
      const check = verifySignature({ secret: SECRET, header: req.headers[SIGNATURE_HEADER] as string, body, seen });
      if (!check.ok) {
        rejected.push(check.reason);
        res.statusCode = 401;
        return res.end();
      }
      const event = JSON.parse(body);
      expect(req.headers[EVENT_ID_HEADER]).toBe(event.id);
      accepted.push({ id: event.id, aggregate: `${event.aggregate.type}:${event.aggregate.id}`, sequence: BigInt(event.sequence), body, signature: req.headers[SIGNATURE_HEADER] as string });
      count++;
      res.statusCode = failEvery && count % failEvery === 0 ? 500 : 204;
      res.end();
    });
  });
  return {
    accepted,
    rejected,
    downFor(ms: number) {
      failUntil = Date.now() + ms;
    },
    loseEveryNthAck(n: number) {
      failEvery = n;
    },
    async listen() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function waitFor(check: () => Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

describe.each(ENGINES)("outbox relay on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.prisma.outboxEvent.deleteMany({});
  });

  async function seed(aggregates: number, perAggregate: number) {
    // Interleaved, as real changes are: a1e1, a2e1, …, a1e2, a2e2, …
    for (let e = 0; e < perAggregate; e++) {
      await db.prisma.outboxEvent.createMany({
        data: Array.from({ length: aggregates }, (_, a) => ({ aggregateType: "case", aggregateId: `agg-${a}`, eventType: `case.step${e}`, schemaVersion: 1, payload: { step: e } })),
      });
    }
    return db.prisma.outboxEvent.findMany({ orderBy: { sequence: "asc" } });
  }

  function assertInOrderPerAggregate(accepted: Received[]) {
    const firstSeen = new Map<string, Received>();
    for (const r of accepted) if (!firstSeen.has(r.id)) firstSeen.set(r.id, r);
    const lastSeq = new Map<string, bigint>();
    for (const r of firstSeen.values()) {
      const prev = lastSeq.get(r.aggregate);
      if (prev !== undefined) expect(r.sequence > prev, `${r.aggregate} out of order`).toBe(true);
      lastSeq.set(r.aggregate, r.sequence);
    }
  }

  it("delivers every event after the receiver was down, in order per record; duplicates only with the same id", async () => {
    const events = await seed(6, 5);
    const rx = receiver();
    const url = await rx.listen();
    rx.downFor(1500);
    rx.loseEveryNthAck(7);
    const relay = createRelay({ prisma: db.prisma, url, secret: SECRET, baseDelayMs: 40, maxDelayMs: 300, pollMs: 20, maxAttempts: 50 });
    relay.start();
    try {
      await waitFor(async () => (await db.prisma.outboxEvent.count({ where: { deliveredAt: null } })) === 0);
    } finally {
      await relay.stop();
      await rx.close();
    }
    const ids = new Set(rx.accepted.map((r) => r.id));
    expect([...ids].sort()).toEqual(events.map((e) => e.id).sort());
    // Lost acknowledgements caused re-sends: same id, same body apart from nothing, fresh signature.
    expect(rx.accepted.length).toBeGreaterThan(ids.size);
    for (const id of ids) {
      const copies = rx.accepted.filter((r) => r.id === id);
      expect(new Set(copies.map((c) => c.body)).size).toBe(1);
    }
    assertInOrderPerAggregate(rx.accepted);
    expect(rx.rejected).toEqual([]);
    const retried = await db.prisma.outboxEvent.count({ where: { attempts: { gt: 1 } } });
    expect(retried).toBeGreaterThan(0);
  });

  it("two relays running at once never send the same event twice", async () => {
    const events = await seed(40, 4);
    const rx = receiver();
    const url = await rx.listen();
    const a = createRelay({ prisma: db.prisma, url, secret: SECRET, pollMs: 5, batchSize: 7 });
    const b = createRelay({ prisma: db.prisma, url, secret: SECRET, pollMs: 5, batchSize: 7 });
    a.start();
    b.start();
    try {
      await waitFor(async () => (await db.prisma.outboxEvent.count({ where: { deliveredAt: null } })) === 0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await rx.close();
    }
    expect(rx.accepted).toHaveLength(events.length);
    expect(new Set(rx.accepted.map((r) => r.id)).size).toBe(events.length);
    assertInOrderPerAggregate(rx.accepted);
  });

  it("parks a failing event as a dead letter, holds back that record's later events, and replays it", async () => {
    await seed(1, 2);
    let up = false;
    const rx = receiver();
    const url = await rx.listen();
    const failing: typeof fetch = async (input, init) => (up ? fetch(input, init) : new Response(null, { status: 500 }));
    const relay = createRelay({ prisma: db.prisma, url, secret: SECRET, baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3, fetch: failing });
    for (let i = 0; i < 10; i++) {
      await relay.runOnce();
      await new Promise((r) => setTimeout(r, 5));
    }
    const dead = await listDeadLetters(db.prisma, 3);
    expect(dead.total).toBe(1);
    expect(dead.rows[0]!.lastError).toBe("HTTP 500");
    expect(dead.waiting).toBe(1); // the second event waits behind the first
    expect(await db.prisma.outboxEvent.count({ where: { deliveredAt: { not: null } } })).toBe(0);
    up = true;
    await relay.runOnce();
    expect(rx.accepted).toHaveLength(0); // nothing moves until a person replays
    expect(await replayDeadLetter(db.prisma, dead.rows[0]!.id, new Date(), 3)).toBe(true);
    await relay.runOnce();
    await relay.runOnce();
    await rx.close();
    expect(rx.accepted.map((r) => r.sequence)).toEqual([...rx.accepted.map((r) => r.sequence)].sort());
    expect(rx.accepted).toHaveLength(2);
  });

  it("our receiver rejects a replayed request, a forged body and a stale signature", async () => {
    await seed(1, 1);
    const rx = receiver();
    const url = await rx.listen();
    await createRelay({ prisma: db.prisma, url, secret: SECRET }).runOnce();
    const original = rx.accepted[0]!;
    const send = (body: string, signature: string) => fetch(url, { method: "POST", body, headers: { [SIGNATURE_HEADER]: signature, "content-type": "application/json" } });
    expect((await send(original.body, original.signature)).status).toBe(401);
    expect((await send(original.body.replace("step", "stap"), original.signature)).status).toBe(401);
    const stale = `t=${Date.now() - 3_600_000},v1=${"0".repeat(64)}`;
    expect((await send(original.body, stale)).status).toBe(401);
    expect((await send(original.body, "")).status).toBe(401);
    await rx.close();
    expect(rx.rejected).toEqual(["replayed", "bad_signature", "expired", "missing"]);
  });
});
