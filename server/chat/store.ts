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

export type AppendResult = { ok: true; message: MessageRow; duplicate: boolean } | { ok: false; code: "ended" | "not_found" };

export async function appendMessage(
  prisma: PrismaClient,
  input: { conversationId: string; clientId: string; author: ChatAuthor; kind: ChatMessageKind; adviserId?: string | null; authorName?: string | null; text: string; at: Date },
): Promise<AppendResult> {
  // One statement: the sequence number is taken and the message stored atomically, and only
  // while the conversation is still open. A retry (same client id) inserts nothing and is answered
  // below with the message already stored; its sequence number is used up, so a conversation's
  // numbers can have gaps, which clients never rely on (they ask for "after N").
  const rows = await prisma.$queryRaw<MessageRow[]>`
    WITH c AS (
      UPDATE "ChatConversation" SET "lastSeq" = "lastSeq" + 1
      WHERE "id" = ${input.conversationId}::uuid AND "status" IN ('queued', 'active')
      RETURNING "lastSeq"
    )
    INSERT INTO "ChatMessage" ("id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt")
    SELECT gen_random_uuid(), ${input.conversationId}::uuid, c."lastSeq", ${input.clientId}, ${input.author}::"ChatAuthor",
           ${input.kind}::"ChatMessageKind", ${input.adviserId ?? null}::uuid, ${input.authorName ?? null}, ${input.text}, ${input.at}::timestamptz
    FROM c
    ON CONFLICT ("conversationId", "clientId") DO NOTHING
    RETURNING "id", "conversationId", "seq", "clientId", "author", "kind", "adviserId", "authorName", "text", "createdAt"`;
  if (rows[0]) return { ok: true, message: rows[0], duplicate: false };
  // A retry of a stored message, or the conversation is closed or unknown.
  const raced = await prisma.chatMessage.findUnique({ where: { conversationId_clientId: { conversationId: input.conversationId, clientId: input.clientId } } });
  if (raced) return { ok: true, message: raced, duplicate: true };
  const conversation = await prisma.chatConversation.findUnique({ where: { id: input.conversationId }, select: { status: true } });
  return { ok: false, code: conversation ? "ended" : "not_found" };
}

export async function messagesAfter(prisma: PrismaClient, conversationId: string, afterSeq: number, includeNotes: boolean): Promise<MessageRow[]> {
  return prisma.chatMessage.findMany({
    where: { conversationId, seq: { gt: afterSeq }, ...(includeNotes ? {} : { kind: { not: "note" } }) },
    orderBy: { seq: "asc" },
  });
}
