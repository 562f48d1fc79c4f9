// Email senders: the address (lower-cased) and its domain, which is how a spammer using many
// mailboxes on one domain is seen as one sender.
import { z } from "zod";

export type ParsedSender = { typed: string; address: string | null; domain: string | null };

/** Accepts "Name <user@example.com>" as mail programs show it, or the bare address. */
export function parseSender(input: string): ParsedSender {
  const typed = input.trim().slice(0, 320);
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(typed);
  const candidate = (angle ? angle[1]! : typed).trim().toLowerCase().replace(/^mailto:/, "");
  if (!z.email().safeParse(candidate).success) return { typed, address: null, domain: null };
  return { typed, address: candidate, domain: candidate.slice(candidate.lastIndexOf("@") + 1) };
}
