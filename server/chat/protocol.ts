// How the chat speaks socket.io: every event a client sends is looked up in the contract's schema
// map, checked with its zod schema and answered { data } or { error: { code } }; every event the
// server sends is typed against the contract's server-event interfaces. socket.io's own generics
// cannot type two namespaces of one server differently without a cast, so the typing lives here.
import type { Logger } from "pino";
import type { Namespace, Socket } from "socket.io";
import type { z } from "zod";
import {
  MAX_MESSAGE_CHARS,
  type Ack,
  type AckData,
  type AdviserServerEvents,
  type CustomerServerEvents,
  type ErrorCode,
} from "../domain/chat/contracts.js";

export class ChatError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

export const customerRoom = (conversationId: string) => `c:${conversationId}`;
export const adviserRoom = (adviserId: string) => `a:${adviserId}`;
export const watchRoom = (conversationId: string) => `w:${conversationId}`;
export const MONITOR_ROOM = "monitor";

/**
 * Binds handlers for one socket. `on` is for events with an acknowledgement: the handler gets
 * the parsed payload and returns the acknowledgement's data (or throws a ChatError). `signal` is
 * for events without one (typing, receipts): bad payloads are dropped silently.
 */
export function eventBinder<Events, Schemas extends { [E in keyof Events]: z.ZodType }>(
  socket: Socket,
  schemas: Schemas,
  logger: Logger,
  /** Asked before every handler (after the payload is checked); throws a ChatError to refuse the event. */
  authorize?: (event: keyof Events & string) => Promise<void>,
) {
  const refuse = (event: string, code: ErrorCode, ack: (r: Ack<never>) => void) => {
    logger.info({ event, code }, "chat event refused");
    ack({ error: { code } });
  };
  return {
    on<E extends keyof Events & string>(event: E, fn: (payload: z.output<Schemas[E]>) => Promise<AckData<Events[E]>>) {
      const name: string = event;
      socket.on(name, async (raw: unknown, maybeAck?: unknown) => {
        const ackFn = typeof maybeAck === "function" ? maybeAck : typeof raw === "function" ? raw : undefined;
        const ack = (response: Ack<AckData<Events[E]>>) => {
          if (ackFn) ackFn(response);
        };
        const payload = typeof raw === "function" || raw === null ? undefined : raw;
        const text = typeof payload === "object" && payload !== null && "text" in payload ? payload.text : undefined;
        if (typeof text === "string" && text.length > MAX_MESSAGE_CHARS) return refuse(event, "too_long", ack);
        const parsed = schemas[event].safeParse(payload);
        if (!parsed.success) return refuse(event, "invalid_payload", ack);
        try {
          await authorize?.(event);
          ack({ data: await fn(parsed.data) });
        } catch (error) {
          if (error instanceof ChatError) return refuse(event, error.code, ack);
          logger.error({ err: error, event }, "chat event failed");
          ack({ error: { code: "internal" } });
        }
      });
    },
    signal<E extends keyof Events & string>(event: E, fn: (payload: z.output<Schemas[E]>) => Promise<void>) {
      const name: string = event;
      socket.on(name, (raw: unknown) => {
        const parsed = schemas[event].safeParse(raw);
        if (!parsed.success) return;
        (async () => {
          await authorize?.(event);
          await fn(parsed.data);
        })().catch((err: unknown) => {
          if (err instanceof ChatError) logger.info({ event, code: err.code }, "chat event refused");
          else logger.error({ err, event }, "chat event failed");
        });
      });
    },
  };
}

/** Typed broadcasts to rooms in either namespace (across instances when the cluster adapter is on). */
export class Outbound {
  constructor(
    readonly customers: Namespace,
    readonly advisers: Namespace,
  ) {}

  toCustomers<E extends keyof CustomerServerEvents & string>(rooms: string | string[], except: string | undefined, event: E, ...args: Parameters<CustomerServerEvents[E]>) {
    const target = this.customers.to(rooms);
    (except ? target.except(except) : target).emit(event, ...args);
  }

  toAdvisers<E extends keyof AdviserServerEvents & string>(rooms: string | string[], except: string | undefined, event: E, ...args: Parameters<AdviserServerEvents[E]>) {
    const target = this.advisers.to(rooms);
    (except ? target.except(except) : target).emit(event, ...args);
  }

  /** The adviser side of a conversation: its adviser's consoles and any supervisor watching it. */
  toAdviserSide<E extends keyof AdviserServerEvents & string>(conversationId: string, adviserId: string | null, except: string | undefined, event: E, ...args: Parameters<AdviserServerEvents[E]>) {
    const rooms = [watchRoom(conversationId)];
    if (adviserId) rooms.push(adviserRoom(adviserId));
    this.toAdvisers(rooms, except, event, ...args);
  }
}

/** Customers see an adviser's first name only. */
export function firstName(name: string) {
  return name.trim().split(/\s+/)[0] ?? "";
}
