// Managers set, per adviser, whether they take Welsh chats and how many chats they take at once.
// The chat server reads both from StaffUser when it assigns the next chat; this module only
// validates and stores them (audited, with what changed).
import { z } from "zod";
import { audit } from "../../server/audit";
import type { Prisma } from "../../server/db";
import { CHAT_ROLES } from "./chat-staff.server";

export const MIN_CHATS = 1;
export const MAX_CHATS = 6;

export const AdviserSettingSchema = z.object({
  id: z.uuid(),
  speaksWelsh: z.boolean(),
  maxChats: z.coerce.number().int().min(MIN_CHATS).max(MAX_CHATS),
});
/** The whole table in one post: one row per adviser listed on the page (never more than the staff we have). */
export const AdviserSettingsSchema = z.array(AdviserSettingSchema).min(1).max(1000);
export type AdviserSetting = z.infer<typeof AdviserSettingSchema>;

/**
 * Reads the posted table: `adviser` once per row (so an unticked box still counts as "no"),
 * `welsh-<id>` when ticked, `capacity-<id>`. Returns the rows, or the ids whose capacity is not
 * a whole number from 1 to 6 (the only field a person can get wrong, by editing the page).
 */
export function parseAdviserSettings(form: FormData): { ok: true; rows: AdviserSetting[] } | { ok: false; invalid: string[] } {
  const ids = [...new Set(form.getAll("adviser").map(String))];
  const raw = ids.map((id) => ({ id, speaksWelsh: form.get(`welsh-${id}`) === "yes", maxChats: String(form.get(`capacity-${id}`) ?? "") }));
  const parsed = AdviserSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, rows: parsed.data };
  const invalid = raw.filter((row) => !AdviserSettingSchema.safeParse(row).success).map((row) => row.id);
  return { ok: false, invalid: invalid.length ? invalid : ids };
}

/** Staff who take chats (advisers, managers, the Head of Customer Contact), active, by name. */
export function chatStaff(prisma: Prisma) {
  return prisma.staffUser.findMany({
    where: { active: true, roles: { hasSome: [...CHAT_ROLES] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, roles: true, speaksWelsh: true, maxChats: true },
  });
}

/**
 * Saves the rows that changed, each with an audit event saying what it was and what it is now.
 * Rows for anyone who is not (or no longer) active chat staff are ignored, not created.
 */
export async function saveAdviserSettings(prisma: Prisma, actorId: string, rows: AdviserSetting[]): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.staffUser.findMany({
      where: { id: { in: rows.map((r) => r.id) }, active: true, roles: { hasSome: [...CHAT_ROLES] } },
      select: { id: true, speaksWelsh: true, maxChats: true },
    });
    const before = new Map(current.map((s) => [s.id, s]));
    let changed = 0;
    for (const row of rows) {
      const was = before.get(row.id);
      if (!was || (was.speaksWelsh === row.speaksWelsh && was.maxChats === row.maxChats)) continue;
      await tx.staffUser.update({ where: { id: row.id }, data: { speaksWelsh: row.speaksWelsh, maxChats: row.maxChats } });
      await audit(tx, {
        actorId,
        action: "chat.adviser_settings",
        entityType: "StaffUser",
        entityId: row.id,
        data: { speaksWelsh: { from: was.speaksWelsh, to: row.speaksWelsh }, maxChats: { from: was.maxChats, to: row.maxChats } },
      });
      changed++;
    }
    return changed;
  });
}
