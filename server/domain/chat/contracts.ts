// The chat's socket.io event contracts, typed once: the server validates every payload with
// these schemas; names, limits and types are in events.ts (shared with the widget and console).
import { z } from "zod";
import {
  MAX_MESSAGE_CHARS,
  TOPICS,
  type AdviserClientEvents,
  type CustomerClientEvents,
  type LeaveMessage,
  type PayloadOf,
  type StartChat,
} from "./events.js";

export * from "./events.js";

const id = z.uuid();
const clientId = z.string().regex(/^[\w-]{8,64}$/);

/**
 * A UTF-16 surrogate without its other half, or a NUL: no keyboard types either, and PostgreSQL
 * refuses both (in JSON and in text), which came back as "internal" (issue 12's hostile run).
 */
const UNSTORABLE_CHARACTER = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;
/** Free text a person typed: refused (invalid_payload) if it is not well-formed Unicode, rather than failing at the database. */
export const isWellFormedText = (value: string) => !UNSTORABLE_CHARACTER.test(value);
const typed = (max: number, min = 0) => z.string().trim().min(min).max(max).refine(isWellFormedText);
const text = typed(MAX_MESSAGE_CHARS, 1);
/** A message number: the database column is a 32-bit integer, so a larger one is refused here, not there. */
const seq = z.number().int().min(0).max(2_147_483_647);
const lang = z.enum(["en", "cy"]);

export const StartChatSchema = z.object({
  lang,
  topic: z.enum(TOPICS),
  name: typed(100).optional().transform((v) => v || undefined),
  email: z.union([z.literal(""), z.email().max(254)]).optional().transform((v) => v || undefined),
  transcriptConsent: z.boolean(),
  // As long as a random UUID at least: it lets whoever holds it into the browser's chat.
  browserId: z.string().regex(/^[\w-]{22,64}$/).optional(),
});
export const ResumeSchema = z.object({ token: z.string().min(10).max(400), lastSeq: seq });
export const SendMessageSchema = z.object({ conversationId: id, clientId, text });
export const ConversationRefSchema = z.object({ conversationId: id });
export const TypingSchema = z.object({ conversationId: id, typing: z.boolean() });
export const ReceiptSchema = z.object({ conversationId: id, upToSeq: seq, state: z.enum(["delivered", "read"]) });
export const RateSchema = z.object({ conversationId: id, rating: z.number().int().min(1).max(5), comment: typed(1000).optional() });
export const EmailTranscriptSchema = z.object({ conversationId: id, email: z.email().max(254) });
export const LeaveMessageSchema = z.object({
  lang,
  topic: z.enum(TOPICS),
  name: typed(100, 1),
  email: z.email().max(254),
  text,
  idempotencyKey: clientId,
});
export const StatusSchema = z.object({ lang }).optional();

export const AvailabilitySchema = z.object({ available: z.boolean() });
export const AdviserSyncSchema = z.object({ lastSeqs: z.record(z.string(), seq).default({}) });
export const NoteSchema = z.object({ conversationId: id, clientId, text });
export const TransferSchema = z.object({
  conversationId: id,
  to: z.union([z.object({ adviserId: id }), z.object({ queue: z.enum(["cy", "any"]) })]),
});
export const BehaviourSchema = z.object({
  conversationId: id,
  description: typed(MAX_MESSAGE_CHARS, 1),
  requestRestriction: z.boolean(),
  endChat: z.boolean().default(true),
});
export const CreateCaseSchema = z.object({
  conversationId: id,
  type: z.enum(["ENQ", "RFA", "FS50", "FER", "ELE", "RCC"]),
  summary: typed(5000, 1),
});
export const WatchSchema = z.object({ conversationId: id });
/** Events that carry nothing (a null or missing payload arrives as undefined). */
export const NoPayloadSchema = z.undefined();
export const ReassignSchema = z.object({ conversationId: id, adviserId: id });

/** Every event a customer's client may send, with the schema its payload is checked against. */
export const CUSTOMER_EVENT_SCHEMAS = {
  "chat:status": StatusSchema,
  "chat:start": StartChatSchema,
  "chat:resume": ResumeSchema,
  "message:send": SendMessageSchema,
  "typing:update": TypingSchema,
  "receipt:update": ReceiptSchema,
  "chat:end": ConversationRefSchema,
  "chat:rate": RateSchema,
  "chat:accept-fallback": ConversationRefSchema,
  "transcript:email": EmailTranscriptSchema,
  "chat:leave-message": LeaveMessageSchema,
} satisfies { [E in keyof CustomerClientEvents]: z.ZodType };

/** Every event an adviser's or supervisor's console may send, with its schema. */
export const ADVISER_EVENT_SCHEMAS = {
  "adviser:availability": AvailabilitySchema,
  "adviser:sync": AdviserSyncSchema,
  "message:send": SendMessageSchema,
  "note:add": NoteSchema,
  "typing:update": TypingSchema,
  "receipt:update": ReceiptSchema,
  "chat:end": ConversationRefSchema,
  "chat:transfer": TransferSchema,
  "behaviour:record": BehaviourSchema,
  "case:create": CreateCaseSchema,
  "monitor:snapshot": NoPayloadSchema,
  "monitor:watch": WatchSchema,
  "supervisor:reassign": ReassignSchema,
  "supervisor:take-over": ConversationRefSchema,
} satisfies { [E in keyof AdviserClientEvents]: z.ZodType };

export type CustomerEvent = keyof typeof CUSTOMER_EVENT_SCHEMAS;
export type AdviserEvent = keyof typeof ADVISER_EVENT_SCHEMAS;


// The schemas and the shared types must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractsAgree: [Same<z.input<typeof StartChatSchema>, StartChat>, Same<z.input<typeof LeaveMessageSchema>, LeaveMessage>] = [true, true];
// What a schema lets through is always a payload the shared type allows, for every event.
type Fits<A, B> = [A] extends [B] ? true : false;
type AllFit<Schemas extends Record<string, z.ZodType>, Events> = { [E in keyof Schemas & keyof Events]: Fits<z.output<Schemas[E]>, PayloadOf<Events[E]>> };
export const customerSchemasFit: AllFit<typeof CUSTOMER_EVENT_SCHEMAS, CustomerClientEvents> = {
  "chat:status": true,
  "chat:start": true,
  "chat:resume": true,
  "message:send": true,
  "typing:update": true,
  "receipt:update": true,
  "chat:end": true,
  "chat:rate": true,
  "chat:accept-fallback": true,
  "transcript:email": true,
  "chat:leave-message": true,
};
export const adviserSchemasFit: AllFit<typeof ADVISER_EVENT_SCHEMAS, AdviserClientEvents> = {
  "adviser:availability": true,
  "adviser:sync": true,
  "message:send": true,
  "note:add": true,
  "typing:update": true,
  "receipt:update": true,
  "chat:end": true,
  "chat:transfer": true,
  "behaviour:record": true,
  "case:create": true,
  "monitor:snapshot": true,
  "monitor:watch": true,
  "supervisor:reassign": true,
  "supervisor:take-over": true,
};
