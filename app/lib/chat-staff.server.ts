// Server-side helpers for the staff chat pages: canned replies (with defaults in both
// languages), today's figures for supervisors, behaviour reviews.
import type { AppLoadContext } from "react-router";
import { CAPABILITIES } from "../../server/auth/permissions";
import type { Services } from "../../server/services";
import { medianOf } from "../../server/domain/chat/queue";
import { startOfLondonDay, londonDate } from "../../server/domain/cases/working-days";

const DEFAULT_CANNED: { language: "en" | "cy"; title: string; text: string }[] = [
  { language: "en", title: "Greeting", text: "Hello, thank you for contacting us. How can I help you today?" },
  { language: "cy", title: "Cyfarch", text: "Helo, diolch am gysylltu â ni. Sut gallaf eich helpu heddiw?" },
  { language: "en", title: "One moment", text: "Thank you. Please give me a moment while I check that for you." },
  { language: "cy", title: "Un eiliad", text: "Diolch. Rhowch eiliad i mi wirio hynny i chi." },
  { language: "en", title: "Raise it with the organisation first", text: "You need to raise your concern with the organisation first and give them a chance to respond. If you are not happy with their answer, you can then bring your concern to us." },
  { language: "cy", title: "Codi’r pryder gyda’r sefydliad yn gyntaf", text: "Mae angen i chi godi eich pryder gyda’r sefydliad yn gyntaf a rhoi cyfle iddo ymateb. Os nad ydych yn fodlon ar ei ateb, gallwch wedyn ddod â’ch pryder atom ni." },
  { language: "en", title: "Anything else?", text: "Is there anything else I can help you with today?" },
  { language: "cy", title: "Unrhyw beth arall?", text: "Oes unrhyw beth arall y gallaf eich helpu ag ef heddiw?" },
];

export async function cannedReplies(context: AppLoadContext) {
  const { prisma } = context.services;
  if ((await prisma.chatCannedReply.count()) === 0) await prisma.chatCannedReply.createMany({ data: DEFAULT_CANNED });
  return prisma.chatCannedReply.findMany({ orderBy: [{ language: "asc" }, { title: "asc" }], select: { id: true, language: true, title: true, text: true } });
}

export async function todaysFigures(context: AppLoadContext) {
  const { prisma, now } = context.services;
  const since = startOfLondonDay(londonDate(now()));
  const chats = await prisma.chatConversation.findMany({
    where: { createdAt: { gte: since } },
    select: { status: true, queuedAt: true, assignedAt: true, firstAnsweredAt: true, endedAt: true, rating: true },
  });
  const answered = chats.filter((c) => c.firstAnsweredAt).map((c) => (c.firstAnsweredAt!.getTime() - c.queuedAt.getTime()) / 1000);
  const lengths = chats.filter((c) => c.endedAt && c.assignedAt).map((c) => (c.endedAt!.getTime() - c.assignedAt!.getTime()) / 1000);
  const ratings = chats.filter((c) => c.rating !== null).map((c) => c.rating!);
  return {
    chats: chats.filter((c) => c.status !== "left_message").length,
    messagesLeft: chats.filter((c) => c.status === "left_message").length,
    medianAnswerSeconds: medianOf(answered),
    medianLengthSeconds: medianOf(lengths),
    averageRating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null,
    ratings: ratings.length,
  };
}

// The roles come from server/auth/permissions.ts (chat.answer, chat.supervise).
export const CHAT_ROLES = CAPABILITIES["chat.answer"];
export const SUPERVISOR_ROLES = CAPABILITIES["chat.supervise"];

/** The services, typed (route args type the load context loosely). */
export function chatServices(context: AppLoadContext): Services {
  return context.services as Services;
}
