// The chat's socket.io event names, payload and acknowledgement types, and limits: imported
// by the server, the widget and the adviser console. No runtime dependencies, so the widget
// bundle stays small; the zod schemas that enforce these are in contracts.ts.

/** Namespaces: members of the public, and staff (authenticated by their session cookie). */
export const CUSTOMER_NAMESPACE = "/chat";
export const ADVISER_NAMESPACE = "/chat-advisers";

export const MAX_MESSAGE_CHARS = 2000;
export const TOPICS = ["data_protection", "foi", "nuisance", "complaint", "other"] as const;
export type Topic = (typeof TOPICS)[number];

/** Every error a client can get back, as a stable code (clients translate it). */
export const ERROR_CODES = [
  "invalid_payload",
  "too_long",
  "rate_limited",
  "forbidden",
  "not_found",
  "invalid_token",
  "ended",
  "closed",
  "queue_full",
  "not_assigned",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T> = { data: T } | { error: { code: ErrorCode } };
export type AckFn<T> = (response: Ack<T>) => void;


export type StartChat = {
  lang: "en" | "cy";
  topic: Topic;
  name?: string;
  email?: string;
  transcriptConsent: boolean;
  /**
   * A random id the widget keeps in the browser's storage: a browser that already has a waiting
   * or open chat (another tab) gets that one back instead of a second place in the queue.
   */
  browserId?: string;
};
export type LeaveMessage = { lang: "en" | "cy"; topic: Topic; name: string; email: string; text: string; idempotencyKey: string };

export type ChatStatus = "queued" | "active" | "ended" | "left_message";
export type Author = "customer" | "adviser" | "system";

/** A message as clients see it. `text` is plain text: never rendered as HTML. */
export type ChatMessageView = {
  id: string;
  clientId: string;
  seq: number;
  author: Author;
  /** Internal notes exist only in the adviser namespace. */
  kind: "text" | "note" | "event";
  text: string;
  authorName: string | null;
  sentAt: string;
};

export type CustomerConversationView = {
  conversationId: string;
  token: string;
  status: ChatStatus;
  lang: "en" | "cy";
  adviserName: string | null;
  position: number | null;
  estimatedWaitSeconds: number | null;
  adviserReadSeq: number;
  lastSeq: number;
  rated: boolean;
  welshFallbackOffered: boolean;
  messages: ChatMessageView[];
};

export type FlagView = { kind: "reasonable_adjustment" | "restricted_contact" | "no_further_contact"; summary: string };

export type AdviserChatView = {
  conversationId: string;
  status: ChatStatus;
  lang: "en" | "cy";
  topic: Topic;
  customerName: string | null;
  customerEmail: string | null;
  queuedAt: string;
  assignedAt: string | null;
  firstAnsweredAt: string | null;
  customerReadSeq: number;
  flags: FlagView[];
  messages: ChatMessageView[];
  caseReference: string | null;
};

export type QueueState = { position: number; estimatedWaitSeconds: number };
export type StatusView = { open: boolean; queueLength: number; estimatedWaitSeconds: number; acceptingChats: boolean };

/** The acknowledgement data of an event with an acknowledgement (never for events without one). */
export type AckData<F> = F extends (payload: never, ack: AckFn<infer T>) => void ? T : never;
/** The payload an event's client sends. */
export type PayloadOf<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;

/** Customer namespace: events the client emits, each with its acknowledgement. */
export interface CustomerClientEvents {
  "chat:status": (payload: { lang: "en" | "cy" } | undefined, ack: AckFn<StatusView>) => void;
  "chat:start": (payload: StartChat, ack: AckFn<CustomerConversationView>) => void;
  "chat:resume": (payload: { token: string; lastSeq: number }, ack: AckFn<CustomerConversationView>) => void;
  "message:send": (payload: { conversationId: string; clientId: string; text: string }, ack: AckFn<ChatMessageView>) => void;
  "typing:update": (payload: { conversationId: string; typing: boolean }) => void;
  "receipt:update": (payload: { conversationId: string; upToSeq: number; state: "delivered" | "read" }) => void;
  "chat:end": (payload: { conversationId: string }, ack: AckFn<{ ended: true }>) => void;
  "chat:rate": (payload: { conversationId: string; rating: number; comment?: string }, ack: AckFn<{ rated: true }>) => void;
  "chat:accept-fallback": (payload: { conversationId: string }, ack: AckFn<QueueState>) => void;
  "transcript:email": (payload: { conversationId: string; email: string }, ack: AckFn<{ queued: true }>) => void;
  "chat:leave-message": (payload: LeaveMessage, ack: AckFn<{ reference: string }>) => void;
}

/** Customer namespace: events the server emits. */
export interface CustomerServerEvents {
  "message:new": (payload: { conversationId: string; message: ChatMessageView }) => void;
  "queue:update": (payload: { conversationId: string } & QueueState) => void;
  "chat:assigned": (payload: { conversationId: string; adviserName: string }) => void;
  "chat:requeued": (payload: { conversationId: string } & QueueState) => void;
  "chat:ended": (payload: { conversationId: string; by: "customer" | "adviser" | "system" }) => void;
  "chat:fallback-offer": (payload: { conversationId: string }) => void;
  "typing:update": (payload: { conversationId: string; typing: boolean }) => void;
  "receipt:update": (payload: { conversationId: string; upToSeq: number; state: "delivered" | "read" }) => void;
}

export type AdviserSummary = { id: string; name: string; speaksWelsh: boolean; available: boolean; connected: boolean; load: number; maxChats: number };
export type MonitorView = {
  queueLength: number;
  longestWaitSeconds: number;
  queue: { conversationId: string; lang: "en" | "cy"; waitingSeconds: number }[];
  advisers: AdviserSummary[];
  active: { conversationId: string; adviserId: string | null; adviserName: string | null; lang: "en" | "cy"; startedAt: string }[];
};

/** Adviser namespace: events the console emits. */
export interface AdviserClientEvents {
  "adviser:availability": (payload: { available: boolean }, ack: AckFn<{ available: boolean; maxChats: number }>) => void;
  "adviser:sync": (payload: { lastSeqs: Record<string, number> }, ack: AckFn<{ chats: AdviserChatView[]; available: boolean; maxChats: number }>) => void;
  "message:send": (payload: { conversationId: string; clientId: string; text: string }, ack: AckFn<ChatMessageView>) => void;
  "note:add": (payload: { conversationId: string; clientId: string; text: string }, ack: AckFn<ChatMessageView>) => void;
  "typing:update": (payload: { conversationId: string; typing: boolean }) => void;
  "receipt:update": (payload: { conversationId: string; upToSeq: number; state: "delivered" | "read" }) => void;
  "chat:end": (payload: { conversationId: string }, ack: AckFn<{ ended: true }>) => void;
  "chat:transfer": (payload: { conversationId: string; to: { adviserId: string } | { queue: "cy" | "any" } }, ack: AckFn<{ transferred: true }>) => void;
  "behaviour:record": (
    payload: { conversationId: string; description: string; requestRestriction: boolean; endChat?: boolean },
    ack: AckFn<{ reportId: string }>,
  ) => void;
  "case:create": (payload: { conversationId: string; type: string; summary: string }, ack: AckFn<{ reference: string }>) => void;
  "monitor:snapshot": (payload: undefined, ack: AckFn<MonitorView>) => void;
  "monitor:watch": (payload: { conversationId: string }, ack: AckFn<AdviserChatView>) => void;
  /** Supervisors (manager, head of customer contact): move an active chat to another available adviser with room. */
  "supervisor:reassign": (payload: { conversationId: string; adviserId: string }, ack: AckFn<{ reassigned: true }>) => void;
  /** Supervisors: take an active chat over themselves (not bound by capacity or availability). */
  "supervisor:take-over": (payload: { conversationId: string }, ack: AckFn<AdviserChatView>) => void;
}

/** Adviser namespace: events the server emits. */
export interface AdviserServerEvents {
  "chat:assigned": (payload: AdviserChatView) => void;
  "chat:unassigned": (payload: { conversationId: string; reason: "transferred" | "timeout" | "disconnected" | "ended" | "reassigned" }) => void;
  "message:new": (payload: { conversationId: string; message: ChatMessageView }) => void;
  "chat:ended": (payload: { conversationId: string; by: "customer" | "adviser" | "system" }) => void;
  "typing:update": (payload: { conversationId: string; typing: boolean }) => void;
  "receipt:update": (payload: { conversationId: string; upToSeq: number; state: "delivered" | "read" }) => void;
  "monitor:update": (payload: MonitorView) => void;
}
