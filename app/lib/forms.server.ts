// Reading and validating posted forms: CSRF first, then zod through conform.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "react-router";
import type { z } from "zod";
import type { DatePart, FieldError } from "~/components/form/field-error";
import { FORM_TIME_FIELD, formAgeMs, isValidCsrfToken } from "../../server/http/csrf";
import { isLimited, secondsToWait } from "../../server/limits";
import { publicLimits } from "../../server/limits/public";

/** Must match HONEYPOT_FIELD in app/components/form/csrf.tsx (server code does not import components). */
const HONEYPOT_FIELD = "website";

/**
 * Form posts to public pages per address: generous for people (a whole journey is about ten
 * posts), a stop for a script posting at machine speed. Staff pages have their own controls.
 */
export const PUBLIC_POSTS = { points: 1000, duration: 10 * 60 };
import { giveBackWithNotice, keepTypedOnLanguageSwitch } from "./typed.server";

/**
 * Counts one public form post from this address against PUBLIC_POSTS; over it, 429 (the root
 * error page says so in the person's language, "tooManyRequests"). readForm does it for every
 * public form; a route that reads its body otherwise (the tracking page's files) calls it itself.
 */
export async function countPublicPost(context: AppLoadContext): Promise<void> {
  const limiter = context.services.limits.create({ keyPrefix: "public-form-ip", ...PUBLIC_POSTS, points: context.services.config.publicPostsPer10Min });
  try {
    await limiter.consume(context.clientIp);
  } catch (error) {
    if (!isLimited(error)) throw error;
    throw data({ reason: "tooMany" }, { status: 429, headers: { "Retry-After": String(secondsToWait(error)) } });
  }
}

/**
 * Whether a multipart post's fields (read before its files are stored) came from our page and a
 * person: the CSRF token matches and the honeypot is empty. The upload routes pass it to
 * receiveUploads as `accept`, so a script's files are never stored.
 */
export function isGenuinePublicForm(csrfToken: string, form: FormData): boolean {
  const honeypot = form.get(HONEYPOT_FIELD);
  return isValidCsrfToken(csrfToken, form.get("csrf")) && (honeypot === null || honeypot === "");
}

export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  const pathname = new URL(request.url).pathname;
  if (!/^(\/cy)?\/staff(\/|$)/.test(pathname)) await countPublicPost(context);
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw data({ reason: "badRequest" }, { status: 400 });
  }
  if (!isValidCsrfToken(context.csrfToken, formData.get("csrf"))) {
    throw data({ reason: "expired" }, { status: 403 });
  }
  // The honeypot (see CsrfInput): people never see it, so anything in it came from a script.
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (honeypot !== null && honeypot !== "") throw data({ reason: "badRequest" }, { status: 400 });
  // A NUL character cannot be stored in PostgreSQL text (drafts, cases): refused here as a bad
  // request rather than failing at the database as a 500 (found by test/hostile/). No one types one.
  for (const [, value] of formData) {
    if (typeof value === "string" && value.includes("\u0000")) throw data({ reason: "badRequest" }, { status: 400 });
  }
  // The language switch on a form page: keep what was typed, show the page in the other language.
  await keepTypedOnLanguageSwitch(request, context, formData);
  return formData;
}

/**
 * The last step of a public journey, the one that creates a record and may send an email, after
 * readForm. In order:
 * - the fill-time check: a post sooner than config.publicFormMinFillMs after the page was given
 *   out (or with no valid time at all) is a script's; a person who is that quick, or whose page
 *   came from before a deploy, is shown the same page again with a message, nothing lost;
 * - the day's quota of submissions from this address: 429 with its own message (the answers stay
 *   in the draft, so they can be sent tomorrow);
 * - the day's acknowledgements to this recipient: `acknowledge` false means create the record but
 *   send no email, so nobody can mail-bomb a stranger by typing their address into our forms.
 */
export async function guardSubmission(request: Request, context: AppLoadContext, form: FormData, recipient: string | null | undefined): Promise<{ acknowledge: boolean }> {
  const { config, limits, logger } = context.services;
  if (config.publicFormMinFillMs > 0) {
    const age = formAgeMs(config.sessionSecret, context.csrfToken, form.get(FORM_TIME_FIELD), Date.now());
    if (age === null || age < config.publicFormMinFillMs) await giveBackWithNotice(request, context, form, "formTooFast");
  }
  const guard = publicLimits(limits, { perAddress: config.publicAddressQuotas, submissionsPerDay: config.publicSubmissionsPerDay });
  const quota = await guard.submission(context.clientIp);
  if (!quota.ok) throw data({ reason: "dailyQuota" }, { status: 429, headers: { "Retry-After": String(quota.retryAfterSeconds) } });
  if (!recipient) return { acknowledge: false };
  const acknowledge = await guard.acknowledge(recipient);
  // No address in the log: only that the limit was met.
  if (!acknowledge) logger.info({ event: "acknowledgement.withheld" }, "acknowledgement not sent: the recipient's daily limit is met");
  return { acknowledge };
}

/**
 * For a public form that emails the address typed in it without making a record (save for
 * later): true when one more email may go to that mailbox today, counted with the forms'
 * acknowledgements (server/limits/public.ts), so no form can be used to mail-bomb a stranger.
 */
export async function mayEmailTypedAddress(context: AppLoadContext, recipient: string): Promise<boolean> {
  const { config, limits, logger } = context.services;
  const allowed = await publicLimits(limits, { perAddress: config.publicAddressQuotas, submissionsPerDay: config.publicSubmissionsPerDay }).acknowledge(recipient);
  if (!allowed) logger.info({ event: "email.withheld" }, "email not sent: the recipient's daily limit is met");
  return allowed;
}

/**
 * What a failed form sends back to its page: field name → i18n key of the field's first error,
 * the same errors in the kit's shape (`FieldError`: the id the error summary links to, a date's
 * wrong boxes, the values a message needs), and what the person typed.
 */
export type FormErrors = { errors: Record<string, string>; fieldErrors: FieldError[]; values: Record<string, string> };

/**
 * What a custom zod issue may carry in `params` for the kit: a date's `box` (the box its link goes
 * to, `<name>-<box>`) and `parts` (the boxes to mark; none means all three), and the values its
 * message needs (`date`, `eventKey`, `name`).
 */
type IssueParams = { box?: DatePart; parts?: DatePart[]; date?: string; eventKey?: string; name?: string };

export function validate<S extends z.ZodType>(formData: FormData, schema: S): { ok: true; value: z.output<S> } | ({ ok: false } & FormErrors) {
  const submission = parseWithZod(formData, { schema, formatError: (issues: Array<{ message: string }>) => issues[0]! });
  if (submission.status === "success") return { ok: true, value: submission.value as z.output<S> };
  const errors: Record<string, string> = {};
  const fieldErrors: FieldError[] = [];
  for (const [field, issue] of Object.entries(submission.error ?? {})) {
    if (!issue || field === "") continue;
    errors[field] = issue.message;
    const { box, parts, date, eventKey, name } = ((issue as { params?: IssueParams }).params ?? {}) as IssueParams;
    const params = date || eventKey || name ? { date, eventKey, name } : undefined;
    fieldErrors.push({ field: box ? `${field}-${box}` : field, key: issue.message, ...(params ? { params } : {}), ...(parts ? { parts } : {}) });
  }
  return { ok: false, errors, fieldErrors, values: typedValues(formData) };
}

/**
 * What the person typed, to show it again with an error: every text field but the CSRF token.
 * A refusal after the form was valid (the domain's "that date is in the future") needs it as
 * much as a schema error does, or the boxes come back empty.
 */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && key !== "csrf") values[key] = value;
  }
  return values;
}
