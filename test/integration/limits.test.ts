// The shared rate-limit store: two factories on one PostgreSQL behave like two instances of
// Doorstep (one count between them), parallel attempts never overrun a limit, keys are stored
// hashed, and an unreachable store falls back to memory instead of failing requests.
import { afterAll, describe, expect, it } from "vitest";
import { createLimits, isLimited, type Limits } from "../../server/limits";
import { createSignInLimiter } from "../../server/auth/rate-limit";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SECRET = "a-test-secret-that-is-long-enough-to-be-real";
const opened: (Limits | TestDatabase)[] = [];
afterAll(async () => {
  for (const item of opened.reverse()) await item.close();
});

async function settle(promises: Promise<unknown>[]) {
  const results = await Promise.allSettled(promises);
  return {
    allowed: results.filter((r) => r.status === "fulfilled").length,
    refused: results.filter((r) => r.status === "rejected" && isLimited(r.reason)).length,
    failed: results.filter((r) => r.status === "rejected" && !isLimited(r.reason)).length,
  };
}

describe("limits in memory (embedded PGlite)", () => {
  it("counts and refuses", async () => {
    const limits = createLimits({ secret: SECRET });
    opened.push(limits);
    expect(limits.store).toBe("memory");
    const limiter = limits.create({ keyPrefix: "t-memory", points: 3, duration: 60 });
    expect(await settle(Array.from({ length: 5 }, () => limiter.consume("k")))).toEqual({ allowed: 3, refused: 2, failed: 0 });
    // The same name and settings is the same limiter; other settings under the same name are refused.
    expect(limits.create({ keyPrefix: "t-memory", points: 3, duration: 60 })).toBe(limiter);
    expect(() => limits.create({ keyPrefix: "t-memory", points: 4, duration: 60 })).toThrow(/different settings/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("limits in PostgreSQL (DATABASE_URL set)", () => {
  it("two instances share one count, parallel attempts never overrun it, and keys are stored hashed", async () => {
    const db = await createTestDatabase("postgres");
    opened.push(db);
    const a = createLimits({ databaseUrl: db.url, secret: SECRET });
    const b = createLimits({ databaseUrl: db.url, secret: SECRET });
    opened.push(a, b);
    expect(a.store).toBe("postgres");
    const onA = a.create({ keyPrefix: "t-shared", points: 5, duration: 60 });
    const onB = b.create({ keyPrefix: "t-shared", points: 5, duration: 60 });
    const key = "203.0.113.9|someone@example.org";
    // 12 at once, half through each instance: exactly 5 go through.
    const attempts = Array.from({ length: 12 }, (_, i) => (i % 2 ? onA : onB).consume(key));
    expect(await settle(attempts)).toEqual({ allowed: 5, refused: 7, failed: 0 });
    expect((await onB.get(key))!.remainingPoints).toBe(0);
    await onA.delete(key);
    expect(await onB.get(key)).toBeNull();
    await onA.consume(key);

    const rows = await db.prisma.rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).not.toContain("203.0.113.9");
      expect(row.key).not.toContain("example.org");
      expect(row.key.startsWith("t-shared:")).toBe(true);
    }
  });

  it("sign-in attempts from two instances are counted before any password is checked", async () => {
    const db = await createTestDatabase("postgres");
    opened.push(db);
    const instances = [createSignInLimiter(createLimits({ databaseUrl: db.url, secret: SECRET })), createSignInLimiter(createLimits({ databaseUrl: db.url, secret: SECRET }))];
    const waits = await Promise.all(Array.from({ length: 8 }, (_, i) => instances[i % 2]!.attempt("198.51.100.7", "Head@Doorstep.example")));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    // The same account from other addresses is limited too, across instances.
    const spread = await Promise.all(Array.from({ length: 25 }, (_, i) => instances[i % 2]!.attempt(`192.0.2.${i + 1}`, "head@doorstep.example")));
    // 20 per account per hour; the 8 above (refused ones too) already spent 8.
    expect(spread.filter((w) => w === 0).length).toBe(20 - 8);
  });

  it("a batched limit (the chat's per-event ones) writes once per interval, and two instances share its count", async () => {
    const db = await createTestDatabase("postgres");
    opened.push(db);
    // An interval far longer than the test: every push below is an explicit flush, so the steps are exact.
    const a = createLimits({ databaseUrl: db.url, secret: SECRET });
    const b = createLimits({ databaseUrl: db.url, secret: SECRET });
    opened.push(a, b);
    const onA = a.create({ keyPrefix: "t-batched", points: 50, duration: 60, syncEveryMs: 3_600_000 });
    const onB = b.create({ keyPrefix: "t-batched", points: 50, duration: 60, syncEveryMs: 3_600_000 });
    const key = "203.0.113.10";
    const stored = async () => (await db.prisma.rateLimit.findMany({ where: { key: { startsWith: "t-batched:" } } })).map((r) => r.points);

    // Counted in memory: nothing reaches the database until the push, then one row with the sum.
    expect(await settle(Array.from({ length: 40 }, () => onA.consume(key)))).toEqual({ allowed: 40, refused: 0, failed: 0 });
    expect(await stored()).toEqual([]);
    await a.flush();
    expect(await stored()).toEqual([40]);

    // B learns the shared total at its first push and refuses past the limit with A's points counted.
    await onB.consume(key);
    await b.flush();
    expect((await onB.get(key))!.consumedPoints).toBe(41);
    expect(await settle(Array.from({ length: 12 }, () => onB.consume(key)))).toEqual({ allowed: 9, refused: 3, failed: 0 });
    await b.flush();
    expect(await stored()).toEqual([53]);

    // A has not pushed since: its view lags by one interval, the stated error bound (one more
    // accepted here); after its push it refuses too.
    expect(await settle([onA.consume(key)])).toEqual({ allowed: 1, refused: 0, failed: 0 });
    await a.flush();
    expect(await settle([onA.consume(key)])).toEqual({ allowed: 0, refused: 1, failed: 0 });
    await a.flush();
    expect(await stored()).toEqual([55]);
  });

  it("a batched limit pushes by itself on its interval", async () => {
    const db = await createTestDatabase("postgres");
    opened.push(db);
    const limits = createLimits({ databaseUrl: db.url, secret: SECRET });
    opened.push(limits);
    const limiter = limits.create({ keyPrefix: "t-interval", points: 5, duration: 60, syncEveryMs: 50 });
    await limiter.consume("k", 3);
    const deadline = Date.now() + 10_000;
    let points: number[] = [];
    while (Date.now() < deadline) {
      points = (await db.prisma.rateLimit.findMany({ where: { key: { startsWith: "t-interval:" } } })).map((r) => r.points);
      if (points.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(points).toEqual([3]);
  });

  it("a batched limit still holds in memory when PostgreSQL cannot be reached", async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as never;
    const limits = createLimits({ databaseUrl: "postgresql://doorstep:doorstep@127.0.0.1:9/none", secret: SECRET, logger });
    opened.push(limits);
    const limiter = limits.create({ keyPrefix: "t-batched-down", points: 2, duration: 60, syncEveryMs: 3_600_000 });
    expect(await settle([limiter.consume("k"), limiter.consume("k"), limiter.consume("k")])).toEqual({ allowed: 2, refused: 1, failed: 0 });
    await limits.flush();
    expect(warnings).toHaveLength(1);
    expect(await settle([limiter.consume("k")])).toEqual({ allowed: 0, refused: 1, failed: 0 });
  });

  it("falls back to memory, and says so, when PostgreSQL cannot be reached", async () => {
    // A port nothing listens on: the store fails at once.
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as never;
    const limits = createLimits({ databaseUrl: "postgresql://doorstep:doorstep@127.0.0.1:9/none", secret: SECRET, logger });
    opened.push(limits);
    const limiter = limits.create({ keyPrefix: "t-down", points: 2, duration: 60 });
    expect(await settle([limiter.consume("k"), limiter.consume("k"), limiter.consume("k")])).toEqual({ allowed: 2, refused: 1, failed: 0 });
    expect(warnings).toHaveLength(1);
  });
});
