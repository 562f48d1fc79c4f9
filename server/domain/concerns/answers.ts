// The answers of the concerns assistant's questions (DESIGN §1), as plain values.
// Every answer is optional: the journey is computed from whatever has been answered so far.
import type { Sector } from "../cases/work-queues.js";
import type { IsoDate } from "../cases/working-days.js";

/** What the concern is about: the first question. */
export const TOPICS = ["personal", "foi", "eir", "marketing", "credit", "other"] as const;
export type Topic = (typeof TOPICS)[number];

/** For personal information: what happened. `sar` = no reply to a subject access request. */
export const WHAT_HAPPENED = ["sar", "wrong_info", "misuse", "breach", "cctv", "other"] as const;
export type WhatHappened = (typeof WHAT_HAPPENED)[number];

/** The kinds of the nuisance reporting tool (DESIGN §2), so the marketing outcome can pre-select one. */
export const MARKETING_CHANNELS = ["live_call", "recorded_call", "text", "email", "fax"] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

/** Channels where a premium-rate number can be involved (a call back, a reply text). */
export const PHONE_CHANNELS: readonly MarketingChannel[] = ["live_call", "recorded_call", "text"];

export const LOCATIONS = ["uk", "eea", "elsewhere"] as const;
export type Location = (typeof LOCATIONS)[number];

/** Reasons someone may report to us without raising it with the organisation first. */
export const EXCEPTIONS = ["whistleblower", "serious", "many_people"] as const;
export type ExceptionReason = (typeof EXCEPTIONS)[number];
/** The exclusive "none of these" answer of the exceptions question. */
export const NO_EXCEPTION = "none" as const;

export const YES_NO = ["yes", "no"] as const;
export type YesNo = (typeof YES_NO)[number];

export type Answers = {
  topic?: Topic;
  whatHappened?: WhatHappened;
  channel?: MarketingChannel;
  premiumRate?: YesNo;
  organisation?: string;
  location?: Location;
  /** ISO 3166-1 alpha-2 code of an EEA country (see remit.ts). */
  country?: string;
  sector?: Sector;
  /** Raised the concern with the organisation (personal information other than SAR, credit file). */
  raised?: YesNo;
  exceptions?: (ExceptionReason | typeof NO_EXCEPTION)[];
  /** The date they raised it: the subject access request, the concern, the FOI/EIR request. */
  raisedOn?: IsoDate;
  /** They have replied (and the person is not happy with the reply). */
  replied?: YesNo;
  /** Subject access: they said they need more time (up to 2 more months). */
  extended?: YesNo;
  repliedOn?: IsoDate;
  /** FOI/EIR: asked for an internal review. */
  reviewRequested?: YesNo;
  reviewRequestedOn?: IsoDate;
  reviewReplied?: YesNo;
  /** FOI/EIR: they said the review needs longer (40 working days at most). */
  reviewExtended?: YesNo;
  reviewRepliedOn?: IsoDate;
  /** The last meaningful contact with the organisation about this. */
  lastContact?: IsoDate;
};

export type AnswerKey = keyof Answers;
