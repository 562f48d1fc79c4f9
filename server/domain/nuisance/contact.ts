// One reported contact: the zod schema for what a person posts about it, and the checks that
// need the clock (impossible dates, times in the future). Errors are i18n keys in the
// "nuisance" namespace; nothing here knows about pages.
import { z } from "zod";
import { dateFailure, parseDateParts, type DatePart } from "../concerns/dates.js";
import { londonDate, londonOffsetMs, type IsoDate } from "../cases/working-days.js";
import { normaliseCompany } from "./company.js";
import { COMPANY_MAX, CONTACT_KINDS, DESCRIPTION_MAX, MESSAGE_MAX, SUBJECT_MAX, TOPICS, isPhoneKind, type ContactKind, type Topic } from "./kinds.js";
import { numberStatusOf, parsePhone, type NumberStatus } from "./phone.js";
import { parseSender } from "./sender.js";

/** A contact as kept in the draft and shown back: what the person gave, tidied. */
export type DraftContact = {
  id: string;
  kind: ContactKind;
  date: IsoDate;
  /** "14:05", or null when they do not know the exact time. */
  time: string | null;
  fromStatus: NumberStatus;
  /** The number, fax number or sender address it came from, as typed. */
  from: string;
  /** The number or address it reached (optional). */
  to: string;
  company: string;
  topic: Topic;
  /** Text: the wording of the message. */
  message: string;
  /** Email: the subject line. */
  subject: string;
  description: string;
  /** Email: a stored .eml file, by id. */
  emlId?: string | null;
  emlName?: string | null;
};

const text = (max: number, key: string) => z.string().trim().max(max, key).optional().default("");

/** The fields of the contact page; `kind` comes from the page's address. */
export const ContactFormSchema = z.object({
  kind: z.enum(CONTACT_KINDS, { error: "errors.kind.required" }),
  "date-day": z.string().optional().default(""),
  "date-month": z.string().optional().default(""),
  "date-year": z.string().optional().default(""),
  time: text(20, "errors.time.invalid"),
  // A ticked box posts "yes"; anything else means not ticked.
  timeUnknown: z.string().optional(),
  fromStatus: z.enum(["given", "withheld", "unknown"], { error: "errors.fromStatus.required" }),
  from: text(320, "errors.from.tooLong"),
  to: text(320, "errors.to.tooLong"),
  company: text(COMPANY_MAX, "errors.company.tooLong"),
  topic: z.enum(TOPICS, { error: "errors.topic.required" }),
  message: text(MESSAGE_MAX, "errors.message.tooLong"),
  subject: text(SUBJECT_MAX, "errors.subject.tooLong"),
  description: text(DESCRIPTION_MAX, "errors.description.tooLong"),
});
export type ContactForm = z.output<typeof ContactFormSchema>;

/** "14:30", "1430", "2:30pm", "2.30 pm", "9am" → "HH:MM"; null when it is not a time. */
export function parseTime(input: string): string | null {
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|yb|yh)?$/i.exec(input.trim().replace(/\s+/g, " "));
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const suffix = m[3]?.toLowerCase().replace(/\./g, "");
  if (!m[2] && !suffix) return null;
  if (minute > 59) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    // Welsh: yb (y bore, morning) and yh (yr hwyr, evening) as am and pm.
    const pm = suffix === "pm" || suffix === "yh";
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** London wall-clock date and time → the instant. Unknown times count as midday. */
export function occurredAt(date: IsoDate, time: string | null): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = (time ?? "12:00").split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let t = wall - londonOffsetMs(new Date(wall));
  t = wall - londonOffsetMs(new Date(t));
  return new Date(t);
}

/** How far ahead of the server's clock a time may be (a phone's clock a little fast). */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * `date` says where a date error is: the first wrong box (the error summary's link) and the boxes
 * to mark, as the "About you" date (dateFailure, shared with the concerns questions).
 */
export type ContactCheck =
  | { ok: true; contact: Omit<DraftContact, "id" | "emlId" | "emlName"> }
  | { ok: false; errors: Record<string, string>; date?: { box: DatePart; parts: DatePart[] } };

/** The checks after the schema: the date and time, and what each kind must have. */
export function checkContact(form: ContactForm, now: Date): ContactCheck {
  const errors: Record<string, string> = {};
  const date = parseDateParts({ day: form["date-day"], month: form["date-month"], year: form["date-year"] });
  let iso: IsoDate | null = null;
  let dateBoxes: { box: DatePart; parts: DatePart[] } | undefined;
  if (!date.ok) {
    // The code names the missing boxes ("incomplete_month"); the page's message names the date.
    const { code, box, parts } = dateFailure(date);
    errors.date = `errors.date.${code}`;
    dateBoxes = { box, parts };
  } else if (date.iso > londonDate(now)) {
    errors.date = "errors.date.future";
    dateBoxes = { box: "day", parts: ["day", "month", "year"] };
  } else iso = date.iso;

  let time: string | null = null;
  if (form.timeUnknown !== "yes") {
    if (form.time === "") errors.time = "errors.time.required";
    else {
      time = parseTime(form.time);
      if (!time) errors.time = "errors.time.invalid";
      else if (iso && occurredAt(iso, time).getTime() > now.getTime() + CLOCK_SLACK_MS) errors.time = "errors.time.future";
    }
  }

  const kind = form.kind;
  // Email senders are always shown by mail programs; withheld and unknown are for numbers.
  const fromStatus: NumberStatus = kind === "email" ? "given" : form.fromStatus === "given" ? numberStatusOf(form.from) : form.fromStatus;
  if (form.fromStatus === "given" && form.from === "") errors.from = kind === "email" ? "errors.from.emailRequired" : "errors.from.required";
  if (kind === "email" && form.from !== "" && !parseSender(form.from).address) errors.from = "errors.from.emailInvalid";
  if (kind === "text" && form.message === "") errors.message = "errors.message.required";

  if (Object.keys(errors).length > 0) return { ok: false, errors, ...(dateBoxes ? { date: dateBoxes } : {}) };
  return {
    ok: true,
    contact: {
      kind,
      date: iso!,
      time,
      fromStatus,
      from: fromStatus === "given" ? form.from : "",
      to: form.to,
      company: form.company,
      topic: form.topic,
      message: kind === "text" ? form.message : "",
      subject: kind === "email" ? form.subject : "",
      description: form.description,
    },
  };
}

/** The columns a contact is stored and grouped by. */
export type ContactKeys = {
  fromTyped: string | null;
  fromNumber: string | null;
  fromUnparsed: boolean;
  premiumRate: boolean;
  senderAddress: string | null;
  senderDomain: string | null;
  companyNormalised: string | null;
  occurredAt: Date;
  timeKnown: boolean;
};

export function contactKeys(contact: Omit<DraftContact, "id">): ContactKeys {
  const base = {
    occurredAt: occurredAt(contact.date, contact.time),
    timeKnown: contact.time !== null,
    companyNormalised: contact.company ? normaliseCompany(contact.company) : null,
  };
  if (contact.fromStatus !== "given" || contact.from === "") {
    return { ...base, fromTyped: null, fromNumber: null, fromUnparsed: false, premiumRate: false, senderAddress: null, senderDomain: null };
  }
  if (!isPhoneKind(contact.kind)) {
    const sender = parseSender(contact.from);
    return { ...base, fromTyped: sender.typed, fromNumber: null, fromUnparsed: sender.address === null, premiumRate: false, senderAddress: sender.address, senderDomain: sender.domain };
  }
  const phone = parsePhone(contact.from);
  return { ...base, fromTyped: phone.typed, fromNumber: phone.e164, fromUnparsed: phone.unparsed, premiumRate: phone.premiumRate, senderAddress: null, senderDomain: null };
}
