// A browser-like visitor from an address of its own (the hostile server trusts X-Forwarded-For),
// and the journeys the attacks need.
import { inject } from "vitest";
import { FORM_TIME_FIELD, issueFormTime } from "../../server/http/csrf";
import { BrowserLikeClient } from "../support/browser-like-client";

export const baseUrl = inject("hostileUrl");
export const mailDir = inject("hostileMailDir");
const secret = inject("hostileSecret");

/**
 * A fresh address for each visitor that asks for one: random in 10.0.0.0/8, so two test files
 * (each with its own module state) never share an address and with it a day's quota.
 */
export const newAddress = () => `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
export const unique = () => Math.random().toString(36).slice(2, 10);

export class Visitor extends BrowserLikeClient {
  constructor(readonly address = newAddress()) {
    super(baseUrl, { "x-forwarded-for": address });
  }
  /** The form time as a person who took `ms` over the page would send it (the test knows the server's secret). */
  filledOver(ms: number): Record<string, string> {
    return { [FORM_TIME_FIELD]: issueFormTime(secret, this.csrfToken(), Date.now() - ms) };
  }
}

/** The contact journey up to its check page; returns the idempotency key there. */
export async function contactUpToCheck(v: Visitor, details: { name?: string; email: string; question?: string }, prefix: "" | "/cy" = "") {
  await v.get(`${prefix}/contact`);
  await v.post(`${prefix}/contact`, { question: details.question ?? `Can my landlord share my number? ${unique()}` });
  await v.get(`${prefix}/contact/details`);
  await v.post(`${prefix}/contact/details`, { name: details.name ?? "Sam Tester", email: details.email });
  await v.get(`${prefix}/contact/check`);
  return /name="idempotencyKey" value="([^"]+)"/.exec(v.lastHtml)![1]!;
}

/** The whole contact journey, sent as a person would (after reading the check page): the ENQ reference. */
export async function askQuestion(v: Visitor, details: { name?: string; email: string; question?: string }) {
  const key = await contactUpToCheck(v, details);
  const sent = await v.post("/contact/check", { idempotencyKey: key, ...v.filledOver(5_000) });
  if (sent.status !== 302 || !/confirmation/.test(sent.headers.get("location") ?? "")) throw new Error(`contact not sent: ${sent.status} ${sent.headers.get("location")}`);
  await v.get("/contact/confirmation");
  return /data-testid="reference">(ENQ\d{7})</.exec(v.lastHtml)![1]!;
}

export async function staff(who: "officer" | "manager" | "admin" | "adviser" | "head") {
  const v = new Visitor();
  await v.get("/staff/sign-in");
  const res = await v.post("/staff/sign-in", { email: `${who}@doorstep.example`, password: `demo-${who}-2026` });
  if (res.status !== 302) throw new Error(`sign-in as ${who}: ${res.status}`);
  return v;
}
