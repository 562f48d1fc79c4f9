// Parties: the people and organisations cases, adjustment requests and chats are about, and the
// flags on a customer that everyone who deals with them must see. The one place that finds or
// creates a party and sets or clears a flag: cases, adjustments and chat call these inside their
// own transaction (and write their own outbox event beside the change).
import type { Prisma as PrismaNamespace } from "../../../generated/prisma/client.js";

type Tx = PrismaNamespace.TransactionClient;

export type PersonInput = { name: string; email?: string | null; phone?: string | null; preferredLanguage: "en" | "cy" };

export type FlagKind = "reasonable_adjustment" | "restricted_contact" | "no_further_contact";

/** A person is the same person whatever the case of their email address. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** "The Acme Co. Ltd" and "acme" match: legal suffixes and punctuation are ignored. */
export const normaliseOrganisationName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[.,'’"()&]/g, " ")
    .replace(/\b(ltd|limited|plc|llp|inc|co|company|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The person's party, matched by normalised email (without an email, always a new party).
 * `onExisting`: "refresh" when the details come from the person themselves just now (a case they
 * opened: their latest name and language are what they use now, and a phone number is added);
 * "keep" when they come from a form nobody checked against the record or from staff (an
 * unchecked form must not rename someone's record). Flags always stay.
 */
export async function findOrCreatePerson(tx: Tx, person: PersonInput, onExisting: "refresh" | "keep"): Promise<string> {
  const phone = person.phone ?? null;
  if (!person.email) {
    const party = await tx.party.create({ data: { kind: "person", name: person.name, phone, preferredLanguage: person.preferredLanguage }, select: { id: true } });
    return party.id;
  }
  const emailNormalised = normaliseEmail(person.email);
  const party = await tx.party.upsert({
    where: { emailNormalised },
    create: { kind: "person", name: person.name, email: person.email.trim(), emailNormalised, phone, preferredLanguage: person.preferredLanguage },
    update: onExisting === "refresh" ? { name: person.name, preferredLanguage: person.preferredLanguage, ...(phone ? { phone } : {}) } : {},
    select: { id: true },
  });
  return party.id;
}

/** The organisation's party, matched by normalised name. */
export async function findOrCreateOrganisation(tx: Tx, organisation: { name: string; sector?: string | null; location?: "uk" | "eea" | "elsewhere" | null }): Promise<string> {
  const nameNormalised = normaliseOrganisationName(organisation.name);
  const existing = await tx.party.findFirst({ where: { kind: "organisation", nameNormalised }, select: { id: true } });
  if (existing) return existing.id;
  const party = await tx.party.create({
    data: { kind: "organisation", name: organisation.name.trim(), nameNormalised, sector: organisation.sector ?? null, location: organisation.location ?? null },
    select: { id: true },
  });
  return party.id;
}

export type FlagInput = { partyId: string; kind: FlagKind; summary: string; reviewAt?: Date | null; setById: string; at: Date };

/**
 * Sets a flag on a party. A restricted contact replaces the one before it (one arrangement at a
 * time); other kinds add to what is there. Returns the new flag's id.
 */
export async function setFlag(tx: Tx, input: FlagInput): Promise<string> {
  if (input.kind === "restricted_contact") await clearFlags(tx, { partyId: input.partyId, kind: "restricted_contact", clearedById: input.setById, at: input.at });
  const flag = await tx.partyFlag.create({
    data: { partyId: input.partyId, kind: input.kind, summary: input.summary, reviewAt: input.reviewAt ?? null, setAt: input.at, setById: input.setById },
    select: { id: true },
  });
  return flag.id;
}

/** Clears a party's active flags of one kind; returns how many were cleared. */
export async function clearFlags(tx: Tx, input: { partyId: string; kind: FlagKind; clearedById: string; at: Date }): Promise<number> {
  const cleared = await tx.partyFlag.updateMany({ where: { partyId: input.partyId, kind: input.kind, clearedAt: null }, data: { clearedAt: input.at, clearedById: input.clearedById } });
  return cleared.count;
}

/**
 * A restricted contact set from a chat behaviour review: on the party with the chat's email
 * (created when we have never dealt with them), reviewed after six months.
 */
export const RESTRICTION_REVIEW_DAYS = 182;
export async function restrictContactByEmail(tx: Tx, input: { email: string; name: string | null; language: "en" | "cy"; arrangement: string; setById: string; at: Date }) {
  const partyId = await findOrCreatePerson(tx, { name: input.name ?? input.email, email: input.email, preferredLanguage: input.language }, "keep");
  const reviewAt = new Date(input.at.getTime() + RESTRICTION_REVIEW_DAYS * 86_400_000);
  const flagId = await setFlag(tx, { partyId, kind: "restricted_contact", summary: input.arrangement, reviewAt, setById: input.setById, at: input.at });
  return { partyId, flagId };
}

/** Rewrites one flag's words and review date; `reactivate` sets a cleared flag again. */
export async function updateFlag(tx: Tx, flagId: string, change: { summary?: string; reviewAt?: Date | null; reactivate?: boolean }): Promise<void> {
  await tx.partyFlag.update({
    where: { id: flagId },
    data: {
      ...(change.summary !== undefined ? { summary: change.summary } : {}),
      ...(change.reviewAt !== undefined ? { reviewAt: change.reviewAt } : {}),
      ...(change.reactivate ? { clearedAt: null, clearedById: null } : {}),
    },
  });
}

/** Clears one flag; `note` replaces its words (e.g. a dated note that the details were removed). */
export async function clearFlag(tx: Tx, flagId: string, input: { clearedById: string; at: Date; note?: string }): Promise<void> {
  await tx.partyFlag.update({ where: { id: flagId }, data: { clearedAt: input.at, clearedById: input.clearedById, ...(input.note !== undefined ? { summary: input.note } : {}) } });
}
