import { describe, expect, it } from "vitest";
import { ADVISER_SOCKET_EVENTS, can, canActOnCase, canReadSensitive, canTakeCase, capabilitiesOf, CAPABILITIES, STAFF_ROLES } from "./permissions";

const as = (...roles: string[]) => ({ id: "me", roles });

describe("permissions", () => {
  it("admins administer and do not work cases, chats, adjustments or nuisance reports", () => {
    const admin = as("admin");
    for (const c of ["case.close", "case.reopen", "case.retype", "case.note", "case.assign", "case.any", "party.flag.nfc", "party.flag.restricted", "chat.answer", "adjustment.read", "adjustment.sensitive.read", "nuisance.read"] as const) {
      expect(can(admin, c), c).toBe(false);
    }
    for (const c of ["api.tokens", "staff.manage", "audit.read", "retention.manage", "subject_access.export"] as const) expect(can(admin, c), c).toBe(true);
  });

  it("the chat-only adviser answers chats and reads, but does not work cases", () => {
    const adviser = as("adviser");
    expect(can(adviser, "chat.answer")).toBe(true);
    expect(can(adviser, "chat.supervise")).toBe(false);
    for (const c of ["case.close", "case.reopen", "case.retype", "case.note", "case.take", "adjustment.decide"] as const) expect(can(adviser, c), c).toBe(false);
  });

  it("officers act on cases allocated to them; managers and the Head on any", () => {
    const officer = as("case_officer");
    expect(canActOnCase(officer, "case.close", { assignedToId: "me" })).toBe(true);
    expect(canActOnCase(officer, "case.close", { assignedToId: null })).toBe(false);
    expect(canActOnCase(officer, "case.close", { assignedToId: "someone" })).toBe(false);
    expect(canTakeCase(officer, { assignedToId: null })).toBe(true);
    expect(canTakeCase(officer, { assignedToId: "someone" })).toBe(false);
    for (const boss of [as("manager"), as("head_of_customer_contact")]) {
      expect(canActOnCase(boss, "case.close", { assignedToId: "someone" })).toBe(true);
      expect(canTakeCase(boss, { assignedToId: "someone" })).toBe(true);
    }
    expect(canActOnCase(as("admin"), "case.close", { assignedToId: "me" })).toBe(false);
  });

  it("the sensitive adjustment text is for the Head, managers and the officer dealing with it", () => {
    expect(canReadSensitive(as("head_of_customer_contact"), { assignedToId: null })).toBe(true);
    expect(canReadSensitive(as("manager"), { assignedToId: null })).toBe(true);
    expect(canReadSensitive(as("case_officer"), { assignedToId: "me" })).toBe(true);
    expect(canReadSensitive(as("case_officer"), { assignedToId: "someone" })).toBe(false);
    expect(canReadSensitive(as("admin"), { assignedToId: "me" })).toBe(false);
    expect(canReadSensitive(as("adviser"), { assignedToId: "me" })).toBe(false);
  });

  it("names only known roles, and an unknown role or no one holds nothing", () => {
    for (const roles of Object.values(CAPABILITIES)) for (const r of roles) expect(STAFF_ROLES).toContain(r);
    expect(capabilitiesOf(as("intruder"))).toEqual([]);
    expect(can(null, "staff.home")).toBe(false);
  });

  it("every staff chat socket event × every role (expected table written out here)", () => {
    const answer = ["adviser", "manager", "head_of_customer_contact"];
    const supervise = ["manager", "head_of_customer_contact"];
    const expected: Record<string, string[]> = {
      "adviser:availability": answer, "adviser:sync": answer, "message:send": answer, "note:add": answer, "typing:update": answer,
      "receipt:update": answer, "chat:end": answer, "chat:transfer": answer, "behaviour:record": answer, "case:create": answer,
      "monitor:snapshot": supervise, "monitor:watch": supervise, "supervisor:reassign": supervise, "supervisor:take-over": supervise,
    };
    expect(Object.keys(ADVISER_SOCKET_EVENTS).sort()).toEqual(Object.keys(expected).sort());
    for (const [event, capability] of Object.entries(ADVISER_SOCKET_EVENTS)) {
      for (const role of STAFF_ROLES) expect(can(as(role), capability), `${event} as ${role}`).toBe(expected[event]!.includes(role));
    }
  });
});
