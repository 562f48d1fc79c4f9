// The adviser namespace (/chat-advisers): advisers' consoles and the supervisors' monitor. The
// staff session was checked at the handshake (application.ts) and is re-checked while connected;
// each event asks server/auth/permissions.ts for its capability (ADVISER_SOCKET_EVENTS).
import type { Socket } from "socket.io";
import { audit } from "../audit.js";
import { ADVISER_SOCKET_EVENTS, can, STAFF_ROLES } from "../auth/permissions.js";
import { createCase, type CaseType } from "../domain/cases/index.js";
import { ADVISER_EVENT_SCHEMAS, type AdviserClientEvents } from "../domain/chat/contracts.js";
import { transcriptText } from "../domain/chat/transcript.js";
import type { ChatContext } from "./application.js";
import { adviserRoom, ChatError, customerRoom, eventBinder, firstName, MONITOR_ROOM, watchRoom } from "./protocol.js";
import { appendMessage, messagesAfter, toMessageView } from "./store.js";
import { chatCaseAcknowledgement, transcriptLabels } from "./texts.js";

export type AdviserSocketData = {
  ip: string;
  /** The staff session's row id, so the socket ends with the session. */
  sessionId: string;
  staff: { id: string; name: string; roles: string[]; speaksWelsh: boolean; maxChats: number };
  lastTyping: number;
  lastActivity: number;
};

const TYPING_EVERY_MS = 1000;
/** The roles whose capability sends messages and notes (both are "chat.answer"), from the one permissions module. */
const ANSWER_ROLES = STAFF_ROLES.filter((role) => can({ roles: [role] }, ADVISER_SOCKET_EVENTS["message:send"]) && can({ roles: [role] }, ADVISER_SOCKET_EVENTS["note:add"]));

export function registerAdviserHandlers(ctx: ChatContext, socket: Socket) {
  const { prisma, logger, now, out, coordinator } = ctx;
  const data: AdviserSocketData = socket.data;
  const staff = data.staff;
  // Every event asks the permissions module for its capability with the account as it is now
  // (one read by primary key): the handshake's check is not enough, because an adviser whose
  // role is taken away or whose account is closed keeps a socket open for hours.
  const authorize = async (event: keyof AdviserClientEvents) => {
    // A message or note is authorised inside the statement that stores it (appendMessage: the
    // same check against the account as it is now), so the busiest event is one round trip.
    if (event === "message:send" || event === "note:add") return;
    const account = await prisma.staffUser.findUnique({ where: { id: staff.id }, select: { roles: true, active: true } });
    if (!account?.active || !can(account, ADVISER_SOCKET_EVENTS[event])) throw new ChatError("forbidden");
    staff.roles = account.roles;
  };
  const { on, signal } = eventBinder<AdviserClientEvents, typeof ADVISER_EVENT_SCHEMAS>(socket, ADVISER_EVENT_SCHEMAS, logger, authorize);
  // Presence is recorded before any event is handled (so "available" is never dispatched on
  // before the adviser counts as present), and the disconnect is recorded after it.
  const present = coordinator.adviserConnected(staff.id).then(
    () => ctx.pushMonitor(),
    (err: unknown) => logger.error({ err }, "chat presence failed"),
  );
  socket.use((_packet, next) => {
    data.lastActivity = Date.now();
    void present.then(() => next());
  });
  void socket.join(adviserRoom(staff.id));
  socket.on("disconnect", () => {
    present
      .then(() => coordinator.adviserDisconnected(staff.id))
      .then(
        () => {
          ctx.pushMonitor();
          ctx.schedule();
        },
        (err: unknown) => logger.error({ err }, "chat presence failed"),
      );
  });

  const mine = async (conversationId: string) => {
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c) throw new ChatError("not_found");
    if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
    if (c.status !== "active") throw new ChatError("ended");
    return c;
  };

  on("adviser:availability", async ({ available }) => {
    await coordinator.setAvailable(staff.id, available);
    ctx.schedule();
    ctx.pushMonitor();
    return { available, maxChats: staff.maxChats };
  });

  on("adviser:sync", async ({ lastSeqs }) => {
    const chats = await prisma.chatConversation.findMany({ where: { adviserId: staff.id, status: "active" }, orderBy: { assignedAt: "asc" } });
    return {
      chats: await Promise.all(chats.map((c) => ctx.adviserView(c, lastSeqs[c.id] ?? 0))),
      available: await coordinator.isAvailable(staff.id),
      maxChats: staff.maxChats,
    };
  });

  on("message:send", async ({ conversationId, clientId, text }) => {
    const result = await appendMessage(prisma, { conversationId, clientId, author: "adviser", kind: "text", adviserId: staff.id, allowedRoles: ANSWER_ROLES, authorName: firstName(staff.name), text, at: now() });
    if (!result.ok) throw new ChatError(result.code);
    const message = toMessageView(result.message);
    if (!result.duplicate) {
      out.toCustomers(customerRoom(conversationId), undefined, "message:new", { conversationId, message });
      out.toAdviserSide(conversationId, staff.id, socket.id, "message:new", { conversationId, message });
    }
    return message;
  });

  on("note:add", async ({ conversationId, clientId, text }) => {
    const result = await appendMessage(prisma, { conversationId, clientId, author: "adviser", kind: "note", adviserId: staff.id, allowedRoles: ANSWER_ROLES, authorName: staff.name, text, at: now() });
    if (!result.ok) throw new ChatError(result.code);
    const message = toMessageView(result.message);
    if (!result.duplicate) out.toAdviserSide(conversationId, staff.id, socket.id, "message:new", { conversationId, message });
    return message;
  });

  signal("typing:update", async (payload) => {
    const at = Date.now();
    if (payload.typing && at - data.lastTyping < TYPING_EVERY_MS) return;
    data.lastTyping = at;
    const route = await ctx.route(payload.conversationId);
    if (route?.adviserId === staff.id) out.toCustomers(customerRoom(payload.conversationId), undefined, "typing:update", payload);
  });

  signal("receipt:update", async (payload) => {
    const { conversationId, upToSeq, state } = payload;
    const route = await ctx.route(conversationId);
    if (route?.adviserId !== staff.id) return;
    if (state === "read") await prisma.chatConversation.updateMany({ where: { id: conversationId, adviserReadSeq: { lt: upToSeq } }, data: { adviserReadSeq: upToSeq } });
    out.toCustomers(customerRoom(conversationId), undefined, "receipt:update", payload);
  });

  on("chat:end", async ({ conversationId }) => {
    await mine(conversationId);
    await ctx.endChat(conversationId, "adviser");
    return { ended: true as const };
  });

  on("chat:transfer", async ({ conversationId, to }) => {
    await mine(conversationId);
    if ("queue" in to) {
      const ok = await ctx.requeue(conversationId, staff.id, "transferred", { excludeAdviser: true, toWelsh: to.queue === "cy" });
      if (!ok) throw new ChatError("ended");
    } else {
      if (to.adviserId === staff.id) throw new ChatError("unavailable");
      await ctx.handOver(conversationId, staff.id, to.adviserId, "transferred", { ignoreCapacity: false });
    }
    await audit(prisma, { actorId: staff.id, action: "chat.transferred", entityType: "chat", entityId: conversationId, data: { to: "queue" in to ? `queue:${to.queue}` : "adviser" } });
    return { transferred: true as const };
  });

  on("behaviour:record", async ({ conversationId, description, requestRestriction, endChat: end }) => {
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c) throw new ChatError("not_found");
    if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
    const report = await prisma.chatBehaviourReport.create({ data: { conversationId, reportedById: staff.id, description, requestRestriction } });
    await audit(prisma, { actorId: staff.id, action: "chat.behaviour_recorded", entityType: "chat", entityId: conversationId, data: { reportId: report.id, requestRestriction } });
    if (end && c.status === "active") await ctx.endChat(conversationId, "adviser");
    return { reportId: report.id };
  });

  on("case:create", async ({ conversationId, type, summary }) => {
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c) throw new ChatError("not_found");
    if (c.adviserId !== staff.id) throw new ChatError("not_assigned");
    const messages = (await messagesAfter(prisma, conversationId, 0, false)).map(toMessageView);
    const transcript = transcriptText(messages, transcriptLabels(c.language));
    const email = c.customerEmail;
    const result = await createCase(
      { prisma, now },
      {
        type: type satisfies CaseType,
        channel: "chat",
        language: c.language,
        summary,
        subject: c.customerName ?? undefined,
        details: { form: "chat", version: 1, conversationId, topic: c.topic, transcript },
        customer: c.customerName || email ? { name: c.customerName ?? email ?? "", email, preferredLanguage: c.language } : undefined,
        idempotencyKey: `chat-case:${conversationId}:${type}`,
        actorId: staff.id,
        // The customer hears, in their language, that their chat is now a case and by when we
        // answer; written in the same transaction as the case, sent by the mail worker.
        emails: (created) =>
          email ? [chatCaseAcknowledgement(c.language, { reference: created.reference, name: c.customerName, email, summary, answerBy: created.clocks.answerBy })] : [],
        alsoInTransaction: async (tx, created) => {
          await tx.chatConversation.update({ where: { id: conversationId }, data: { caseId: created.id, caseReference: created.reference } });
        },
      },
    );
    if (result.created && email) ctx.kickMail();
    return { reference: result.case.reference };
  });

  on("monitor:snapshot", async () => {
    await socket.join(MONITOR_ROOM);
    return ctx.monitor();
  });

  on("monitor:watch", async ({ conversationId }) => {
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c) throw new ChatError("not_found");
    await socket.join(watchRoom(conversationId));
    await audit(prisma, { actorId: staff.id, action: "chat.viewed", entityType: "chat", entityId: conversationId });
    return ctx.adviserView(c, 0);
  });

  on("supervisor:reassign", async ({ conversationId, adviserId }) => {
    await ctx.handOver(conversationId, null, adviserId, "reassigned", { ignoreCapacity: false });
    await audit(prisma, { actorId: staff.id, action: "chat.reassigned", entityType: "chat", entityId: conversationId, data: { to: adviserId } });
    return { reassigned: true as const };
  });

  on("supervisor:take-over", async ({ conversationId }) => {
    await ctx.handOver(conversationId, null, staff.id, "reassigned", { ignoreCapacity: true });
    await audit(prisma, { actorId: staff.id, action: "chat.taken_over", entityType: "chat", entityId: conversationId });
    const c = await prisma.chatConversation.findUniqueOrThrow({ where: { id: conversationId } });
    return ctx.adviserView(c, 0);
  });
}
