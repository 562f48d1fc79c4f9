// The one way to put an event in the transactional outbox: inside the caller's transaction, so the
// event exists exactly when the change it describes does. The catalogue gives the aggregate type and
// schema version; the data is checked against the event's schema before it is written.
import type { Prisma } from "../../generated/prisma/client.js";
import { EVENT_CATALOGUE, type EventType } from "./catalogue.js";

/** Anything that can write an outbox row: a transaction client (or the client itself in a one-statement change). */
export type OutboxWriter = { outboxEvent: { create(args: { data: Prisma.OutboxEventUncheckedCreateInput }): Promise<unknown> } };

export type OutboxEventInput = {
  type: EventType;
  aggregateId: string;
  /** When the change was committed: the caller's clock, so events and records agree. */
  at: Date;
  data: Record<string, unknown>;
};

export async function emit(tx: OutboxWriter, event: OutboxEventInput): Promise<void> {
  const def = EVENT_CATALOGUE[event.type];
  if (!def) throw new Error(`Unknown outbox event type ${String(event.type)}`);
  const payload = def.data.parse(event.data);
  await tx.outboxEvent.create({
    data: { aggregateType: def.aggregate, aggregateId: event.aggregateId, eventType: event.type, schemaVersion: def.version, createdAt: event.at, payload: payload as object },
  });
}
