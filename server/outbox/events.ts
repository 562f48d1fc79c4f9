// The versioned JSON event the back-office system receives, and its published JSON Schema.
import { z } from "zod";

export const EVENT_ENVELOPE_VERSION = 1;

export const EventEnvelopeSchema = z
  .object({
    id: z.uuid().describe("Stable id: the same on every retry, so receivers can deduplicate on it."),
    type: z.string().describe("What happened, e.g. case.created, case.closed, adjustment.decided."),
    version: z.int().min(1).describe("Version of the data's schema for this event type."),
    envelopeVersion: z.literal(EVENT_ENVELOPE_VERSION),
    occurredAt: z.iso.datetime().describe("When the change was committed."),
    sequence: z.string().regex(/^\d+$/).describe("Global order of events; within one aggregate, events are delivered in this order."),
    aggregate: z.object({ type: z.string().describe("case, party, adjustment, nuisance_report, …"), id: z.string() }),
    data: z.record(z.string(), z.unknown()).describe("The event's data (see the resource schemas)."),
  })
  .meta({ title: "Doorstep event", id: "event" });
export type EventEnvelope = z.output<typeof EventEnvelopeSchema>;

export type OutboxRow = {
  id: string;
  sequence: bigint | number | string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  schemaVersion: number;
  payload: unknown;
  createdAt: Date;
};

export function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.eventType,
    version: row.schemaVersion,
    envelopeVersion: EVENT_ENVELOPE_VERSION,
    occurredAt: new Date(row.createdAt).toISOString(),
    sequence: String(row.sequence),
    aggregate: { type: row.aggregateType, id: row.aggregateId },
    data: (row.payload ?? {}) as Record<string, unknown>,
  };
}
