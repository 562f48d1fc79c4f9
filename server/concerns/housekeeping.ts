// Periodic clean-up for the concerns assistant: saved drafts and never-sent uploads older than
// 30 days, and temporary upload files a crash left behind.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Services } from "../services";
import { purgeExpiredDrafts } from "./drafts";
import { purgeExpiredUploads } from "./uploads";

export async function purgeConcerns(services: Pick<Services, "prisma" | "config" | "now">) {
  const deps = { prisma: services.prisma, dataDir: services.config.dataDir, now: services.now };
  const drafts = await purgeExpiredDrafts(deps);
  const uploads = await purgeExpiredUploads(deps);
  const incoming = path.join(services.config.dataDir, "concerns", "incoming");
  const dayAgo = services.now().getTime() - 24 * 3600_000;
  let leftovers = 0;
  for (const name of await readdir(incoming).catch(() => [] as string[])) {
    const file = path.join(incoming, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < dayAgo) {
      await rm(file, { force: true });
      leftovers++;
    }
  }
  return { drafts, uploads, leftovers };
}
