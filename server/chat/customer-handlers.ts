// The customer namespace (/chat): members of the public in the widget. A socket may act only on
// conversations it started or resumed with a signed token.
import { createHash, randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { createCase } from "../domain/cases/index.js";
import { CUSTOMER_EVENT_SCHEMAS, type CustomerClientEvents } from "../domain/chat/contracts.js";
import { chatTransition } from "../domain/chat/status.js";
import { transcriptText } from "../domain/chat/transcript.js";
import { publicLimits } from "../limits/public.js";
import type { ChatContext } from "./application.js";
import { ChatError, customerRoom, eventBinder } from "./protocol.js";
import { appendMessage, messagesAfter, toMessageView } from "./store.js";
import { chatT, enquiryAcknowledgement, transcriptLabels } from "./texts.js";
import { verifyConversationToken } from "./tokens.js";

/** `started`: the chat this socket started (or rejoined from another tab) last. */
export type CustomerSocketData = { ip: string; conversations: Set<string>; lastTyping: number; started?: string };

const TYPING_EVERY_MS = 1000;
/** First key of the two-key advisory locks on a browser (the dispatcher's one-key lock is apart). */
const BROWSER_LOCK_CLASS = 80_011;

export function registerCustomerHandlers(ctx: ChatContext, socket: Socket) {
  const { prisma, logger, config, now, out, coordinator } = ctx;
  const data: CustomerSocketData = { ip: ctx.clientIp(socket), conversations: new Set(), lastTyping: 0 };
  socket.data = data;
  const { on, signal } = eventBinder<CustomerClientEvents, typeof CUSTOMER_EVENT_SCHEMAS>(socket, CUSTOMER_EVENT_SCHEMAS, logger);

  const owned = async (conversationId: string) => {
    if (!data.conversations.has(conversationId)) throw new ChatError("forbidden");
    const c = await prisma.chatConversation.findUnique({ where: { id: conversationId } });
    if (!c) throw new ChatError("not_found");
    return c;
  };
  /** This browser holds the conversation again: it is not "gone" (see the customer grace period). */
  const join = async (id: string) => {
    data.conversations.add(id);
    await socket.join(customerRoom(id));
  };

  on("chat:status", async () => ctx.status());

  on("chat:start", async (input) => {
    const at = now();
    // One place in the queue per connection (issue 12): a socket whose chat is still waiting or
    // open gets that chat back, as a second tab does, however often it asks or whatever browser
    // id it sends, so one connection cannot fill the queue and turn everyone else away.
    if (data.started) {
      const mine = await prisma.chatConversation.findUnique({ where: { id: data.started } });
      if (mine && (mine.status === "queued" || mine.status === "active")) return ctx.customerView(mine, 0);
    }
    const browserKey = input.browserId ? createHash("sha256").update(input.browserId).digest("hex") : null;
    // A new place in the queue counts against the address's hour (server/limits/public.ts), so
    // new connections cannot fill it either; a second tab rejoining its browser's chat does not count.
    const rejoining = browserKey !== null && (await prisma.chatConversation.count({ where: { browserKey, status: { in: ["queued", "active"] } } })) > 0;
    if (!rejoining && !(await publicLimits(ctx.limits, { perAddress: config.publicAddressQuotas }).chatStart(data.ip))) throw new ChatError("rate_limited");
    // Join the conversation's room before the row exists: a dispatch running at the same moment
    // (on any instance) may assign this one at once, and its "chat:assigned" must reach this socket.
    const id = randomUUID();
    await join(id);
    // One waiting or open chat per browser: looked up and created under a lock on this browser's
    // key, so two tabs starting at the same moment (on any instances) still make one chat.
    const { created, existing } = await prisma.$transaction(async (tx) => {
      if (browserKey) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BROWSER_LOCK_CLASS}::int, hashtext(${browserKey}))`;
        const open = await tx.chatConversation.findFirst({ where: { browserKey, status: { in: ["queued", "active"] } }, orderBy: { createdAt: "desc" } });
        if (open) return { created: open, existing: true };
      }
      const status = ctx.status();
      if (!status.open) throw new ChatError("closed");
      if (!status.acceptingChats) throw new ChatError("queue_full");
      const row = await tx.chatConversation.create({
        data: {
          id,
          status: "queued",
          language: input.lang,
          topic: input.topic,
          customerName: input.name ?? null,
          customerEmail: input.email ?? null,
          transcriptConsent: input.transcriptConsent,
          queuedAt: at,
          customerSeenAt: at,
          browserKey,
        },
      });
      return { created: row, existing: false };
    });
    if (existing) {
      // This browser's chat, as a resume would give it: the new tab joins it, keeping its place.
      data.conversations.delete(id);
      await socket.leave(customerRoom(id));
      await join(created.id);
      data.started = created.id;
      await prisma.chatConversation.updateMany({ where: { id: created.id, status: { in: ["queued", "active"] } }, data: { customerSeenAt: at } });
      logger.info({ conversationId: created.id, event: "chat.joined_from_another_tab" }, "chat joined from another tab");
      return ctx.customerView(created, 0);
    }
    data.started = id;
    logger.info({ conversationId: id, event: "chat.started" }, "chat started");
    // Read again: if it was assigned meanwhile, the acknowledgement says so (the client ignores
    // an "assigned" event that overtook it, as it does not know the conversation yet).
    const conversation = (await prisma.chatConversation.findUnique({ where: { id } })) ?? created;
    if (conversation.status === "queued") coordinator.queueOnly(id, input.lang, at);
    const view = await ctx.customerView(conversation, 0);
    // Dispatch only after the acknowledgement is on its way, so "assigned" never overtakes it.
    setImmediate(() => ctx.schedule());
    return view;
  });

  on("chat:resume", async ({ token, lastSeq }) => {
    const id = verifyConversationToken(config.sessionSecret, token, now());
    if (!id) throw new ChatError("invalid_token");
    // A live chat is read and marked "the customer is here" in one statement: after a network
    // blip every widget of an instance resumes at once, so a resume is kept to one round trip
    // (plus the messages it missed, if any). An ended chat (rating, transcript) is only read.
    const conversation =
      (await prisma.chatConversation.updateManyAndReturn({ where: { id, status: { in: ["queued", "active"] } }, data: { customerSeenAt: now() } }))[0] ??
      (await prisma.chatConversation.findUnique({ where: { id } }));
    if (!conversation || conversation.status === "left_message") throw new ChatError("invalid_token");
    await join(id);
    return ctx.customerView(conversation, lastSeq);
  });

  on("message:send", async ({ conversationId, clientId, text }) => {
    if (!data.conversations.has(conversationId)) throw new ChatError("forbidden");
    const result = await appendMessage(prisma, { conversationId, clientId, author: "customer", kind: "text", text, at: now() });
    if (!result.ok) throw new ChatError(result.code);
    const message = toMessageView(result.message);
    if (!result.duplicate) {
      out.toCustomers(customerRoom(conversationId), socket.id, "message:new", { conversationId, message });
      out.toAdviserSide(conversationId, result.adviserId, undefined, "message:new", { conversationId, message });
    }
    return message;
  });

  signal("typing:update", async (payload) => {
    if (!data.conversations.has(payload.conversationId)) return;
    const at = Date.now();
    if (payload.typing && at - data.lastTyping < TYPING_EVERY_MS) return;
    data.lastTyping = at;
    const route = await ctx.route(payload.conversationId);
    if (route?.adviserId) out.toAdviserSide(payload.conversationId, route.adviserId, undefined, "typing:update", payload);
  });

  signal("receipt:update", async (payload) => {
    const { conversationId, upToSeq, state } = payload;
    if (!data.conversations.has(conversationId)) return;
    if (state === "read") await prisma.chatConversation.updateMany({ where: { id: conversationId, customerReadSeq: { lt: upToSeq } }, data: { customerReadSeq: upToSeq } });
    const route = await ctx.route(conversationId);
    out.toAdviserSide(conversationId, route?.adviserId ?? null, undefined, "receipt:update", payload);
  });

  on("chat:end", async ({ conversationId }) => {
    await owned(conversationId);
    await ctx.endChat(conversationId, "customer");
    return { ended: true as const };
  });

  on("chat:rate", async ({ conversationId, rating, comment }) => {
    const c = await owned(conversationId);
    const t = chatTransition(c, { kind: "rate", rating }, now());
    if (!t.ok) throw new ChatError("invalid_payload");
    await prisma.chatConversation.updateMany({ where: { id: conversationId, rating: null }, data: { rating, ratingComment: comment || null } });
    return { rated: true as const };
  });

  on("chat:accept-fallback", async ({ conversationId }) => {
    const c = await owned(conversationId);
    const t = chatTransition(c, { kind: "accept_fallback" }, now());
    if (!t.ok) throw new ChatError("invalid_payload");
    await prisma.chatConversation.updateMany({ where: { id: conversationId, status: "queued" }, data: t.next });
    const queued = coordinator.snapshot.queue.find((q) => q.id === conversationId);
    if (queued) queued.fallbackConsented = true;
    ctx.schedule();
    return coordinator.queueState(conversationId, c.language);
  });

  on("transcript:email", async ({ conversationId, email }) => {
    const c = await owned(conversationId);
    // Only to the address the customer gave when the chat started: a transcript is personal data,
    // and the widget must not become a way to send our email to anyone.
    if (!c.customerEmail || c.customerEmail.trim().toLowerCase() !== email.trim().toLowerCase()) throw new ChatError("forbidden");
    await ctx.transcriptEmails.consume(conversationId).catch(() => {
      throw new ChatError("rate_limited");
    });
    // That address was typed at the start, not proven: the transcript counts against the same
    // day's emails to one mailbox as the forms' acknowledgements (server/limits/public.ts), so
    // starting chat after chat with a stranger's address cannot flood their inbox.
    if (!(await publicLimits(ctx.limits, { perAddress: config.publicAddressQuotas }).acknowledge(c.customerEmail))) throw new ChatError("rate_limited");
    const messages = (await messagesAfter(prisma, conversationId, 0, false)).map(toMessageView);
    const text = transcriptText(messages, transcriptLabels(c.language));
    await prisma.emailMessage.create({ data: { to: email, subject: chatT(c.language, "widget")("transcript.emailSubject"), text, language: c.language, kind: "chat_transcript" } });
    ctx.kickMail();
    return { queued: true as const };
  });

  on("chat:leave-message", async (input) => {
    // Offered only out of hours or with the queue full: otherwise the customer can simply chat.
    const status = ctx.status();
    if (status.open && status.acceptingChats) throw new ChatError("unavailable");
    const limited = () => {
      throw new ChatError("rate_limited");
    };
    await ctx.leaveMessagePerIp.consume(data.ip).catch(limited);
    // As on the forms: the message is always taken (a real person's question is never lost), but
    // the acknowledgement goes only while the typed address's mailbox is within the day's emails,
    // one counter shared with every public form (server/limits/public.ts).
    const acknowledge = await publicLimits(ctx.limits, { perAddress: config.publicAddressQuotas }).acknowledge(input.email);
    if (!acknowledge) logger.info({ event: "acknowledgement.withheld" }, "acknowledgement not sent: the recipient's daily limit is met");
    const topic = chatT(input.lang, "widget")(`topics.${input.topic}`);
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
        emails: (created) =>
          !acknowledge ? [] : [enquiryAcknowledgement(input.lang, { reference: created.reference, name: input.name, email: input.email, question: input.text, answerBy: created.clocks.answerBy })],
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
    if (result.created) ctx.kickMail();
    logger.info({ event: "chat.message_left", created: result.created }, "chat message left");
    return { reference: result.case.reference };
  });
}
