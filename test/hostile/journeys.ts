// The public forms the generator attacks, and how a visitor gets to each (the answers a person
// would give on the steps before it), so each hostile post reaches that form's own validation
// rather than bouncing off "start at the beginning".
import { BrowserLikeClient } from "../support/browser-like-client";
import { baseUrl } from "./support";

export type Pairs = [string, string][];
export type Step = { path: string; fields: Pairs; multipart?: boolean };

const unique = () => Math.random().toString(36).slice(2, 10);
function daysAgo(n: number) {
  const d = new Date(Date.now() - n * 86_400_000);
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(d)
    .split("-");
  return {
    day: String(Number(day)),
    month: String(Number(month)),
    year: year!,
  };
}
const date = (name: string, n: number): Pairs => {
  const d = daysAgo(n);
  return [
    [`${name}-day`, d.day],
    [`${name}-month`, d.month],
    [`${name}-year`, d.year],
  ];
};

/**
 * The browser-like client (test/support) from an address of its own, in one language, that keeps
 * the last CSRF token any page gave it (the generated cases choose which token to send).
 */
export class FuzzClient extends BrowserLikeClient {
  token = "";
  constructor(
    readonly address: string,
    readonly lang: "en" | "cy",
  ) {
    super(baseUrl, { "x-forwarded-for": address });
  }
  p(path: string) {
    return this.lang === "cy" ? `/cy${path}` : path;
  }
  protected override async received(response: Response): Promise<Response> {
    await super.received(response);
    const token = (response.headers.get("content-type") ?? "").includes("text/html") ? /name="csrf" value="([^"]*)"/.exec(this.lastHtml)?.[1] : undefined;
    if (token) this.token = token;
    return response;
  }
  /** GET then POST a step as a person would; throws unless it moved on. */
  async step(step: Step): Promise<string> {
    await this.get(this.p(step.path));
    const hidden = hiddenFields(this.lastHtml);
    const res = await this.post(this.p(step.path), [...hidden.filter(([k]) => !step.fields.some(([f]) => f === k)), ...step.fields], { multipart: step.multipart });
    if (res.status !== 302)
      throw new Error(
        `preparing ${step.path}: ${res.status} ${(await res.text())
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .slice(0, 400)}`,
      );
    return res.headers.get("location") ?? "";
  }
}

/** The hidden fields of a page's forms (idempotency keys, form times), without csrf and the honeypot. */
export function hiddenFields(html: string): Pairs {
  const out: Pairs = [];
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (name && name !== "csrf" && name !== "website" && name !== "lang" && !out.some(([k]) => k === name)) out.push([name, value.replace(/&amp;/g, "&").replace(/&quot;/g, '"')]);
  }
  return out;
}

const contact: Step[] = [
  {
    path: "/contact",
    fields: [["question", "Can my landlord share my number?"]],
  },
  {
    path: "/contact/details",
    fields: [
      ["name", "Sam Tester"],
      ["email", `sam-${unique()}@example.org`],
    ],
  },
  { path: "/contact/check", fields: [] },
];

const concernsQuestions: Step[] = [
  { path: "/concerns/q/topic", fields: [["topic", "personal"]] },
  { path: "/concerns/q/what-happened", fields: [["whatHappened", "sar"]] },
  {
    path: "/concerns/q/organisation",
    fields: [["organisation", "Acme Health Trust"]],
  },
  { path: "/concerns/q/location", fields: [["location", "uk"]] },
  { path: "/concerns/q/sector", fields: [["sector", "health"]] },
  { path: "/concerns/q/raised-on", fields: date("raisedOn", 35) },
  { path: "/concerns/q/extended", fields: [["extended", "no"]] },
  { path: "/concerns/q/last-contact", fields: date("lastContact", 35) },
];
const concernsReport: Step[] = [
  {
    path: "/concerns/report/details",
    fields: [["description", "They have not answered my request."]],
  },
  { path: "/concerns/report/timeline", fields: [["intent", "continue"]] },
  {
    path: "/concerns/report/wanted",
    fields: [["wanted", "Send my information"]],
  },
  {
    path: "/concerns/report/representative",
    fields: [["representative", "no"]],
  },
  {
    path: "/concerns/report/files",
    fields: [["intent", "continue"]],
    multipart: true,
  },
  {
    path: "/concerns/report/contact",
    fields: [
      ["name", "Sam Jones"],
      ["email", `sam-${unique()}@example.org`],
      ["contactMethod", "email"],
    ],
  },
  { path: "/concerns/report/language", fields: [["language", "en"]] },
  { path: "/concerns/report/adjustments", fields: [["adjustments", "no"]] },
  { path: "/concerns/report/check", fields: [] },
];

const adjustments: Step[] = [
  {
    path: "/adjustments/needs",
    fields: [
      ["needs", "large_print"],
      ["needs", "phone_not_writing"],
      ["other", ""],
    ],
  },
  { path: "/adjustments/more", fields: [["size", "24"]] },
  { path: "/adjustments/duration", fields: [["duration", "ongoing"]] },
  { path: "/adjustments/case", fields: [["caseReference", ""]] },
  {
    path: "/adjustments/about-you",
    fields: [
      ["difficulty", "Long phone calls"],
      ["consent", "yes"],
    ],
  },
  {
    path: "/adjustments/contact",
    fields: [
      ["name", "Sam Example"],
      ["email", `sam-${unique()}@example.org`],
      ["phone", ""],
    ],
  },
  {
    path: "/adjustments/reply",
    fields: [
      ["replyBy", "email"],
      ["address", ""],
    ],
  },
  { path: "/adjustments/check", fields: [] },
];

const today = date("date", 0);
const call: Pairs = [
  ["kind", "live_call"],
  ...today,
  ["time", ""],
  ["timeUnknown", "yes"],
  ["fromStatus", "given"],
  ["from", "07700 900123"],
  ["to", ""],
  ["company", "Acme Solar Ltd"],
  ["topic", "energy_home_improvements"],
  ["description", ""],
];
const email: Pairs = [
  ["kind", "email"],
  ...date("date", 1),
  ["time", "10:00"],
  ["from", "spam@spam.example"],
  ["to", ""],
  ["company", ""],
  ["topic", "investments"],
  ["subject", "Offer"],
  ["description", ""],
];
const nuisance: Step[] = [
  { path: "/report-nuisance/kind", fields: [["kind", "live_call"]] },
  { path: "/report-nuisance/contact/new?kind=live_call", fields: call },
  { path: "/report-nuisance/contacts", fields: [["another", "no"]] },
  {
    path: "/report-nuisance/about-you",
    fields: [
      ["tps", "yes"],
      ["registered-day", ""],
      ["registered-month", ""],
      ["registered-year", ""],
      ["consent", "no"],
      ["askedToStop", "yes"],
    ],
  },
  {
    path: "/report-nuisance/your-details",
    fields: [
      ["wantsReply", "yes"],
      ["name", "Sam Tester"],
      ["email", `sam-${unique()}@example.org`],
      ["phone", ""],
    ],
  },
  { path: "/report-nuisance/check", fields: [] },
];

/** A public form under attack: the steps before it, and the plausible answers the cases start from. */
export type Target = {
  name: string;
  /** The steps to walk before (each visitor once), then the form itself (possibly several of one route). */
  before: Step[];
  forms: Step[];
  fileField?: string;
  /** Tables whose rows a post accepted here may add (a whole record); every other table must not change. */
  creates?: string[];
};

/**
 * Each step of a journey as a target, the steps before it walked first (`names` where the step's
 * path is not its route's name). Its last step (check and send) may create a whole record.
 */
function everyStep(journey: Step[], names: Record<number, string> = {}): Target[] {
  return journey.map((step, i) => ({
    name: names[i] ?? step.path,
    before: journey.slice(0, i),
    forms: [step],
    creates: i === journey.length - 1 ? ["*"] : undefined,
  }));
}

export const TARGETS: Target[] = [
  ...everyStep(contact),
  { name: "/concerns/q/:step", before: [], forms: concernsQuestions },
  {
    name: "/concerns/report/:step",
    before: concernsQuestions,
    forms: concernsReport.filter((s) => !s.multipart && s.path !== "/concerns/report/check"),
  },
  {
    name: "/concerns/report/files",
    before: [...concernsQuestions, ...concernsReport.slice(0, 4)],
    forms: [concernsReport[4]!],
    fileField: "files",
    creates: ["ConcernAttachment", "OutboxEvent"],
  },
  {
    name: "/concerns/report/check",
    before: [...concernsQuestions, ...concernsReport.slice(0, 8)],
    forms: [concernsReport[8]!],
    creates: ["*"],
  },
  {
    name: "/concerns/save",
    before: [...concernsQuestions, concernsReport[0]!],
    forms: [
      {
        path: "/concerns/save",
        fields: [["email", `save-${unique()}@example.org`]],
      },
    ],
    creates: ["ConcernDraft", "EmailMessage", "OutboxEvent"],
  },
  {
    name: "/concerns/remind",
    before: [],
    forms: [
      {
        path: "/concerns/remind",
        fields: [["email", `remind-${unique()}@example.org`]],
      },
    ],
    creates: ["ConcernReminder", "EmailMessage"],
  },
  ...everyStep(nuisance, { 1: "/report-nuisance/contact/:id" }),
  {
    name: "/report-nuisance/contact/:id (email, .eml)",
    before: [],
    forms: [
      {
        path: "/report-nuisance/contact/new?kind=email",
        fields: email,
        multipart: true,
      },
    ],
    fileField: "eml",
    creates: ["NuisanceEml"],
  },
  ...everyStep(adjustments),
  {
    name: "/track",
    before: [],
    forms: [
      {
        path: "/track",
        fields: [
          ["reference", "ENQ0000001"],
          ["email", "sam@example.org"],
        ],
      },
    ],
    creates: ["TrackAccess", "EmailMessage"],
  },
  {
    name: "/track/case/:token",
    before: [],
    forms: [
      {
        path: "/track/case/TOKEN",
        fields: [["message", "Here is the letter"]],
        multipart: true,
      },
    ],
    fileField: "files",
    // With a live link (another person's, from setup) a message joins that case.
    creates: ["InboundMail", "CaseEvent", "ConcernAttachment", "OutboxEvent", "EmailMessage", "AuditEvent"],
  },
  {
    name: "/track/record/:token",
    before: [],
    forms: [
      {
        path: "/track/record/TOKEN",
        fields: [["message", "More about my request"]],
      },
    ],
  },
  {
    name: "/concerns/resume/:token",
    before: [],
    forms: [
      {
        path: "/concerns/resume/TOKEN",
        fields: [["email", "sam@example.org"]],
      },
    ],
  },
  {
    name: "/adjustments/consent/:token",
    before: [],
    forms: [{ path: "/adjustments/consent/TOKEN", fields: [["confirm", "yes"]] }],
  },
  {
    name: "/reminders/stop/:token",
    before: [],
    forms: [{ path: "/reminders/stop/TOKEN", fields: [["confirm", "yes"]] }],
  },
  {
    name: "/complain",
    before: [],
    forms: [
      {
        path: "/complain",
        fields: [
          ["reference", ""],
          ["whatHappened", "Nobody answered"],
          ["lateReason", ""],
          ["putRight", ""],
          ["name", "Sam Tester"],
          ["email", `complain-${unique()}@example.org`],
          ...date("eventOn", 3),
        ],
      },
    ],
    creates: ["*"],
  },
  {
    name: "/staff/sign-in",
    before: [],
    forms: [
      {
        path: "/staff/sign-in",
        fields: [
          ["email", "nobody@doorstep.example"],
          ["password", "not-the-password"],
        ],
      },
    ],
    creates: ["AuditEvent"],
  },
];
