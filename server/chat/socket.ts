// The chat's two socket.io namespaces on the one HTTP server: customers (signed conversation
// tokens) and advisers (staff session cookie at the handshake). Every event is validated
// against the shared contracts and answered { data } or { error: { code } }.
import { randomUUID } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import { enquiryAcknowledgement } from "../../app/lib/contact.server.js";
import { serverT } from "../../app/lib/locales.server.js";
import { formatDateTime } from "../../app/lib/format.js";
import { audit } from "../audit.js";
import { createCase, type CaseType } from "../domain/cases/index.js";
import {
  ADVISER_NAMESPACE,
  AdviserSyncSchema,
  AvailabilitySchema,
  BehaviourSchema,
  ConversationRefSchema,
  CreateCaseSchema,
  CUSTOMER_NAMESPACE,
  EmailTranscriptSchema,
  LeaveMessageSchema,
  MAX_MESSAGE_CHARS,
  NoteSchema,
  RateSchema,
  ReceiptSchema,
  ResumeSchema,
  SendMessageSchema,
  StartChatSchema,
  StatusSchema,
  TransferSchema,
  TypingSchema,
  WatchSchema,
  type Ack,
  type ErrorCode,
} from "../domain/chat/contracts.js";
import { transcriptText } from "../domain/chat/transcript.js";
import type { Services } from "../services.js";
import { adviserRoom, ChatHub, customerRoom, firstName, MONITOR_ROOM, watchRoom, type AdviserNamespace, type CustomerNamespace } from "./hub.js";
import { appendMessage, messagesAfter, toMessageView } from "./store.js";
import { verifyConversationToken } from "./tokens.js";

class ChatError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

const ADVISER_ROLES = ["adviser", "manager", "head_of_customer_contact"];
const SUPERVISOR_ROLES = ["manager", "head_of_customer_contact"];
const TYPING_EVERY_MS = 1000;

export function attachChat(io: Server, services: Services): ChatHub {
  const { config, logger, prisma, now } = services;
  const hub = new ChatHub({ prisma, logger, config, now });
  const customers = io.of(CUSTOMER_NAMESPACE) as unknown as CustomerNamespace;
  const advisers = io.of(ADVISER_NAMESPACE) as unknown as AdviserNamespace;
  hub.customers = customers;
  hub.advisers = advisers;

  const perConnection = new RateLimiterMemory({ keyPrefix: "chat-socket", points: config.chat.eventsPerConnection, duration: 10 });
  const perIp = new RateLimiterMemory({ keyPrefix: "chat-ip", points: config.chat.eventsPerIp, duration: 10 });
  const connectionsPerIp = new RateLimiterMemory({ keyPrefix: "chat-connect", points: config.chat.connectionsPerIp, duration: 60 });
  const transcriptEmails = new RateLimiterMemory({ keyPrefix: "chat-transcript", points: 3, duration: 3600 });

  const clientIp = (socket: Socket) => {
    const forwarded = config.trustProxy ? String(socket.handshake.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
    return forwarded || socket.handshake.address || "unknown";
  };
  // The widget runs in an iframe from our origin and the console is ours: any other page's script is refused.
  const originAllowed = (socket: Socket) => {
    const origin = socket.handshake.headers.origin;
    return !origin || origin === config.publicUrl || origin === new URL(config.publicUrl).origin;
  };

  for (const ns of [customers, advisers] as unknown as import("socket.io").Namespace[]) {
    ns.use((socket, next) => {
      if (!originAllowed(socket)) return next(new Error("forbidden"));
      connectionsPerIp.consume(clientIp(socket)).then(
        () => next(),
        () => next(new Error("rate_limited")),
      );
    });
  }

  /** Every event: rate-limited per socket and per address, then validated, then handled. */
  function limit(socket: Socket) {
    socket.use((packet, next) => {
      const ack = packet[packet.length - 1];
      Promise.all([perConnection.consume(socket.id), perIp.consume(clientIp(socket))]).then(
        () => next(),
        () => {
          logger.warn({ event: String(packet[0]), code: "rate_limited" }, "chat event refused");
          if (typeof ack === "function") ack({ error: { code: "rate_limited" } });
        },
      );
    });
  }

  function on<S extends z.ZodType, R>(socket: Socket, event: string, schema: S, fn: (payload: z.output<S>) => Promise<R>) {
    socket.on(event, async (payload: unknown, maybeAck?: unknown) => {
      const ack = (typeof maybeAck === "function" ? maybeAck : typeof payload === "function" ? payload : () => undefined) as (r: Ack<R>) => void;
      if (typeof payload === "function" || payload === null) payload = undefined;
      const text = (payload as { text?: unknown } | null)?.text;
      if (typeof text === "string" && text.length > MAX_MESSAGE_CHARS) return refuse(event, "too_long", ack);
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return refuse(event, "invalid_payload", ack);
      try {
        ack({ data: await fn(parsed.data) });
      } catch (error) {
        if (error instanceof ChatError) return refuse(event, error.code, ack);
        logger.error({ err: error, event }, "chat event failed");
        ack({ error: { code: "internal" } });
      }
    });
  }
  function refuse(event: string, code: ErrorCode, ack: (r: Ack<never>) => void) {
    logger.info({ event, code }, "chat event refused");
    ack({ error: { code } });
  }

  // ---- customers ----

  customers.on("connection", (socket) => {
    socket.data = { ip: clientIp(socket), conversations: new Set(), lastTyping: 0 };
    limit(socket);
    const owned = async (conversationId: string) => {
      if (!socket.data.conversations.has(conversationId)) throw new ChatError("forbidden");
      const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
      if (!c) throw new ChatError("not_found");
      return c;
    };

    on(socket, "chat:status", StatusSchema, async () => hub.status());

    on(socket, "chat:start", StartChatSchema, async (input) => {
      const status = hub.status();
      if (!status.open) throw new ChatError("closed");
      if (!status.acceptingChats) throw new ChatError("queue_full");
      const at = now();
      // Join the conversation's room before the row exists: a dispatch running at the same moment
      // reads queued chats from the database and may assign this one at once, and its
      // "chat:assigned" must reach this socket.
      const id = randomUUID();
      socket.data.conversations.add(id);
      await socket.join(customerRoom(id));
      const created = await prisma.chatConversation.create({
        data: {
          id,
          status: "queued",
          language: input.lang,
          topic: input.topic,
          customerName: input.name ?? null,
          customerEmail: input.email ?? null,
          transcriptConsent: input.transcriptConsent,
          queuedAt: at,
        },
      });
      logger.info({ conversationId: id, event: "chat.started" }, "chat started");
      // Read again: if it was assigned meanwhile, the acknowledgement says so (the client ignores
      // an "assigned" event that overtook it, as it does not know the conversation yet).
      const conversation = (await prisma.chatConversation.findUnique({ where: { id } })) ?? created;
      if (conversation.status === "queued") hub.queueOnly(id, input.lang, at);
      const view = await hub.customerView(conversation, 0);
      // Dispatch only after the acknowledgement is on its way, so "assigned" never overtakes it.
      setImmediate(() => hub.schedule());
      return view;
    });

    on(socket, "chat:resume", ResumeSchema, async ({ token, lastSeq }) => {
      const id = verifyConversationToken(config.sessionSecret, token, now());
      if (!id) throw new ChatError("invalid_token");
      const conversation = await prisma.chatConversation.findUnique({ where: { id } });
      if (!conversation || conversation.status === "left_message") throw new ChatError("invalid_token");
      socket.data.conversations.add(id);
      await socket.join(customerRoom(id));
      return hub.customerView(conversation, lastSeq);
    });

    on(socket, "message:send", SendMessageSchema, async ({ conversationId, clientId, text }) => {
      if (!socket.data.conversations.has(conversationId)) throw new ChatError("forbidden");
      const c = await hub.conversationMeta(conversationId);
      if (!c) throw new ChatError("not_found");
      if (c.status === "ended" || c.status === "left_message") throw new ChatError("ended");
      const result = await appendMessage(prisma, { conversationId, clientId, author: "customer", kind: "text", text, at: now() });
      if (!result.ok) throw new ChatError(result.code);
      const message = toMessageView(result.message);
      if (!result.duplicate) {
        socket.to(customerRoom(conversationId)).emit("message:new", { conversationId, message });
        hub.adviserSide(conversationId, c.adviserId).emit("message:new", { conversationId, message });
      }
      return message;
    });

    socket.on("typing:update", async (payload: unknown) => {
      const parsed = TypingSchema.safeParse(payload);
      if (!parsed.success || !socket.data.conversations.has(parsed.data.conversationId)) return;
      const at = Date.now();
      if (parsed.data.typing && at - socket.data.lastTyping < TYPING_EVERY_MS) return;
      socket.data.lastTyping = at;
      const c = await hub.conversationMeta(parsed.data.conversationId);
      if (c?.adviserId) hub.adviserSide(parsed.data.conversationId, c.adviserId).emit("typing:update", parsed.data);
    });

    socket.on("receipt:update", async (payload: unknown) => {
      const parsed = ReceiptSchema.safeParse(payload);
      if (!parsed.success || !socket.data.conversations.has(parsed.data.conversationId)) return;
      const { conversationId, upToSeq, state } = parsed.data;
      if (state === "read") await prisma.chatConversation.updateMany({ where: { id: conversationId, customerReadSeq: { lt: upToSeq } }, data: { customerReadSeq: upToSeq } });
      const c = await hub.conversationMeta(conversationId);
      hub.adviserSide(conversationId, c?.adviserId ?? null).emit("receipt:update", parsed.data);
    });

    on(socket, "chat:end", ConversationRefSchema, async ({ conversationId }) => {
      const c = await owned(conversationId);
      await endChat(conversationId, c.adviserId, "customer");
      return { ended: true as const };
    });

    on(socket, "chat:rate", RateSchema, async ({ conversationId, rating, comment }) => {
      const c = await owned(conversationId);
      if (c.status !== "ended") throw new ChatError("invalid_payload");
      await prisma.chatConversation.updateMany({ where: { id: conversationId, rating: null }, data: { rating, ratingComment: comment || null } });
      return { rated: true as const };
    });

    on(socket, "chat:accept-fallback", ConversationRefSchema, async ({ conversationId }) => {
      const c = await owned(conversationId);
      if (c.status !== "queued") throw new ChatError("invalid_payload");
      await prisma.chatConversation.update({ where: { id: conversationId }, data: { welshFallbackConsent: true } });
      hub.schedule();
      return hub.queueState(conversationId, c.language);
    });

    on(socket, "transcript:email", EmailTranscriptSchema, async ({ conversationId, email }) => {
      const c = await owned(conversationId);
      await transcriptEmails.consume(conversationId).catch(() => {
        throw new ChatError("rate_limited");
      });
      const messages = (await messagesAfter(prisma, conversationId, 0, false)).map(toMessageView);
      const t = serverT(c.language, "widget");
      const text = transcriptText(messages, transcriptLabels(c.language));
      await prisma.emailMessage.create({ data: { to: email, subject: t("transcript.emailSubject"), text, language: c.language, kind: "chat_transcript" } });
      services.mailWorker.kick();
      return { queued: true as const };
    });

    on(socket, "chat:leave-message", LeaveMessageSchema, async (input) => {
      const topic = serverT(input.lang, "widget")(`topics.${input.topic}`);
      const at = now();
      const result = await createCase(
        { prisma, now },
        {
          type: "ENQ",
          channel: "chat",
          language: input.lang,
          summary: input.text,
          subject: input.name,
          details: { form: "chat-leave-message", version: 1, topic: input.topic, question: input.text },
          customer: { name: input.name, email: input.email, preferredLanguage: input.lang },
          idempotencyKey: `chat-leave:${input.idempotencyKey}`,
          emails: (created) => [enquiryAcknowledgement(input.lang, { reference: created.reference, name: input.name, email: input.email, question: input.text, answerBy: created.clocks.answerBy })],
          // The conversation is kept with the case, so the message reads like the chat it replaced.
          alsoInTransaction: async (tx, created) => {
            const conversation = await tx.chatConversation.create({
              data: {
                status: "left_message",
                language: input.lang,
                topic: input.topic,
                customerName: input.name,
                customerEmail: input.email,
                transcriptConsent: true,
                queuedAt: at,
                endedAt: at,
                endedBy: "customer",
                lastSeq: 1,
                caseId: created.id,
                caseReference: created.reference,
              },
            });
            await tx.chatMessage.create({ data: { conversationId: conversation.id, seq: 1, clientId: input.idempotencyKey, author: "customer", text: `${topic}\n\n${input.text}`, createdAt: at } });
          },
        },
      );
      if (result.created) services.mailWorker.kick();
      logger.info({ event: "chat.message_left", created: result.created }, "chat message left");
      return { reference: result.case.reference };
    });
  });

  async function endChat(conversationId: string, adviserId: string | null, by: "customer" | "adviser" | "system") {
    const { count } = await prisma.chatConversation.updateMany({
      where: { id: conversationId, status: { in: ["queued", "active"] } },
      data: { status: "ended", endedAt: now(), endedBy: by },
    });
    if (count === 0) throw new ChatError("ended");
    hub.setMeta(conversationId, { status: "ended" });
    customers.to(customerRoom(conversationId)).emit("chat:ended", { conversationId, by });
    hub.adviserSide(conversationId, adviserId).emit("chat:ended", { conversationId, by });
    logger.info({ conversationId, by, event: "chat.ended" }, "chat ended");
    hub.schedule();
  }

  // ---- advisers ----

  advisers.use(async (socket, next) => {
    try {
      const session = await services.sessions.getSession(socket.handshake.headers.cookie ?? null);
      const id = session.get("staffUserId");
      const user = id
        ? await prisma.staffUser.findUnique({ where: { id }, select: { id: true, name: true, roles: true, speaksWelsh: true, maxChats: true, active: true } })
        : null;
      if (!user || !user.active || !user.roles.some((r) => ADVISER_ROLES.includes(r))) return next(new Error("forbidden"));
      socket.data = { ip: clientIp(socket), staff: { id: user.id, name: user.name, roles: user.roles, speaksWelsh: user.speaksWelsh, maxChats: user.maxChats }, lastTyping: 0 };
      next();
    } catch (err) {
      logger.error({ err }, "chat adviser handshake failed");
      next(new Error("internal"));
    }
  });

  advisers.on("connection", (socket) => {
    const staff = socket.data.staff;
    limit(socket as unknown as Socket);
    void socket.join(adviserRoom(staff.id));
    hub.adviserConnected(staff, socket.id);
    socket.on("disconnect", () => {
      hub.adviserDisconnected(staff.id, socket.id);
      if (staff.roles.includes("adviser")) hub.schedule();
    });
    const s = socket as unknown as Socket;
    const mine = async (conversationId: string) => {
      const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
      if (!c) throw new ChatError("not_found");
      if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
      if (c.status !== "active") throw new ChatError("ended");
      return c;
    };
    const supervisor = () => {
      if (!staff.roles.some((r) => SUPERVISOR_ROLES.includes(r))) throw new ChatError("forbidden");
    };

    on(s, "adviser:availability", AvailabilitySchema, async ({ available }) => {
      hub.setAvailable(staff.id, available);
      hub.pushMonitor();
      return { available, maxChats: staff.maxChats };
    });

    on(s, "adviser:sync", AdviserSyncSchema, async ({ lastSeqs }) => {
      const chats = await prisma.chatConversation.findMany({ where: { adviserId: staff.id, status: "active" }, orderBy: { assignedAt: "asc" } });
      return {
        chats: await Promise.all(chats.map((c) => hub.adviserView(c, lastSeqs[c.id] ?? 0))),
        available: hub.presence.get(staff.id)?.available ?? false,
        maxChats: staff.maxChats,
      };
    });

    on(s, "message:send", SendMessageSchema, async ({ conversationId, clientId, text }) => {
      const c = await hub.conversationMeta(conversationId);
      if (!c) throw new ChatError("not_found");
      if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
      if (c.status !== "active") throw new ChatError("ended");
      const at = now();
      const result = await appendMessage(prisma, { conversationId, clientId, author: "adviser", kind: "text", adviserId: staff.id, authorName: firstName(staff.name), text, at });
      if (!result.ok) throw new ChatError(result.code);
      const message = toMessageView(result.message);
      if (!result.duplicate) {
        if (!c.answered) {
          c.answered = true;
          await prisma.chatConversation.updateMany({ where: { id: conversationId, firstAnsweredAt: null }, data: { firstAnsweredAt: at } });
        }
        customers.to(customerRoom(conversationId)).emit("message:new", { conversationId, message });
        hub.adviserSide(conversationId, staff.id).except(socket.id).emit("message:new", { conversationId, message });
      }
      return message;
    });

    on(s, "note:add", NoteSchema, async ({ conversationId, clientId, text }) => {
      await mine(conversationId);
      const result = await appendMessage(prisma, { conversationId, clientId, author: "adviser", kind: "note", adviserId: staff.id, authorName: staff.name, text, at: now() });
      if (!result.ok) throw new ChatError(result.code);
      const message = toMessageView(result.message);
      if (!result.duplicate) hub.adviserSide(conversationId, staff.id).except(socket.id).emit("message:new", { conversationId, message });
      return message;
    });

    socket.on("typing:update", async (payload: unknown) => {
      const parsed = TypingSchema.safeParse(payload);
      if (!parsed.success) return;
      const at = Date.now();
      if (parsed.data.typing && at - socket.data.lastTyping < TYPING_EVERY_MS) return;
      socket.data.lastTyping = at;
      const c = await hub.conversationMeta(parsed.data.conversationId);
      if (c?.adviserId === staff.id) customers.to(customerRoom(parsed.data.conversationId)).emit("typing:update", parsed.data);
    });

    socket.on("receipt:update", async (payload: unknown) => {
      const parsed = ReceiptSchema.safeParse(payload);
      if (!parsed.success) return;
      const { conversationId, upToSeq, state } = parsed.data;
      const c = await hub.conversationMeta(conversationId);
      if (c?.adviserId !== staff.id) return;
      if (state === "read") await prisma.chatConversation.updateMany({ where: { id: conversationId, adviserReadSeq: { lt: upToSeq } }, data: { adviserReadSeq: upToSeq } });
      customers.to(customerRoom(conversationId)).emit("receipt:update", parsed.data);
    });

    on(s, "chat:end", ConversationRefSchema, async ({ conversationId }) => {
      await mine(conversationId);
      await endChat(conversationId, staff.id, "adviser");
      return { ended: true as const };
    });

    on(s, "chat:transfer", TransferSchema, async ({ conversationId, to }) => {
      await mine(conversationId);
      if ("queue" in to) {
        const ok = await hub.requeue(conversationId, staff.id, "transferred", { excludeAdviser: true, language: to.queue === "cy" ? "cy" : undefined });
        if (!ok) throw new ChatError("ended");
      } else {
        const target = hub.presence.get(to.adviserId);
        const load = (await hub.loads()).get(to.adviserId) ?? 0;
        if (!target || target.sockets.size === 0 || !target.available || load >= target.maxChats || to.adviserId === staff.id) throw new ChatError("unavailable");
        const { count } = await prisma.chatConversation.updateMany({
          where: { id: conversationId, adviserId: staff.id, status: "active" },
          data: { adviserId: to.adviserId, assignedAt: now() },
        });
        if (count === 0) throw new ChatError("ended");
        hub.setMeta(conversationId, { adviserId: to.adviserId });
        advisers.to(adviserRoom(staff.id)).emit("chat:unassigned", { conversationId, reason: "transferred" });
        const c = await prisma.chatConversation.findUniqueOrThrow({ where: { id: conversationId } });
        advisers.to(adviserRoom(to.adviserId)).emit("chat:assigned", await hub.adviserView(c, 0));
        customers.to(customerRoom(conversationId)).emit("chat:assigned", { conversationId, adviserName: firstName(target.name) });
        hub.schedule();
      }
      await audit(prisma, { actorId: staff.id, action: "chat.transferred", entityType: "chat", entityId: conversationId, data: { to: "queue" in to ? `queue:${to.queue}` : "adviser" } });
      return { transferred: true as const };
    });

    on(s, "behaviour:record", BehaviourSchema, async ({ conversationId, description, requestRestriction, endChat: end }) => {
      const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
      if (!c) throw new ChatError("not_found");
      if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
      const report = await prisma.chatBehaviourReport.create({ data: { conversationId, reportedById: staff.id, description, requestRestriction } });
      await audit(prisma, { actorId: staff.id, action: "chat.behaviour_recorded", entityType: "chat", entityId: conversationId, data: { reportId: report.id, requestRestriction } });
      if (end && c.status === "active") await endChat(conversationId, staff.id, "adviser");
      return { reportId: report.id };
    });

    on(s, "case:create", CreateCaseSchema, async ({ conversationId, type, summary }) => {
      const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
      if (!c) throw new ChatError("not_found");
      if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
      const messages = (await messagesAfter(prisma, conversationId, 0, false)).map(toMessageView);
      const transcript = transcriptText(messages, transcriptLabels(c.language));
      const result = await createCase(
        { prisma, now },
        {
          type: type as CaseType,
          channel: "chat",
          language: c.language,
          summary,
          subject: c.customerName ?? undefined,
          details: { form: "chat", version: 1, conversationId, topic: c.topic, transcript },
          customer: c.customerName || c.customerEmail ? { name: c.customerName ?? c.customerEmail!, email: c.customerEmail, preferredLanguage: c.language } : undefined,
          idempotencyKey: `chat-case:${conversationId}:${type}`,
          actorId: staff.id,
          alsoInTransaction: async (tx, created) => {
            await tx.chatConversation.update({ where: { id: conversationId }, data: { caseId: created.id, caseReference: created.reference } });
          },
        },
      );
      return { reference: result.case.reference };
    });

    on(s, "monitor:snapshot", StatusSchema, async () => {
      supervisor();
      await s.join(MONITOR_ROOM);
      return hub.monitor();
    });

    on(s, "monitor:watch", WatchSchema, async ({ conversationId }) => {
      supervisor();
      const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
      if (!c) throw new ChatError("not_found");
      await s.join(watchRoom(conversationId));
      await audit(prisma, { actorId: staff.id, action: "chat.viewed", entityType: "chat", entityId: conversationId });
      return hub.adviserView(c, 0);
    });
  });

  hub.start();
  return hub;
}

export function transcriptLabels(lang: "en" | "cy") {
  const t = serverT(lang, "widget");
  return { title: t("transcript.title"), you: t("transcript.you"), adviser: t("transcript.adviser"), system: t("transcript.system"), date: (iso: string) => formatDateTime(new Date(iso), lang) };
}
