// Every event Doorstep puts in the outbox: its type, the kind of record (aggregate) it is about,
// the version of its data's schema, and a zod schema its data must pass. emit() (./emit.ts) is the
// one way to write an outbox row, so a new event type is added here first and an unknown one does
// not type-check. Data schemas are loose (extra fields pass) but name what receivers rely on.
import { z } from "zod";

const caseData = z.looseObject({ reference: z.string().min(1) });
const adjustmentData = z.looseObject({ reference: z.string().min(1) });
const attachmentData = z.looseObject({ id: z.uuid() });
const draftData = z.looseObject({ id: z.uuid() });
const partyFlagData = z.looseObject({ kind: z.enum(["no_further_contact", "restricted_contact"]) });

type Definition = { aggregate: string; version: number; data: z.ZodType<Record<string, unknown>> };

const CASE_KINDS = [
  "created",
  "allocated",
  "under_way",
  "answered",
  "note",
  "contact",
  "type_changed",
  "linked",
  "closed",
  "reopened",
  "no_further_contact",
  "restricted_contact_set",
  "restricted_contact_lifted",
  "callback_requested",
  "callback_done",
  "complaint_recorded",
] as const;
const ADJUSTMENT_KINDS = [
  "created",
  "assigned",
  "decided",
  "decision_sent",
  "checked",
  "reviewed",
  "head_seen",
  "consent_withdrawn",
  "appeal_opened",
  "conference_decided",
  "conference_updated",
  "removed",
  // The person sent a message from the tracking page (issue 14).
  "customer_message",
] as const;

const family = <K extends string, A extends string>(aggregate: A, kinds: readonly K[], data: Definition["data"], version = 1) =>
  Object.fromEntries(kinds.map((k) => [`${aggregate}.${k}`, { aggregate, version, data }])) as Record<`${A}.${K}`, { aggregate: A; version: number; data: Definition["data"] }>;

export const EVENT_CATALOGUE = {
  ...family("case", CASE_KINDS, caseData),
  // Retention deleted the case: the back office deletes its copy (reference only).
  "case.deleted": { aggregate: "case", version: 1, data: z.strictObject({ reference: z.string().min(1), reason: z.literal("retention") }) },
  "party.flag_set": { aggregate: "party", version: 1, data: partyFlagData },
  "party.flag_cleared": { aggregate: "party", version: 1, data: partyFlagData },
  ...family("adjustment_request", ADJUSTMENT_KINDS, adjustmentData),
  // Written by one SQL statement in server/domain/nuisance/store.ts, which adds the reference itself.
  "nuisance_report.created": { aggregate: "nuisance_report", version: 1, data: z.looseObject({ reference: z.string().optional() }) },
  "concern_attachment.uploaded": { aggregate: "concern_attachment", version: 1, data: attachmentData },
  "concern_attachment.attached": { aggregate: "concern_attachment", version: 1, data: attachmentData },
  "concern_attachment.deleted": { aggregate: "concern_attachment", version: 1, data: attachmentData },
  "concern_draft.saved": { aggregate: "concern_draft", version: 1, data: draftData },
  "concern_draft.resumed": { aggregate: "concern_draft", version: 1, data: draftData },
  "concern_draft.deleted": { aggregate: "concern_draft", version: 1, data: draftData },
} satisfies Record<string, Definition>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type CaseEventKind = (typeof CASE_KINDS)[number];
export type AdjustmentEventKind = (typeof ADJUSTMENT_KINDS)[number];
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** Aggregate type, event type and schema version of one event, for SQL that writes the row itself. */
export function eventShape(type: EventType) {
  const def = EVENT_CATALOGUE[type];
  return { aggregateType: def.aggregate, eventType: type, schemaVersion: def.version };
}
