import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addContact,
  allocateCase,
  changeType,
  closeCase,
  completeCallback,
  createCase,
  linkCases,
  markNoFurtherContact,
  prepareDone,
  recordProgress,
  reopenCase,
  requestCallback,
  setRestrictedContact,
  liftRestrictedContact,
  takeCase,
  recordServiceComplaint,
  CaseWorkError,
  type NewCaseInput,
} from "../../server/domain/cases";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

const concern = (overrides: Partial<NewCaseInput> = {}): NewCaseInput => ({
  type: "RFA",
  channel: "web_form",
  language: "en",
  summary: "My council shared my address.",
  customer: { name: "Sam Jones", email: `sam.${Math.random().toString(36).slice(2)}@example.com` },
  organisation: { name: "Example Council", sector: "local_government", location: "uk" },
  ...overrides,
});

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CaseWorkError) return error.code;
    throw error;
  }
  return "no refusal";
};

describe.each(ENGINES)("case work on %s", (engine) => {
  let db: TestDatabase;
  let manager: { id: string; roles: string[] };
  let officer: { id: string; roles: string[] };
  let clock = new Date("2026-11-23T10:00:00Z"); // Monday
  const deps = () => ({ prisma: db.prisma, now: () => clock });
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const m = await db.prisma.staffUser.create({ data: { email: `m-${engine}@x.test`, name: "Morgan Manager", passwordHash: "x", roles: ["manager"] } });
    const o = await db.prisma.staffUser.create({ data: { email: `o-${engine}@x.test`, name: "Olwen Officer", passwordHash: "x", roles: ["case_officer"] } });
    manager = { id: m.id, roles: m.roles };
    officer = { id: o.id, roles: o.roles };
  });
  afterAll(async () => {
    await db?.close();
  });

  it("allocate, contact, prepare, progress, close: each one timeline + audit + outbox row", async () => {
    clock = new Date("2026-11-23T10:00:00Z");
    const { case: c } = await createCase(deps(), concern());
    expect(await refusal(allocateCase(deps(), officer, c.reference, officer.id))).toBe("forbidden");
    await allocateCase(deps(), manager, c.reference, officer.id);
    await addContact(deps(), officer, c.reference, { method: "call", direction: "out", summary: "Called the customer" });
    await prepareDone(deps(), officer, c.reference);
    let row = await db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("under_way");
    expect(row.assignedToId).toBe(officer.id);
    expect(row.nextDueAt?.toISOString()).toBe(row.answerDueAt.toISOString());
    await recordProgress(deps(), officer, c.reference);
    expect(await refusal(closeCase(deps(), officer, c.reference, { outcome: "not_s50" }))).toBe("invalid_outcome");
    await closeCase(deps(), officer, c.reference, { outcome: "no_action_for_dc" });
    row = await db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "closed", outcome: "no_action_for_dc", nextDueAt: null });
    const kinds = (await db.prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { at: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["allocated", "contact", "under_way", "answered", "closed"]));
    const outbox = await db.prisma.outboxEvent.findMany({ where: { aggregateId: c.id }, orderBy: { sequence: "asc" } });
    expect(outbox.map((e) => e.eventType)).toEqual(["case.created", "case.allocated", "case.contact", "case.under_way", "case.answered", "case.closed"]);
    expect(await db.prisma.auditEvent.count({ where: { entityId: c.id } })).toBe(6);
  });

  it("re-open never on the closing day; the new instance has its own start and clocks", async () => {
    clock = new Date("2026-11-24T09:00:00Z");
    const { case: c } = await createCase(deps(), concern());
    await closeCase(deps(), officer, c.reference, { outcome: "concern_to_be_raised_with_dc" });
    clock = new Date("2026-11-24T23:30:00Z");
    expect(await refusal(reopenCase(deps(), officer, c.reference))).toBe("reopen_same_day");
    clock = new Date("2026-11-25T09:00:00Z");
    await reopenCase(deps(), officer, c.reference);
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "queued", reopenCount: 1, outcome: null });
    expect(row.openedAt.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    expect(row.underWayDueAt.toISOString()).toBe("2026-12-09T23:59:59.999Z");
  });

  it("closes linked cases with the same outcome, or none when the outcome does not fit one of them", async () => {
    clock = new Date("2026-11-26T09:00:00Z");
    const a = (await createCase(deps(), concern())).case;
    const b = (await createCase(deps(), concern())).case;
    const foi = (await createCase(deps(), concern({ type: "FS50" }))).case;
    await linkCases(deps(), officer, a.reference, b.reference);
    expect(await refusal(linkCases(deps(), officer, b.reference, a.reference))).toBe("already_linked");
    expect(await refusal(linkCases(deps(), officer, a.reference, a.reference))).toBe("link_self");
    await linkCases(deps(), officer, a.reference, foi.reference);
    expect(await refusal(closeCase(deps(), officer, a.reference, { outcome: "no_action_for_dc", closeLinked: true }))).toBe("linked_outcome_invalid");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("queued");
    await closeCase(deps(), officer, foi.reference, { outcome: "not_pa" });
    const closed = await closeCase(deps(), officer, a.reference, { outcome: "no_action_for_dc", closeLinked: true });
    expect(closed.sort()).toEqual([a.reference, b.reference].sort());
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: b.id } })).outcome).toBe("no_action_for_dc");
  });

  it("changes type while open, with the clocks of the new type; refuses once closed", async () => {
    clock = new Date("2026-11-26T09:00:00Z");
    const { case: c } = await createCase(deps(), concern());
    await changeType(deps(), officer, c.reference, "RCC");
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.type).toBe("RCC");
    expect(row.underWayDueAt.toISOString()).toBe("2026-12-03T23:59:59.999Z"); // 5 working days
    expect(await refusal(changeType(deps(), officer, c.reference, "XYZ"))).toBe("invalid_type");
    await closeCase(deps(), officer, c.reference, { outcome: "duplicate" });
    expect(await refusal(changeType(deps(), officer, c.reference, "ENQ"))).toBe("case_closed");
  });

  it("NFC needs a manager and a closed case; restricted contact is set, replaced and lifted; callbacks have a 2-working-day clock", async () => {
    clock = new Date("2026-11-27T15:00:00Z"); // Friday
    const { case: c } = await createCase(deps(), concern());
    const cb = await requestCallback(deps(), officer, c.reference, { note: "Wants a call about the letter" });
    expect(cb.dueAt.toISOString()).toBe("2026-12-01T23:59:59.999Z");
    // The callback is now the nearest clock, so the list sorts the case by it.
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).nextDueAt?.toISOString()).toBe("2026-12-01T23:59:59.999Z");
    await completeCallback(deps(), officer, c.reference, cb.id);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.nextDueAt?.toISOString()).toBe(after.underWayDueAt.toISOString());
    expect(await refusal(completeCallback(deps(), officer, c.reference, cb.id))).toBe("callback_done");
    expect(await refusal(markNoFurtherContact(deps(), manager, c.reference, { reason: "Abusive" }))).toBe("case_open");
    await setRestrictedContact(deps(), manager, c.reference, { arrangement: "Writing only", reviewOn: "2027-05-01" });
    await setRestrictedContact(deps(), manager, c.reference, { arrangement: "One named contact: Olwen", reviewOn: "2027-06-01" });
    const party = await db.prisma.caseParty.findFirstOrThrow({ where: { caseId: c.id, role: "customer" } });
    const active = await db.prisma.partyFlag.findMany({ where: { partyId: party.partyId, clearedAt: null } });
    expect(active.map((f) => f.summary)).toEqual(["One named contact: Olwen"]);
    await liftRestrictedContact(deps(), manager, c.reference);
    expect(await db.prisma.partyFlag.count({ where: { partyId: party.partyId, clearedAt: null } })).toBe(0);
    await closeCase(deps(), officer, c.reference, { outcome: "not_dpa" });
    expect(await refusal(markNoFurtherContact(deps(), officer, c.reference, { reason: "Abusive" }))).toBe("forbidden");
    await markNoFurtherContact(deps(), manager, c.reference, { reason: "Repeated abusive calls" });
    expect(await db.prisma.partyFlag.count({ where: { partyId: party.partyId, clearedAt: null, kind: "no_further_contact" } })).toBe(1);
  });

  it("take: an officer cannot take a case someone else holds", async () => {
    const { case: c } = await createCase(deps(), concern());
    await takeCase(deps(), officer, c.reference);
    const other = await db.prisma.staffUser.create({ data: { email: `o2-${engine}@x.test`, name: "Other", passwordHash: "x", roles: ["case_officer"] } });
    expect(await refusal(takeCase(deps(), { id: other.id, roles: other.roles }, c.reference))).toBe("forbidden");
  });
});

describe.each(ENGINES)("complaints about our service on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("in time: an RCC linked both ways with 5-working-day and 30-day clocks; late: refused unless a manager accepts with a reason", async () => {
    const m = await db.prisma.staffUser.create({ data: { email: `rm-${engine}@x.test`, name: "M", passwordHash: "x", roles: ["manager"] } });
    const o = await db.prisma.staffUser.create({ data: { email: `ro-${engine}@x.test`, name: "O", passwordHash: "x", roles: ["case_officer"] } });
    const manager = { id: m.id, roles: m.roles };
    const officer = { id: o.id, roles: o.roles };
    const now = new Date("2026-12-02T10:00:00Z"); // Wednesday
    const deps = { prisma: db.prisma, now: () => now };
    const { case: c } = await createCase(deps, concern());

    const inTime = await recordServiceComplaint(deps, officer, c.reference, { summary: "Nobody called me back", eventOn: "2026-09-02" });
    expect(inTime).toMatchObject({ inTime: true, refused: false });
    const rcc = await db.prisma.case.findUniqueOrThrow({ where: { reference: inTime.reference }, include: { linksFrom: { include: { linked: true } }, parties: true } });
    expect(rcc).toMatchObject({ type: "RCC", workQueue: "customer-contact", status: "queued", late: false });
    expect(rcc.underWayDueAt.toISOString()).toBe("2026-12-09T23:59:59.999Z");
    expect(rcc.answerDueAt.toISOString()).toBe("2027-01-01T23:59:59.999Z");
    expect(rcc.linksFrom.map((l) => l.linked.reference)).toEqual([c.reference]);
    expect(rcc.parties).toHaveLength(1);
    expect(await db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "complaint_recorded" } })).toBe(1);

    const late = await recordServiceComplaint(deps, officer, c.reference, { summary: "Old complaint", eventOn: "2026-09-01" });
    expect(late).toMatchObject({ inTime: false, refused: true });
    expect(await db.prisma.case.findUniqueOrThrow({ where: { reference: late.reference } })).toMatchObject({ status: "closed", outcome: "refused_out_of_time", late: true });

    expect(await refusal(recordServiceComplaint(deps, officer, c.reference, { summary: "x", eventOn: "2026-01-01", acceptLate: "yes", lateReason: "Ill" }))).toBe("forbidden");
    expect(await refusal(recordServiceComplaint(deps, manager, c.reference, { summary: "x", eventOn: "2026-01-01", acceptLate: "yes" }))).toBe("late_reason_required");
    expect(await refusal(recordServiceComplaint(deps, manager, c.reference, { summary: "x", eventOn: "2026-12-03" }))).toBe("event_in_future");
    const accepted = await recordServiceComplaint(deps, manager, c.reference, { summary: "Late but accepted", eventOn: "2026-01-01", acceptLate: "yes", lateReason: "In hospital for months" });
    const row = await db.prisma.case.findUniqueOrThrow({ where: { reference: accepted.reference } });
    expect(row).toMatchObject({ status: "queued", late: true });
    expect(row.details).toMatchObject({ inTime: false, lateAccepted: { by: m.id, reason: "In hospital for months" } });
  });
});
