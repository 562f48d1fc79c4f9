// A complaint about our service (an RCC case) made by the public, from its own form (/complain)
// or from a case's tracking page. It is linked to the case it is about only when we know the
// person is that case's customer: they came from the emailed tracking link, or the reference and
// email address they typed match the case. Otherwise the reference they named is kept in the
// details for staff ("not confirmed"), never linked, so nobody can attach words to another
// person's case. Complaints are accepted within 3 months of the event; a later one is recorded
// as late with the reason given and a manager decides (the staff case page), as the procedure says.
import cy from "../../locales/cy/complain.json";
import en from "../../locales/en/complain.json";
import { formatDate } from "../../shared/format";
import type { Lang } from "../../shared/lang";
import type { Prisma } from "../db";
import { createCase, formatReference, normaliseEmail, parseReference } from "../domain/cases";
import { complaintDeadline, isComplaintInTime } from "../domain/cases/clocks.js";
import { londonDate, type IsoDate } from "../domain/cases/working-days.js";
import { emit } from "../outbox/emit.js";

export type PublicComplaint = {
  name: string;
  email: string;
  /** The case it is about, as typed (optional on the form), or from the tracking link. */
  reference?: string;
  /** From the tracking link: the case's reference and address are already confirmed. */
  confirmed?: boolean;
  eventOn: IsoDate;
  whatHappened: string;
  putRight?: string;
  lateReason?: string;
};

/** The complaint texts, straight from the locale file (server/ never imports app/). */
function text(lang: Lang, key: string, values: Record<string, string> = {}): string {
  let node: unknown = (lang === "cy" ? cy : en) as unknown;
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== "string") return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");
}

/** Whether an event on this date may still be complained about (the form asks for a reason if not). */
export const complaintInTime = (eventOn: IsoDate, now: Date) => isComplaintInTime(eventOn, now);
export const isFutureDate = (eventOn: IsoDate, now: Date) => eventOn > londonDate(now);

/**
 * `acknowledge: false` creates the complaint without its acknowledgement email: the address was
 * typed on a public form and its day's acknowledgements are spent (server/limits/public.ts).
 */
export async function submitPublicComplaint(deps: { prisma: Prisma; now: () => Date }, input: { complaint: PublicComplaint; lang: Lang; idempotencyKey: string; acknowledge?: boolean }) {
  const now = deps.now();
  const { complaint, lang } = input;
  const parsed = complaint.reference ? parseReference(complaint.reference) : null;
  const claimed = parsed ? formatReference(parsed.type, parsed.number) : null;
  // The case is linked only when this person is its customer.
  const about = claimed
    ? await deps.prisma.case.findFirst({
        where: { reference: claimed, parties: { some: { role: "customer", party: { emailNormalised: normaliseEmail(complaint.email) } } } },
        select: { id: true, reference: true },
      })
    : null;
  const inTime = isComplaintInTime(complaint.eventOn, now);
  const details = {
    form: "complaint",
    version: 1,
    about: about?.reference ?? null,
    // Named on the form but not this person's case (or no such case): for staff to look into.
    namedReference: about ? null : claimed,
    eventOn: complaint.eventOn,
    deadline: complaintDeadline(complaint.eventOn),
    inTime,
    whatHappened: complaint.whatHappened,
    putRight: complaint.putRight || null,
    lateReason: inTime ? null : complaint.lateReason || null,
    fromTrackingLink: Boolean(complaint.confirmed && about),
  };
  const summary = [complaint.whatHappened, complaint.putRight ? `\n${complaint.putRight}` : ""].join("");
  const result = await createCase(deps, {
    type: "RCC",
    channel: "web_form",
    language: lang,
    summary,
    subject: about ? `about ${about.reference}` : complaint.name,
    details,
    late: !inTime,
    idempotencyKey: input.idempotencyKey,
    customer: { name: complaint.name, email: complaint.email, preferredLanguage: lang },
    emails: (created) =>
      input.acknowledge === false
        ? []
        : [
            {
              to: complaint.email,
              subject: text(lang, "email.subject", { reference: created.reference }),
              text: [
                text(lang, "email.greeting", { name: complaint.name }),
                "",
                text(lang, "email.body", { reference: created.reference }),
                about ? text(lang, "email.about", { about: about.reference }) : "",
                "",
                text(lang, inTime ? "email.next" : "email.late", { date: formatDate(created.clocks.answerBy, lang) }),
                "",
                text(lang, "email.quote", { reference: created.reference }),
                "",
                text(lang, "email.signoff"),
              ]
                .filter((line, i, all) => !(line === "" && all[i - 1] === ""))
                .join("\n"),
              language: lang,
              kind: "complaint_acknowledgement",
            },
          ],
    alsoInTransaction: about
      ? async (tx, created) => {
          await tx.caseLink.createMany({
            data: [
              { caseId: created.id, linkedId: about.id, createdAt: now },
              { caseId: about.id, linkedId: created.id, createdAt: now },
            ],
          });
          // On the case it is about too, as when staff record one (server/domain/cases/case-work.ts).
          await tx.caseEvent.create({ data: { caseId: about.id, kind: "complaint_recorded", at: now, data: { reference: created.reference, inTime, channel: "web_form" } } });
          await emit(tx, { type: "case.complaint_recorded", aggregateId: about.id, at: now, data: { reference: about.reference, complaint: created.reference, inTime } });
        }
      : undefined,
  });
  return { reference: result.case.reference, about: about?.reference ?? null, inTime, created: result.created };
}
