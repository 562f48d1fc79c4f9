// Fault: the webhook receiver is down (connections refused) while events keep coming, then comes
// back. Two relay instances on the job queue; back-off scaled down (cap 400 ms instead of 30 s)
// so it fits in `npm test`. Every event arrives, in order per record, once per event id, the
// relay resumes within two back-off caps of the receiver's return, and every failed attempt is a
// warn without payload data. The full 10-minute outage: webhookOutage() in relay-fault.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";
import { webhookOutage } from "./relay-fault";

describe.each(ENGINES)("webhook outage on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("delivers every event after the receiver returns, in order, once per id, soon after it is back", async () => {
    const maxDelayMs = 400;
    const result = await webhookOutage({ db, outageMs: 4_000, records: 15, eventsPerRecord: 6, baseDelayMs: 50, maxDelayMs, pollMs: 50, turnMs: 1_500 });
    expect(result.written).toBe(90);
    expect(result.deliveredIds).toBe(result.written);
    // No lost acknowledgements here, so nothing is sent twice.
    expect(result.accepted).toBe(result.written);
    expect(result.outOfOrder).toBe(0);
    // Within two caps plus a turn hand-over (pg-boss polls every 0.5 s) and a busy machine's slack.
    expect(result.resumedAfterMs).toBeLessThan(2 * maxDelayMs + 2_500);
    expect(result.failureWarns).toBeGreaterThan(0);
    expect(result.warnsWithPayload).toBe(0);
    console.log(`[relay-fault ${engine}] ${JSON.stringify(result)}`);
  });
});
