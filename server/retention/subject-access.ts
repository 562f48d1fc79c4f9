// "A copy of what the portal holds about me": every record tied to one email address.
//
// The customer's data, all of it, and nothing that is someone else's:
// - all of it: party, flags, cases (with their timeline), adjustment requests, nuisance
//   reports, chat conversations and transcripts, emails we sent them and mail they sent us;
// - not someone else's: no staff notes (case notes, callback notes, chat notes), no staff ids
//   or names, no linked cases (other people's), no reasons staff recorded for a restriction
//   or for no further contact, and no live tokens (the consent link in an email is masked).
// - the same access rules as the screens: what they find hard (an adjustment's sensitive text)
//   is included only when the member of staff preparing the copy may read it on the screen
//   (server/auth/permissions.ts, canReadSensitive); otherwise the copy says it was withheld and
//   who can add it. Every sensitive text included is audited like a screen view.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { canReadSensitive, type StaffLike } from "../auth/permissions.js";
import { normaliseEmail } from "../domain/cases/create-case.js";

/** The subject as the audit log names them when they have no party row: a hash, never the address. */
export const subjectHash = (email: string) => `sha256:${createHash("sha256").update(normaliseEmail(email)).digest("hex").slice(0, 32)}`;

// Case timeline: what each kind of event may show the customer. Anything else (a staff note,
// an allocation to a named officer, a link to another person's case, a callback note, an NFC
// reason) is left out; unknown kinds show only that something happened and when.
const TIMELINE: Record<string, readonly string[] | null> = {
  created: ["channel"],
  queued: [],
  acknowledgement_queued: [],
  allocated: [],
  under_way: [],
  answered: [],
  contact: ["method", "direction", "summary"],
  type_changed: ["from", "to"],
  closed: ["outcome"],
  reopened: ["instance"],
  restricted_contact_set: ["reviewOn"],
  restricted_contact_lifted: [],
  no_further_contact: [],
  callback_requested: ["dueAt"],
  callback_done: [],
  complaint_recorded: [],
  note: null,
  linked: null,
};

const pick = (data: unknown, keys: readonly string[]) => {
  const source = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
};

/** Removes staff identifiers (…Id, …ById, by) from JSON the customer's answers were stored in. */
function withoutStaffIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStaffIds);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !/(Id|ById)$/.test(k) && k !== "by")
        .map(([k, v]) => [k, withoutStaffIds(v)]),
    );
  }
  return value;
}

/** Live links in emails we sent (consent withdrawal, resume, reminder stop, tracking) carry tokens: masked in the copy. */
export const maskTokens = (text: string) => text.replace(/(\/(?:adjustments\/consent|concerns\/resume|reminders\/stop|track\/case|track\/record)\/)[A-Za-z0-9_-]{8,}/g, "$1[removed]");

export async function subjectAccessExport(prisma: PrismaClient, email: string, now: Date, staff: StaffLike) {
  const address = email.trim();
  const emailNormalised = normaliseEmail(address);
  const insensitive = { equals: address, mode: "insensitive" as const };
  const party = await prisma.party.findUnique({
    where: { emailNormalised },
    include: {
      flags: { orderBy: { setAt: "asc" } },
      cases: {
        where: { role: "customer" },
        include: {
          case: {
            include: {
              events: { orderBy: { at: "asc" }, select: { kind: true, at: true, data: true } },
              callbacks: { select: { requestedAt: true, dueAt: true, doneAt: true }, orderBy: { requestedAt: "asc" } },
              concernAttachments: { select: { fileName: true, createdAt: true } },
            },
          },
        },
      },
    },
  });
  const adjustments = await prisma.adjustmentRequest.findMany({
    where: { OR: [...(party ? [{ partyId: party.id }] : []), { email: insensitive }] },
    include: { events: { select: { kind: true, at: true }, orderBy: { at: "asc" } }, conferences: { orderBy: { openedAt: "asc" } } },
    orderBy: { receivedAt: "asc" },
  });
  const nuisance = await prisma.nuisanceReport.findMany({ where: { email: insensitive }, include: { contacts: { orderBy: { position: "asc" } } }, orderBy: { receivedAt: "asc" } });
  const chats = await prisma.chatConversation.findMany({
    where: { customerEmail: insensitive },
    include: { messages: { where: { kind: { not: "note" } }, orderBy: { seq: "asc" }, select: { author: true, kind: true, text: true, createdAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  const emails = await prisma.emailMessage.findMany({ where: { to: insensitive }, select: { subject: true, text: true, createdAt: true, sentAt: true, language: true, kind: true }, orderBy: { createdAt: "asc" } });
  const inbound = await prisma.inboundMail.findMany({ where: { fromNormalised: emailNormalised }, select: { receivedAt: true, fromName: true, fromAddress: true, subject: true, text: true, attachmentCount: true }, orderBy: { receivedAt: "asc" } });
  // "Email me on that day" reminders: the day, the language, what happened to it, and the saved
  // answers it leads back to while they are kept. Never the stop token's hash.
  const reminders = await prisma.reminder.findMany({
    where: { email: insensitive },
    select: { dueOn: true, language: true, createdAt: true, sentAt: true, stoppedAt: true, journeyId: true },
    orderBy: { createdAt: "asc" },
  });
  const drafts = reminders.length
    ? await prisma.concernDraft.findMany({ where: { journeyId: { in: reminders.map((r) => r.journeyId) } }, select: { journeyId: true, data: true, expiresAt: true } })
    : [];

  if (!party && adjustments.length + nuisance.length + chats.length + emails.length + inbound.length + reminders.length === 0) return null;

  // Whose data it is and what was released, for the audit row (never the address itself).
  const included: { id: string; reference: string }[] = [];
  const withheld: string[] = [];
  const adjustmentRows = adjustments.map((a) => {
    let difficulty: { text: string } | { withheld: true } | null = null;
    if (a.difficulty !== null) {
      if (canReadSensitive(staff, a)) {
        difficulty = { text: a.difficulty };
        included.push({ id: a.id, reference: a.reference });
      } else {
        difficulty = { withheld: true };
        withheld.push(a.reference);
      }
    }
    return {
      reference: a.reference,
      status: a.status,
      receivedAt: a.receivedAt,
      language: a.language,
      needs: a.needs,
      otherNeed: a.otherNeed,
      duration: a.duration,
      whatYouFindHard: difficulty,
      consentGivenAt: a.difficultyConsentAt,
      consentWithdrawnAt: a.consentWithdrawnAt,
      name: a.name,
      email: a.email,
      phone: a.phone,
      postalAddress: a.postalAddress,
      replyBy: a.replyBy,
      decidedAt: a.decidedAt,
      agreedNeeds: a.agreedNeeds,
      instead: a.insteadText,
      declineReasons: a.declineReasons,
      alternatives: a.alternatives,
      toldAt: a.decisionToldAt,
      reviewDueAt: a.reviewDueAt,
      checkedAt: a.checkedAt,
      checkWorked: a.checkWorked,
      removedAt: a.removedAt,
      appeals: a.conferences.map((c) => ({ openedAt: c.openedAt, appeal: c.appeal, heldOn: c.heldOn, outcome: c.outcome, decision: c.decision, decidedAt: c.decidedAt })),
      timeline: a.events,
    };
  });

  return {
    copy: {
      generatedAt: now.toISOString(),
      about: address,
      person: party ? { name: party.name, email: party.email, phone: party.phone, preferredLanguage: party.preferredLanguage, createdAt: party.createdAt } : null,
      // The restriction's arrangement is how we will contact them, so it is theirs; the reason
      // for no further contact is the staff's record of a decision, so only that it was made.
      flags: (party?.flags ?? []).map((f) => ({ kind: f.kind, ...(f.kind === "no_further_contact" ? {} : { summary: f.summary }), setAt: f.setAt, reviewAt: f.reviewAt, clearedAt: f.clearedAt })),
      cases: (party?.cases ?? []).map(({ case: c }) => ({
        reference: c.reference,
        type: c.type,
        status: c.status,
        title: c.title,
        language: c.language,
        channel: c.channel,
        summary: c.summary,
        details: withoutStaffIds(c.details),
        createdAt: c.createdAt,
        closedAt: c.closedAt,
        outcome: c.outcome,
        timeline: c.events.filter((e) => TIMELINE[e.kind] !== null).map((e) => ({ kind: e.kind, at: e.at, ...pick(e.data, TIMELINE[e.kind] ?? []) })),
        callbacks: c.callbacks,
        attachments: c.concernAttachments,
      })),
      adjustmentRequests: adjustmentRows,
      nuisanceReports: nuisance.map((r) => ({
        reference: r.reference,
        receivedAt: r.receivedAt,
        language: r.language,
        name: r.name,
        email: r.email,
        phone: r.phone,
        tps: r.tps,
        registeredOn: r.registeredOn,
        consent: r.consent,
        askedToStop: r.askedToStop,
        wantsReply: r.wantsReply,
        contacts: r.contacts.map((c) => ({ kind: c.kind, occurredAt: c.occurredAt, from: c.fromTyped ?? c.senderAddress, to: c.toTyped, company: c.company, topic: c.topic, message: c.message, subject: c.subject, description: c.description })),
      })),
      // Advisers appear as "adviser": their names are theirs, and their notes are not the customer's.
      chats: chats.map((c) => ({
        startedAt: c.createdAt,
        endedAt: c.endedAt,
        language: c.language,
        topic: c.topic,
        name: c.customerName,
        email: c.customerEmail,
        transcriptRequested: c.transcriptConsent,
        rating: c.rating,
        ratingComment: c.ratingComment,
        caseReference: c.caseReference,
        transcript: c.messages.map((m) => ({ at: m.createdAt, from: m.author, text: m.text })),
      })),
      emailsWeSent: emails.map((e) => ({ ...e, text: maskTokens(e.text) })),
      mailTheySent: inbound,
      reminders: reminders.map((r) => {
        const draft = drafts.find((d) => d.journeyId === r.journeyId);
        return {
          about: "reporting a concern (saved answers)",
          remindOn: r.dueOn,
          language: r.language,
          askedAt: r.createdAt,
          sentAt: r.sentAt,
          stoppedAt: r.stoppedAt,
          savedAnswers: draft ? withoutStaffIds(draft.data) : null,
          savedAnswersKeptUntil: draft?.expiresAt ?? null,
        };
      }),
    },
    subject: { partyId: party?.id ?? null, hash: subjectHash(address) },
    sensitive: { included, withheld },
  };
}

/** How many records of each kind the copy holds: shown to the officer before release, and audited. */
export type SubjectAccessResult = NonNullable<Awaited<ReturnType<typeof subjectAccessExport>>>;

export function sectionCounts(copy: SubjectAccessResult["copy"]) {
  return {
    person: copy.person ? 1 : 0,
    flags: copy.flags.length,
    cases: copy.cases.length,
    adjustmentRequests: copy.adjustmentRequests.length,
    nuisanceReports: copy.nuisanceReports.length,
    chats: copy.chats.length,
    emailsWeSent: copy.emailsWeSent.length,
    mailTheySent: copy.mailTheySent.length,
    reminders: copy.reminders.length,
  };
}
