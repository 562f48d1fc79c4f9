// Chat retention: transcripts the customer did not ask us to keep go a day after the chat
// ends; every ended chat goes after CHAT_RETENTION_DAYS. A chat turned into a case keeps its
// transcript in the case's details, under the case's own retention.
import type { Services } from "../services";

export async function purgeChats({ prisma, config, now }: Pick<Services, "prisma" | "config" | "now">): Promise<number> {
  const at = now().getTime();
  const dayAgo = new Date(at - 86_400_000);
  const retention = new Date(at - config.chat.retentionDays * 86_400_000);
  const { count } = await prisma.chatConversation.deleteMany({
    where: {
      status: "ended",
      OR: [{ endedAt: { lt: retention } }, { transcriptConsent: false, endedAt: { lt: dayAgo } }],
    },
  });
  return count;
}
