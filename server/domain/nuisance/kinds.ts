// What can be reported: the kinds of contact, the fixed list of topics, and the limits.

export const CONTACT_KINDS = ["live_call", "recorded_call", "text", "email", "fax"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const TOPICS = [
  "accident_claims",
  "energy_home_improvements",
  "insurance",
  "debt",
  "pensions",
  "ppi",
  "health",
  "lifestyle_surveys",
  "charity",
  "investments",
  "other",
] as const;
export type Topic = (typeof TOPICS)[number];

/** Kinds that came from a phone number (the sender is a number, not an address). */
export const isPhoneKind = (kind: ContactKind) => kind !== "email";

/**
 * The most contacts one report can hold. Enough for anyone logging a month of calls; beyond it we
 * ask for a second report, so one submission stays quick to store and to check.
 */
export const MAX_CONTACTS = 50;
export const DESCRIPTION_MAX = 2000;
export const MESSAGE_MAX = 2000;
export const SUBJECT_MAX = 300;
export const COMPANY_MAX = 200;
export const EML_MAX_BYTES = 2 * 1024 * 1024;
