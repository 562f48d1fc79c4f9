// The concerns storage, bound to this server's services.
import type { AppLoadContext } from "react-router";
import { discardUploads, type UploadDeps } from "../../server/concerns/uploads";

export function uploadDeps(context: AppLoadContext): UploadDeps {
  const { prisma, config, now } = context.services;
  return { prisma, dataDir: config.dataDir, now };
}

export async function discardJourneyUploads(context: AppLoadContext, journeyId: string) {
  return discardUploads(uploadDeps(context), journeyId);
}
