// Adjustment requests against real databases (PGlite always, PostgreSQL when TEST_DATABASE_URL
// is set): submission, decisions, the flag on the customer, appeals, consent, removal, access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseForStaff } from "../../app/lib/cases.server";
import { createAdjustmentTexts } from "../../app/lib/adjustments-texts.server";
import { activeFlagsForEmail, activeFlagsForParty } from "../../server/domain/adjustments";
import {
  AdjustmentError,
  acknowledgeHeadNotice,
  consentLinkReference,
  decideRequest,
  findCaseByReference,
  markTold,
  openAppeal,
  readDifficulty,
  recordCheck,
  recordReview,
  removeRequest,
  submitAdjustmentRequest,
  takeRequest,
  updateConference,
  withdrawConsent,
  type Deps,
  type SubmitInput,
} from "../../server/adjustments";
import { adjustmentDecisionDueAt, createCase } from "../../server/domain/cases";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

type Staff = { id: string; roles: string[] };

describe.each(ENGINES)("adjustments on %s", (engine) => {
  let db: TestDatabase;
  let clock = new Date("2026-11-26T10:00:00Z"); // a Thursday
  let deps: Deps;
  const staff: Record<"officer" | "other" | "adviser" | "manager" | "head" | "formerHead" | "admin", Staff> = {} as never;
  let counter = 0;
  const email = () => `person${++counter}-${engine}@example.com`;
  const tokens: string[] = [];

  const input = (overrides: Partial<SubmitInput> = {}): SubmitInput => ({
    language: "en",
    needs: [{ code: "large_print", size: "18" }, { code: "phone_not_writing" }],
    otherNeed: null,
    duration: "ongoing",
    caseReference: null,
    difficulty: "Reading small print",
    consent: true,
    name: "Pat Example",
    email: email(),
    phone: "07700 900982",
    postalAddress: null,
    replyBy: "email",
    idempotencyKey: `key${counter}x${Math.random().toString(36).slice(2, 14)}`,
    withdrawConsentUrl: (token) => {
      tokens.push(token);
      return `http://test/adjustments/consent/${token}`;
    },
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deps = { prisma: db.prisma, now: () => clock, texts: createAdjustmentTexts("http://test") };
    const make = async (key: keyof typeof staff, roles: string[], active = true) => {
      const row = await db.prisma.staffUser.create({
        data: { email: `${key}-${engine}@doorstep.test`, name: `${key} name`, passwordHash: "x", roles: roles as never, active },
      });
      staff[key] = { id: row.id, roles };
    };
    await make("officer", ["case_officer"]);
    await make("other", ["case_officer"]);
    await make("adviser", ["adviser"]);
    await make("manager", ["manager", "case_officer"]);
    await make("head", ["head_of_customer_contact", "manager"]);
    await make("formerHead", ["head_of_customer_contact"], false);
    await make("admin", ["admin"]);
  });
  afterAll(async () => {
    await db?.close();
  });

  const request = (reference: string) => db.prisma.adjustmentRequest.findUniqueOrThrow({ where: { reference }, include: { events: true, conferences: true, emails: { include: { emailMessage: true } } } });

  it("records a request, its acknowledgement in large print, and its outbox event, in one go", async () => {
    clock = new Date("2026-11-26T10:00:00Z");
    const who = email();
    const enquiry = await createCase({ prisma: db.prisma, now: () => clock }, { type: "ENQ", channel: "web_form", language: "en", summary: "q", customer: { name: "Pat Example", email: who } });
    const submitted = await submitAdjustmentRequest(deps, input({ email: who.toUpperCase(), caseReference: enquiry.case.reference }));
    expect(submitted.reference).toMatch(/^ADJ\d{7}$/);
    expect(submitted.created).toBe(true);
    // Thursday 10:00 + 48 hours is Saturday: due at the end of Monday.
    expect(submitted.decisionDueAt.toISOString()).toBe("2026-11-30T23:59:59.999Z");
    expect(submitted.decisionDueAt.getTime()).toBe(adjustmentDecisionDueAt(clock).getTime());

    const row = await request(submitted.reference);
    expect(row.status).toBe("received");
    expect(row.caseId).toBe(enquiry.case.id);
    const party = await db.prisma.party.findUniqueOrThrow({ where: { emailNormalised: who } });
    expect(row.partyId).toBe(party.id);
    expect(row.difficulty).toBe("Reading small print");
    expect(row.difficultyConsentAt?.toISOString()).toBe(clock.toISOString());
    expect(row.consentTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.events.map((e) => e.kind)).toEqual(["received"]);

    const ack = row.emails.find((e) => e.kind === "adjustment_acknowledgement")!.emailMessage;
    expect(ack.caseId).toBeNull();
    expect(ack.subject).toContain(submitted.reference);
    expect(ack.html).toContain("font-size:18pt");
    expect(ack.text).toContain("Large print, 18 point");
    expect(ack.text).toContain("by the end of Monday 30 November 2026");
    expect(ack.text).not.toContain("Reading small print");
    expect(ack.text).toContain(`http://test/adjustments/consent/${tokens.at(-1)}`);

    const outbox = await db.prisma.outboxEvent.findMany({ where: { aggregateId: row.id } });
    expect(outbox.map((o) => o.eventType)).toEqual(["adjustment_request.created"]);
    expect(outbox[0]!.schemaVersion).toBe(1);
    expect(JSON.stringify(outbox[0]!.payload)).not.toContain("Reading small print");
    expect(outbox[0]!.payload).toMatchObject({ reference: submitted.reference, difficultyGiven: true });
    expect(await db.prisma.auditEvent.count({ where: { entityId: row.id, action: "adjustment.create" } })).toBe(1);
  });

  it("creates one request for one idempotency key, even at the same moment", async () => {
    const same = input();
    const results = await Promise.all([1, 2, 3].map(() => submitAdjustmentRequest(deps, same)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("leaves nothing behind when any part fails", async () => {
    const counts = () => Promise.all([db.prisma.adjustmentRequest.count(), db.prisma.outboxEvent.count(), db.prisma.emailMessage.count(), db.prisma.auditEvent.count()]);
    const before = await counts();
    const broken: Deps = {
      ...deps,
      texts: {
        ...deps.texts,
        acknowledgement: () => {
          throw new Error("template failed");
        },
      },
    };
    await expect(submitAdjustmentRequest(broken, input())).rejects.toThrow("template failed");
    expect(await counts()).toEqual(before);
  });

  it("checks case references against real cases", async () => {
    const real = await createCase({ prisma: db.prisma }, { type: "RFA", channel: "web_form", language: "en", summary: "s", customer: { name: "A", email: email() }, organisation: { name: "Org" } });
    expect(await findCaseByReference(db.prisma, "not a ref")).toEqual({ state: "invalid" });
    expect(await findCaseByReference(db.prisma, "RFA9999999")).toEqual({ state: "unknown" });
    expect(await findCaseByReference(db.prisma, real.case.reference.toLowerCase())).toMatchObject({ state: "found", id: real.case.id });
  });

  it("agrees all: sets the flag with a 2-year review, tells every active Head of Customer Contact, and emails the decision apart from the case", async () => {
    clock = new Date("2026-11-26T10:00:00Z");
    const who = email();
    const enquiry = await createCase({ prisma: db.prisma, now: () => clock }, { type: "ENQ", channel: "web_form", language: "en", summary: "q", customer: { name: "Pat", email: who } });
    const { reference } = await submitAdjustmentRequest(deps, input({ email: who }));
    clock = new Date("2026-11-27T09:00:00Z");
    const result = await decideRequest(deps, staff.officer, reference, { outcome: "agree_all" }, "en");
    expect(result.ok).toBe(true);
    const row = await request(reference);
    expect(row.status).toBe("agreed");
    expect(row.assignedToId).toBe(staff.officer.id);
    expect(row.reviewDueAt?.toISOString()).toBe("2028-11-27T23:59:59.999Z");
    expect(row.checkDueAt?.toISOString()).toBe("2026-12-11T23:59:59.999Z");
    expect(row.decisionToldAt?.toISOString()).toBe(clock.toISOString());

    const flags = await activeFlagsForEmail(db.prisma, ` ${who.toUpperCase()} `);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "reasonable_adjustment", adjustmentReference: reference });
    expect(flags[0]!.summary).toBe("Large print, 18 point; Phone calls instead of writing. Review by 27 November 2028.");
    expect(flags[0]!.reviewAt?.toISOString()).toBe("2028-11-27T23:59:59.999Z");
    const welsh = await activeFlagsForEmail(db.prisma, who, "cy");
    expect(welsh[0]!.summary).toBe("Print mawr, 18 pwynt; Galwadau ffôn yn lle ysgrifennu. Adolygu erbyn 27 Tachwedd 2028.");
    expect(await activeFlagsForParty(db.prisma, row.partyId!, "cy")).toEqual(welsh);
    expect(await activeFlagsForEmail(db.prisma, "nobody@example.com")).toEqual([]);
    expect(await activeFlagsForEmail(db.prisma, "")).toEqual([]);

    // The case page of the same customer carries the flag, in both languages.
    const shown = await caseForStaff({ services: { prisma: db.prisma, now: () => clock } } as never, enquiry.case.reference);
    expect(shown!.parties[0]!.flags).toEqual([
      expect.objectContaining({ kind: "reasonable_adjustment", summary: flags[0]!.summary, summaryCy: welsh[0]!.summary, adjustmentReference: reference }),
    ]);

    const emails = row.emails.map((e) => e.emailMessage);
    const decision = emails.find((e) => e.kind === "adjustment_decision")!;
    expect(decision.caseId).toBeNull();
    expect(decision.to).toBe(row.email);
    expect(decision.text).toContain("We have agreed to your request");
    expect(decision.text).toContain("27 November 2028");
    expect(decision.html).toContain("font-size:18pt");
    const notices = emails.filter((e) => e.kind === "adjustment_head_notice").map((e) => e.to);
    expect(notices).toEqual([`head-${engine}@doorstep.test`]);
    expect(row.headNotifiedAt).not.toBeNull();

    const outbox = await db.prisma.outboxEvent.findMany({ where: { aggregateId: row.id }, orderBy: { sequence: "asc" } });
    expect(outbox.map((o) => o.eventType)).toEqual(["adjustment_request.created", "adjustment_request.decided"]);
    expect(outbox[1]!.payload).toMatchObject({ status: "agreed", agreed: ["large_print", "phone_not_writing"], partyFlagId: flags[0]!.id });
    expect(await db.prisma.auditEvent.count({ where: { entityId: row.id, action: "adjustment.decided", actorId: staff.officer.id } })).toBe(1);

    // Deciding again needs an appeal first.
    await expect(decideRequest(deps, staff.officer, reference, { outcome: "decline", reasons: "r", alternatives: "a" }, "en")).rejects.toMatchObject({ code: "cannot_decide" });
    // Only the Head of Customer Contact marks the notice seen.
    await expect(acknowledgeHeadNotice(deps, staff.manager, reference)).rejects.toMatchObject({ status: 403 });
    await acknowledgeHeadNotice(deps, staff.head, reference);
    expect((await request(reference)).headSeenById).toBe(staff.head.id);
  });

  it("agrees some, with what we will do instead, and refuses an incomplete decision", async () => {
    const { reference } = await submitAdjustmentRequest(deps, input({ otherNeed: "A quiet room <b>please</b>" }));
    const none = await decideRequest(deps, staff.manager, reference, { outcome: "agree_some", agreed: [], instead: "" }, "en");
    expect(none).toEqual({ ok: false, errors: { agreed: "agreed_none", instead: "instead_required" } });
    const all = await decideRequest(deps, staff.manager, reference, { outcome: "agree_some", agreed: ["large_print", "phone_not_writing", "other"], instead: "x" }, "en");
    expect(all).toEqual({ ok: false, errors: { agreed: "agreed_all" } });
    const tooLate = await decideRequest(deps, staff.manager, reference, { outcome: "agree_some", agreed: ["large_print"], instead: "x", reviewOn: "2030-01-01" }, "en");
    expect(tooLate).toEqual({ ok: false, errors: { reviewOn: "review_too_late" } });
    expect((await request(reference)).status).toBe("received");

    const ok = await decideRequest(deps, staff.manager, reference, { outcome: "agree_some", agreed: ["large_print", "other"], instead: "We will write to you by email first.", reviewOn: "2027-01-15" }, "cy");
    expect(ok.ok).toBe(true);
    const row = await request(reference);
    expect(row.status).toBe("partly_agreed");
    expect(row.reviewDueAt?.toISOString()).toBe("2027-01-15T23:59:59.999Z");
    const flags = await activeFlagsForEmail(db.prisma, row.email);
    expect(flags[0]!.summary).toBe("Large print, 18 point; Something else: A quiet room <b>please</b>. Review by 15 January 2027. Instead: We will write to you by email first.");
    const decision = row.emails.find((e) => e.kind === "adjustment_decision")!.emailMessage;
    expect(decision.text).toContain("What we cannot agree to\n\n- Phone calls instead of writing");
    expect(decision.text).toContain("We will write to you by email first.");
    expect(decision.text).toContain("right to complain");
    expect(decision.html).toContain("A quiet room &lt;b&gt;please&lt;/b&gt;");
    expect(decision.html).not.toContain("<b>please</b>");
    // The head's notice follows the language of the screen the decision was made on.
    expect(row.emails.find((e) => e.kind === "adjustment_head_notice")!.emailMessage.language).toBe("cy");

    // A review keeps it for at most 2 more years and moves the flag's date.
    clock = new Date("2027-01-10T12:00:00Z");
    expect(await recordReview(deps, staff.officer, reference, { reviewOn: "2029-01-11" })).toEqual({ ok: false, errors: { reviewOn: "review_too_late" } });
    const reviewed = await recordReview(deps, staff.officer, reference, { reviewOn: null });
    expect(reviewed).toMatchObject({ ok: true });
    const flag = await db.prisma.partyFlag.findUniqueOrThrow({ where: { id: row.flagId! } });
    expect(flag.reviewAt?.toISOString()).toBe("2029-01-10T23:59:59.999Z");
    expect(flag.summary).toContain("Review by 10 January 2029.");
    clock = new Date("2026-11-27T09:00:00Z");
  });

  it("declines with reasons, what we can do and the right to complain, and sets no flag", async () => {
    const who = email();
    const { reference } = await submitAdjustmentRequest(deps, input({ email: who, language: "cy", needs: [{ code: "meeting", meeting: "in_person" }] }));
    const missing = await decideRequest(deps, staff.officer, reference, { outcome: "decline" }, "en");
    expect(missing).toEqual({ ok: false, errors: { reasons: "reasons_required", alternatives: "alternatives_required" } });
    const ok = await decideRequest(deps, staff.officer, reference, { outcome: "decline", reasons: "We have no office near you.", alternatives: "A video call with a BSL interpreter." }, "en");
    expect(ok.ok).toBe(true);
    const row = await request(reference);
    expect(row.status).toBe("declined");
    expect(row.flagId).toBeNull();
    expect(await activeFlagsForEmail(db.prisma, who)).toEqual([]);
    const decision = row.emails.find((e) => e.kind === "adjustment_decision")!.emailMessage;
    // Welsh pages: the decision comes in Welsh.
    expect(decision.language).toBe("cy");
    expect(decision.text).toContain("Mae’n ddrwg gennym, ond ni allwn gytuno i’ch cais.");
    expect(decision.text).toContain("We have no office near you.");
    expect(decision.text).toContain("A video call with a BSL interpreter.");
    expect(decision.text).toContain("hawl i gwyno");
    expect(row.emails.some((e) => e.kind === "adjustment_head_notice")).toBe(false);
  });

  it("one-off adjustments have no review date; phone decisions wait until staff record the call", async () => {
    const { reference } = await submitAdjustmentRequest(deps, input({ duration: "one_off", replyBy: "phone" }));
    await decideRequest(deps, staff.officer, reference, { outcome: "agree_all", reviewOn: "2027-01-01" }, "en");
    const row = await request(reference);
    expect(row.reviewDueAt).toBeNull();
    expect(row.decisionToldAt).toBeNull();
    expect(row.emails.some((e) => e.kind === "adjustment_decision")).toBe(false);
    const flag = await db.prisma.partyFlag.findUniqueOrThrow({ where: { id: row.flagId! } });
    expect(flag.reviewAt).toBeNull();
    expect(flag.summary).toContain("One-off: no review date.");
    await markTold(deps, staff.officer, reference);
    expect((await request(reference)).decisionToldAt).not.toBeNull();
    await expect(markTold(deps, staff.officer, reference)).rejects.toBeInstanceOf(AdjustmentError);
    await recordCheck(deps, staff.officer, reference, { worked: true, note: "Fine" });
    expect((await request(reference)).checkWorked).toBe(true);
    await expect(recordCheck(deps, staff.adviser, reference, { worked: true, note: null })).rejects.toMatchObject({ status: 403 });
  });

  it("an appeal opens a case conference that only the Head of Customer Contact decides; a changed decision can then be made", async () => {
    const who = email();
    const { reference } = await submitAdjustmentRequest(deps, input({ email: who }));
    await decideRequest(deps, staff.officer, reference, { outcome: "agree_all" }, "en");
    expect(await activeFlagsForEmail(db.prisma, who)).toHaveLength(1);
    await openAppeal(deps, staff.officer, reference, { appeal: "I need Braille too" });
    await expect(openAppeal(deps, staff.officer, reference, { appeal: "again" })).rejects.toMatchObject({ code: "cannot_appeal" });
    await updateConference(deps, staff.officer, reference, { heldOn: "2026-12-02", attendees: "Pat, Olu, Hana" });
    await expect(updateConference(deps, staff.officer, reference, { heldOn: "2026-12-02", attendees: "x", outcome: "changed", decision: "d" })).rejects.toMatchObject({ status: 403 });
    await expect(updateConference(deps, staff.manager, reference, { heldOn: "2026-12-02", attendees: "x", outcome: "changed", decision: "d" })).rejects.toMatchObject({ status: 403 });
    clock = new Date("2026-12-02T15:00:00Z");
    await updateConference(deps, staff.head, reference, { heldOn: "2026-12-02", attendees: "Pat, Olu, Hana", outcome: "changed", decision: "Offer phone calls only." });
    const conference = (await request(reference)).conferences[0]!;
    expect(conference).toMatchObject({ heldOn: "2026-12-02", attendees: "Pat, Olu, Hana", outcome: "changed", decidedById: staff.head.id });
    clock = new Date("2026-12-02T16:00:00Z");
    const again = await decideRequest(deps, staff.officer, reference, { outcome: "decline", reasons: "r", alternatives: "a" }, "en");
    expect(again.ok).toBe(true);
    // Declined now: the flag the first decision set is cleared.
    expect(await activeFlagsForEmail(db.prisma, who)).toEqual([]);
    const kinds = (await request(reference)).events.sort((a, b) => a.at.getTime() - b.at.getTime()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["appeal_opened", "conference_updated", "conference_decided"]));
    const outbox = await db.prisma.outboxEvent.findMany({ where: { aggregateType: "adjustment_request", eventType: { in: ["adjustment_request.appeal_opened", "adjustment_request.conference_decided"] } } });
    expect(outbox.length).toBeGreaterThanOrEqual(2);
    clock = new Date("2026-11-27T09:00:00Z");
  });

  it("shows what they find hard only to managers, the Head of Customer Contact and the officer dealing with it, auditing every view and refusal", async () => {
    const { reference } = await submitAdjustmentRequest(deps, input({ difficulty: "I have dyslexia" }));
    const id = (await request(reference)).id;
    for (const who of [staff.officer, staff.adviser, staff.admin]) {
      await expect(readDifficulty(deps, who, reference)).rejects.toMatchObject({ status: 403 });
    }
    expect(await db.prisma.auditEvent.count({ where: { entityId: id, action: "adjustment.difficulty.refused" } })).toBe(3);
    expect((await readDifficulty(deps, staff.manager, reference)).text).toBe("I have dyslexia");
    expect((await readDifficulty(deps, staff.head, reference)).text).toBe("I have dyslexia");
    await expect(takeRequest(deps, staff.adviser, reference)).rejects.toMatchObject({ status: 403 });
    await takeRequest(deps, staff.officer, reference);
    expect((await readDifficulty(deps, staff.officer, reference)).text).toBe("I have dyslexia");
    await expect(readDifficulty(deps, staff.other, reference)).rejects.toMatchObject({ status: 403 });
    // Another officer cannot take it over; a manager can, and then the first officer no longer sees it.
    await expect(takeRequest(deps, staff.other, reference)).rejects.toMatchObject({ status: 403 });
    await takeRequest(deps, staff.manager, reference);
    await expect(readDifficulty(deps, staff.officer, reference)).rejects.toMatchObject({ status: 403 });
    const views = await db.prisma.auditEvent.findMany({ where: { entityId: id, action: "adjustment.difficulty.view" } });
    expect(views.map((v) => v.actorId).sort()).toEqual([staff.manager.id, staff.head.id, staff.officer.id].sort());
    for (const v of views) expect(JSON.stringify(v.data)).not.toContain("dyslexia");
  });

  it("deletes what they find hard when they withdraw consent through their link", async () => {
    const { reference } = await submitAdjustmentRequest(deps, input({ difficulty: "Anxiety on the phone" }));
    const token = tokens.at(-1)!;
    expect(await consentLinkReference(db.prisma, token)).toBe(reference);
    expect(await consentLinkReference(db.prisma, "x".repeat(43))).toBeNull();
    expect(await withdrawConsent(deps, { token })).toEqual({ reference });
    const row = await request(reference);
    expect(row.difficulty).toBeNull();
    expect(row.consentWithdrawnAt).not.toBeNull();
    expect(await consentLinkReference(db.prisma, token)).toBeNull();
    expect(await withdrawConsent(deps, { token })).toBeNull();
    expect(await db.prisma.outboxEvent.count({ where: { aggregateId: row.id, eventType: "adjustment_request.consent_withdrawn" } })).toBe(1);
    // Without consent, the text is never kept at all.
    const noConsent = await submitAdjustmentRequest(deps, input({ difficulty: "Kept?", consent: false }));
    expect((await request(noConsent.reference)).difficulty).toBeNull();
  });

  it("removal on request deletes the details, clears the flag and keeps only a dated note", async () => {
    const who = email();
    const { reference } = await submitAdjustmentRequest(deps, input({ email: who, otherNeed: "Secret detail", difficulty: "Very private" }));
    await decideRequest(deps, staff.officer, reference, { outcome: "agree_all" }, "en");
    await openAppeal(deps, staff.officer, reference, { appeal: "Private appeal" });
    const before = await request(reference);
    expect(await activeFlagsForEmail(db.prisma, who)).toHaveLength(1);
    await expect(removeRequest(deps, staff.adviser, reference, { requestedOn: "2026-11-27" })).rejects.toMatchObject({ status: 403 });
    await expect(removeRequest(deps, staff.officer, reference, { requestedOn: "2026-12-31" })).rejects.toMatchObject({ status: 400 });
    await removeRequest(deps, staff.officer, reference, { requestedOn: "2026-11-27" });

    const row = await request(reference);
    expect(row).toMatchObject({
      status: "removed",
      name: null,
      email: null,
      phone: null,
      otherNeed: null,
      difficulty: null,
      duration: null,
      caseId: null,
      agreedNeeds: null,
      reviewDueAt: null,
      removalRequestedOn: "2026-11-27",
    });
    expect(row.needs).toEqual([]);
    expect(row.removedAt?.toISOString()).toBe(clock.toISOString());
    expect(row.events.map((e) => e.kind)).toEqual(["removed"]);
    expect(row.conferences).toEqual([]);
    expect(row.emails).toEqual([]);
    expect(await db.prisma.emailMessage.count({ where: { id: { in: before.emails.map((e) => e.emailMessageId) } } })).toBe(0);
    expect(await activeFlagsForEmail(db.prisma, who)).toEqual([]);
    const flag = await db.prisma.partyFlag.findUniqueOrThrow({ where: { id: before.flagId! } });
    expect(flag.clearedAt).not.toBeNull();
    expect(flag.summary).toBe("Adjustment details removed at the customer’s request on 27 November 2026.");
    expect(row.flagSummaryCy).toBe("Manylion yr addasiad wedi’u dileu ar gais y cwsmer ar 27 Tachwedd 2026.");
    const outbox = await db.prisma.outboxEvent.findMany({ where: { aggregateId: row.id }, orderBy: { sequence: "asc" } });
    expect(outbox.at(-1)!.eventType).toBe("adjustment_request.removed");
    const all = JSON.stringify(outbox.map((o) => o.payload));
    for (const secret of ["Secret detail", "Very private", "Private appeal", who, "Pat Example"]) expect(all).not.toContain(secret);
    expect(await db.prisma.auditEvent.count({ where: { entityId: row.id, action: "adjustment.removed" } })).toBe(1);
    await expect(decideRequest(deps, staff.officer, reference, { outcome: "agree_all" }, "en")).rejects.toMatchObject({ code: "removed" });
  });
});
