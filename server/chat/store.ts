// Chat persistence. A message is written (with its sequence number) before anyone is told
// about it; the same client id twice returns the first message, so retries never duplicate.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { ChatAuthor, ChatMessageKind } from "../../generated/prisma/enums.js";
import type { ChatMessageView } from "../domain/chat/contracts.js";

export type MessageRow = {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  author: ChatAuthor;
  kind: ChatMessageKind;
  adviserId: string | null;
  authorName: string | null;
  text: string;
  createdAt: Date;
};

export const toMessageView = (m: MessageRow): ChatMessageView => ({
  id: m.id,
  clientId: m.clientId,
  seq: m.seq,
  author: m.author,
  kind: m.kind,
  text: m.text,
  authorName: m.authorName,
  sentAt: m.createdAt.toISOString(),
});

export type AppendResult =
  | { ok: true; message: MessageRow; duplicate: boolean; adviserId: string | null }
  | { ok: false; code: "ended" | "not_found" | "not_assigned" | "forbidden" };

type AppendRow = MessageRow & { conversationAdviserId: string | null; duplicate: boolean };

/**
 * Stores a message in ONE statement, the whole of a message's work in the database: it takes the
 * sequence number and stores the message atomically, only while the conversation is open (and,
 * for an adviser, only while it is theirs and their account may still answer chats), and brings
 * back the conversation's current adviser. So no instance needs a cached copy of who has the
 * chat or of the adviser's roles, which another instance or a manager may have changed.
 * A retry (the same client id: a widget's outbox after a reconnect) is answered in the same
 * statement with the message already stored, taking no new sequence number. A customer's
 * message also says the customer is there (`customerSeenAt`), on the row it already updates, so
 * the heartbeat has nothing to write for a customer who is chatting.
 * One statement matters for the tail: the adviser's roles read and the retry's second lookup were
 * each another pool checkout and round trip on every message (docs/decisions/0017).
 */
export async function appendMessage(
  prisma: PrismaClient,
  input: {
    conversationId: string;
    clientId: string;
    author: ChatAuthor;
    kind: ChatMessageKind;
    adviserId?: string | null;
    /** For an adviser: the roles that may send this (server/auth/permissions.ts); checked against the account as it is now. */
    allowedRoles?: readonly string[];
    authorName?: string | null;
    text: string;
    at: Date;
  },
): Promise<AppendResult> {
  const byAdviser = input.author === "adviser";
  const byCustomer = input.author === "customer";
  if (byAdviser && !input.allowedRoles) throw new Error("appendMessage: an adviser's message needs allowedRoles");
  const roles = [...(input.allowedRoles ?? [])];
  // An adviser's first text (not a note) is the chat's first answer.
  const answers = byAdviser && input.kind === "text";
  // Two statements sending the same client id at the same moment: the second's insert finds the
  // conflict and inserts nothing (its sequence number is used up, so a conversation's numbers
  // can have gaps, which clients never rely on: they ask for "after N"); it is answered below.
  const rows = await prisma.$queryRaw<AppendRow[]>`
    WITH allowed AS (
      SELECT 1 WHERE NOT ${byAdviser} OR EXISTS (
        SELECT 1 FROM "StaffUser" u WHERE u."id" = ${input.adviserId ?? null}::uuid AND u."active" AND u."roles" && ${roles}::text[]::"StaffRole"[])
    ), existing AS (
      SELECT "id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt"
      FROM "ChatMessage"
      WHERE "conversationId" = ${input.conversationId}::uuid AND "clientId" = ${input.clientId} AND EXISTS (SELECT 1 FROM allowed)
    ), c AS (
      UPDATE "ChatConversation"
      SET "lastSeq" = "lastSeq" + 1,
          "firstAnsweredAt" = CASE WHEN ${answers} THEN COALESCE("firstAnsweredAt", ${input.at}::timestamptz) ELSE "firstAnsweredAt" END,
          "customerSeenAt" = CASE WHEN ${byCustomer} THEN ${input.at}::timestamptz ELSE "customerSeenAt" END
      WHERE "id" = ${input.conversationId}::uuid
        AND (CASE WHEN ${byAdviser} THEN "status" = 'active' AND "adviserId" = ${input.adviserId ?? null}::uuid ELSE "status" IN ('queued', 'active') END)
        AND EXISTS (SELECT 1 FROM allowed) AND NOT EXISTS (SELECT 1 FROM existing)
      RETURNING "lastSeq", "adviserId"
    ), m AS (
      INSERT INTO "ChatMessage" ("id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt")
      SELECT gen_random_uuid(), ${input.conversationId}::uuid, c."lastSeq", ${input.clientId}, ${input.author}::"ChatAuthor",
             ${input.kind}::"ChatMessageKind", ${input.adviserId ?? null}::uuid, ${input.authorName ?? null}, ${input.text}, ${input.at}::timestamptz
      FROM c
      ON CONFLICT ("conversationId", "clientId") DO NOTHING
      RETURNING "id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt"
    )
    SELECT m.*, c."adviserId" AS "conversationAdviserId", false AS "duplicate" FROM m, c
    UNION ALL
    SELECT e.*, NULL::uuid AS "conversationAdviserId", true AS "duplicate" FROM existing e`;
  const row = rows[0];
  if (row) {
    const { conversationAdviserId, duplicate, ...message } = row;
    return { ok: true, message, duplicate, adviserId: duplicate ? null : conversationAdviserId };
  }
  // Not stored: say why (rare paths, so a few more reads are fine).
  if (byAdviser) {
    const staff = input.adviserId ? await prisma.staffUser.findUnique({ where: { id: input.adviserId }, select: { active: true, roles: true } }) : null;
    if (!staff?.active || !staff.roles.some((r) => roles.includes(r))) return { ok: false, code: "forbidden" };
  }
  // Two sends of one client id at once: the other one stored it.
  const raced = await prisma.chatMessage.findUnique({ where: { conversationId_clientId: { conversationId: input.conversationId, clientId: input.clientId } } });
  if (raced) return { ok: true, message: raced, duplicate: true, adviserId: null };
  const conversation = await prisma.chatConversation.findUnique({ where: { id: input.conversationId }, select: { status: true, adviserId: true } });
  if (!conversation) return { ok: false, code: "not_found" };
  if (byAdviser && conversation.adviserId !== input.adviserId) return { ok: false, code: "not_assigned" };
  return { ok: false, code: "ended" };
}

export async function messagesAfter(prisma: PrismaClient, conversationId: string, afterSeq: number, includeNotes: boolean): Promise<MessageRow[]> {
  return prisma.chatMessage.findMany({
    where: { conversationId, seq: { gt: afterSeq }, ...(includeNotes ? {} : { kind: { not: "note" } }) },
    orderBy: { seq: "asc" },
  });
}
