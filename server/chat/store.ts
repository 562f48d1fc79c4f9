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
  | { ok: false; code: "ended" | "not_found" | "not_assigned" };

/**
 * Stores a message in one statement that also reads where it must go: the sequence number is
 * taken and the message stored atomically, only while the conversation is open (and, for an
 * adviser, only while it is theirs), and the conversation's current adviser comes back with it.
 * So no instance needs a cached copy of who has the chat, which another instance may have changed.
 */
export async function appendMessage(
  prisma: PrismaClient,
  input: { conversationId: string; clientId: string; author: ChatAuthor; kind: ChatMessageKind; adviserId?: string | null; authorName?: string | null; text: string; at: Date },
): Promise<AppendResult> {
  const byAdviser = input.author === "adviser";
  // An adviser's first text (not a note) is the chat's first answer.
  const answers = byAdviser && input.kind === "text";
  // A retry (same client id) inserts nothing and is answered below with the message already
  // stored; its sequence number is used up, so a conversation's numbers can have gaps, which
  // clients never rely on (they ask for "after N").
  const rows = await prisma.$queryRaw<(MessageRow & { conversationAdviserId: string | null })[]>`
    WITH c AS (
      UPDATE "ChatConversation"
      SET "lastSeq" = "lastSeq" + 1,
          "firstAnsweredAt" = CASE WHEN ${answers} THEN COALESCE("firstAnsweredAt", ${input.at}::timestamptz) ELSE "firstAnsweredAt" END
      WHERE "id" = ${input.conversationId}::uuid
        AND (CASE WHEN ${byAdviser} THEN "status" = 'active' AND "adviserId" = ${input.adviserId ?? null}::uuid ELSE "status" IN ('queued', 'active') END)
      RETURNING "lastSeq", "adviserId"
    ), m AS (
      INSERT INTO "ChatMessage" ("id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt")
      SELECT gen_random_uuid(), ${input.conversationId}::uuid, c."lastSeq", ${input.clientId}, ${input.author}::"ChatAuthor",
             ${input.kind}::"ChatMessageKind", ${input.adviserId ?? null}::uuid, ${input.authorName ?? null}, ${input.text}, ${input.at}::timestamptz
      FROM c
      ON CONFLICT ("conversationId", "clientId") DO NOTHING
      RETURNING "id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt"
    )
    SELECT m.*, c."adviserId" AS "conversationAdviserId" FROM m, c`;
  const row = rows[0];
  if (row) {
    const { conversationAdviserId, ...message } = row;
    return { ok: true, message, duplicate: false, adviserId: conversationAdviserId };
  }
  // A retry of a stored message, or the conversation is closed, someone else's or unknown.
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
