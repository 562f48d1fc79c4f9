// Who may do what, in one place. Every staff loader, action and socket handler asks for a
// named capability here instead of listing roles itself, so a change of policy is one edit
// and one table test (test/integration/permissions-http.test.ts walks every intent × role).
//
// Two rules the table alone cannot say, because they depend on the record:
// - officers act on cases allocated to them; managers (and the Head of Customer Contact)
//   act on any case (`case.any`);
// - the sensitive "what you find hard" text of an adjustment request is for the Head of
//   Customer Contact, managers, and the officer dealing with that request.
// Both are the functions at the end of this file. Admins administer (tokens, audit,
// retention, subject access); they do not work cases, chats or adjustments.
// Pure: no database, no framework. server/ and app/ both import it.

import type { AdviserClientEvents } from "../../shared/chat/events.js";

export const STAFF_ROLES = ["adviser", "case_officer", "manager", "head_of_customer_contact", "admin"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

const OFFICERS = ["case_officer", "manager", "head_of_customer_contact"] as const;
const MANAGERS = ["manager", "head_of_customer_contact"] as const;

/** Capability → the roles that hold it. Adding a capability means adding a line here. */
export const CAPABILITIES = {
  // Signed-in staff home: queue counts only, no personal data.
  "staff.home": STAFF_ROLES,
  // Cases. Advisers read (a customer in a chat asks about their case); they do not work them.
  "case.read": ["adviser", ...OFFICERS],
  "case.create": OFFICERS,
  "case.take": OFFICERS,
  "case.assign": MANAGERS,
  "case.any": MANAGERS,
  "case.progress": OFFICERS,
  "case.contact": OFFICERS,
  // Writing to the customer (emails and letters from templates): the case must be theirs.
  "case.write": OFFICERS,
  "case.note": OFFICERS,
  "case.link": OFFICERS,
  "case.callback": OFFICERS,
  "case.close": OFFICERS,
  "case.reopen": OFFICERS,
  "case.retype": OFFICERS,
  "case.complaint": OFFICERS,
  "case.complaint.late": MANAGERS,
  "case.export": OFFICERS,
  "case.attachment.read": OFFICERS,
  "party.flag.restricted": MANAGERS,
  "party.flag.nfc": MANAGERS,
  // Mail and letters that arrive: reading and attaching them to cases (triage).
  "mail.triage": OFFICERS,
  // Adjustments. Advisers see who needs one (the flag shows in the chat console too).
  "adjustment.read": ["adviser", ...OFFICERS],
  "adjustment.decide": OFFICERS,
  "adjustment.any": MANAGERS,
  "adjustment.sensitive.read": MANAGERS,
  "adjustment.head": ["head_of_customer_contact"],
  "adjustment.conference": ["head_of_customer_contact"],
  // Chat.
  "chat.answer": ["adviser", ...MANAGERS],
  "chat.supervise": MANAGERS,
  // Nuisance reports and the repeat-offender register.
  "nuisance.read": OFFICERS,
  // Reports and delivery that hold no one's words: figures and failed deliveries.
  "reports.read": [...MANAGERS, "admin"],
  "outbox.manage": [...MANAGERS, "admin"],
  // Background jobs: queue state and failures (error names and messages, never job data).
  "jobs.read": [...MANAGERS, "admin"],
  // Administration.
  "staff.manage": ["admin"],
  "api.tokens": ["admin"],
  "audit.read": ["admin"],
  "retention.manage": ["admin"],
  "subject_access.export": ["admin", "head_of_customer_contact"],
} as const satisfies Record<string, readonly StaffRoleName[]>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export type StaffLike = { id: string; roles: readonly string[] };

/** Thrown by assertCan; routes turn it into a 403 page, sockets into a "forbidden" error. */
export class ForbiddenError extends Error {
  constructor(readonly capability: Capability | string) {
    super(`forbidden: ${capability}`);
    this.name = "ForbiddenError";
  }
}

export function can(staff: Pick<StaffLike, "roles"> | null | undefined, capability: Capability): boolean {
  if (!staff) return false;
  const allowed = CAPABILITIES[capability] as readonly string[] | undefined;
  if (!allowed) return false;
  return staff.roles.some((role) => allowed.includes(role));
}

export function assertCan(staff: Pick<StaffLike, "roles"> | null | undefined, capability: Capability): void {
  if (!can(staff, capability)) throw new ForbiddenError(capability);
}

/** Every capability a member of staff holds (shown in the navigation, checked in tests). */
export function capabilitiesOf(staff: Pick<StaffLike, "roles">): Capability[] {
  return CAPABILITY_NAMES.filter((c) => can(staff, c));
}

/** Managers and the Head of Customer Contact work any case; officers only those allocated to them. */
export function canActOnCase(staff: StaffLike, capability: Capability, record: { assignedToId: string | null }): boolean {
  if (!can(staff, capability)) return false;
  if (can(staff, "case.any")) return true;
  return record.assignedToId !== null && record.assignedToId === staff.id;
}

/** Taking a case: an unallocated one (or one's own); someone else's is a manager's allocation. */
export function canTakeCase(staff: StaffLike, record: { assignedToId: string | null }): boolean {
  if (!can(staff, "case.take")) return false;
  return record.assignedToId === null || record.assignedToId === staff.id || can(staff, "case.any");
}

/** The sensitive "what you find hard" text: head, managers, and the officer dealing with the request. */
export function canReadSensitive(staff: StaffLike, request: { assignedToId: string | null }): boolean {
  if (can(staff, "adjustment.sensitive.read")) return true;
  return request.assignedToId !== null && request.assignedToId === staff.id && can(staff, "adjustment.decide");
}

/**
 * The capability each staff chat socket event needs (the adviser namespace). Typed against
 * shared/chat/events.ts, so a new event does not compile until it is given one. The chat
 * server's handlers are to call assertCan(staff, ADVISER_SOCKET_EVENTS[event]).
 */
export const ADVISER_SOCKET_EVENTS = {
  "adviser:availability": "chat.answer",
  "adviser:sync": "chat.answer",
  "message:send": "chat.answer",
  "note:add": "chat.answer",
  "typing:update": "chat.answer",
  "receipt:update": "chat.answer",
  "chat:end": "chat.answer",
  "chat:transfer": "chat.answer",
  "behaviour:record": "chat.answer",
  // Turning a chat into a case is part of answering it (the adviser's job in the design).
  "case:create": "chat.answer",
  "monitor:snapshot": "chat.supervise",
  "monitor:watch": "chat.supervise",
  "supervisor:reassign": "chat.supervise",
  "supervisor:take-over": "chat.supervise",
} as const satisfies Record<keyof AdviserClientEvents, Capability>;
