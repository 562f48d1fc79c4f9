// The officer dealing with a record is told by email when the customer sends something: a case
// (inbound.ts, joinedToCase) or an adjustment request (a message from the tracking page or an
// email that joined it). Only the reference and a staff link: no personal data in the email.
// Nobody is told while the record is unassigned: it waits on the team's list.
import type { TransactionClient } from "../db";
import { mailText } from "./texts";

/** Queues the notice to the request's officer (if assigned and active), in the same transaction as the message. */
export async function tellAdjustmentOfficer(
  tx: TransactionClient,
  deps: { publicUrl: string },
  n: { reference: string; assignedToId: string | null; path: string; at: Date },
): Promise<boolean> {
  if (!n.assignedToId) return false;
  const officer = await tx.staffUser.findUnique({ where: { id: n.assignedToId }, select: { email: true, active: true } });
  if (!officer?.active) return false;
  const values = { reference: n.reference };
  await tx.emailMessage.create({
    data: {
      to: officer.email,
      subject: mailText("en", "officerNotice.adjustmentSubject", values),
      text: [mailText("en", "officerNotice.adjustmentBody", values), "", mailText("en", "officerNotice.link", { url: `${deps.publicUrl}${n.path}` })].join("\n"),
      language: "en",
      kind: "staff_correspondence_notice",
      createdAt: n.at,
      nextAttemptAt: n.at,
    },
  });
  return true;
}
