// What the confirmation page advises, chosen by what was reported, and the TPS 28-day rule.
import { addCalendarDays, type IsoDate } from "../cases/working-days.js";
import type { ContactKind } from "./kinds.js";

export const ADVICE = ["tps", "fps", "tps_wait", "forward_7726", "block", "phishing", "premium_rate", "consent", "ask_to_stop"] as const;
export type Advice = (typeof ADVICE)[number];

/** The Telephone (and Fax) Preference Service takes 28 days to take effect after registering. */
export const TPS_DAYS = 28;

export type PreferenceAnswer = "yes" | "no" | "not_sure";

export type ReportFacts = {
  kinds: readonly ContactKind[];
  premiumRate: boolean;
  tps: PreferenceAnswer | null;
  /** When they registered (TPS, or FPS for faxes), if they said. */
  registeredOn: IsoDate | null;
  /** The latest date a call or fax came. */
  latestContactOn: IsoDate | null;
  consent: "no" | "consented" | "customer" | "not_sure" | null;
  askedToStop: "yes" | "no" | null;
};

/** True when a call came less than 28 days after registering: the registration was not yet in force. */
export function withinTpsWait(registeredOn: IsoDate | null, contactOn: IsoDate | null): boolean {
  if (!registeredOn || !contactOn) return false;
  return contactOn < addCalendarDays(registeredOn, TPS_DAYS);
}

/**
 * Whether the person's Telephone Preference Service registration covered this contact: they said
 * they are registered, it was a call (texts, emails and faxes are not the TPS's), and it came 28
 * days or more after the registration date when they gave one. Counted per contact, so an
 * offender's "TPS share" is the share of calls that broke a registration in force.
 */
export function tpsAppliedTo(about: { tps: PreferenceAnswer | null; registeredOn: IsoDate | null }, contact: { kind: ContactKind; date: IsoDate }): boolean {
  if (about.tps !== "yes") return false;
  if (contact.kind !== "live_call" && contact.kind !== "recorded_call") return false;
  return !withinTpsWait(about.registeredOn, contact.date);
}

export function chooseAdvice(f: ReportFacts): Advice[] {
  const out: Advice[] = [];
  const calls = f.kinds.some((k) => k === "live_call" || k === "recorded_call");
  const fax = f.kinds.includes("fax");
  if (calls && f.tps !== "yes") out.push("tps");
  if (fax && f.tps !== "yes") out.push("fps");
  if ((calls || fax) && f.tps === "yes" && withinTpsWait(f.registeredOn, f.latestContactOn)) out.push("tps_wait");
  if (f.kinds.includes("text")) out.push("forward_7726");
  if (calls || f.kinds.includes("text")) out.push("block");
  if (f.kinds.includes("email")) out.push("phishing");
  if (f.premiumRate) out.push("premium_rate");
  if (f.consent === "consented" || f.consent === "customer") out.push("consent");
  if (f.askedToStop !== "yes") out.push("ask_to_stop");
  return out;
}
