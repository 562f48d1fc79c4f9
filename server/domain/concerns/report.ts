// The report form that follows a "report it to us" outcome: its pages in order, which are
// complete, the timeline the journey already gives, and the structured details a case keeps.
import type { Sector } from "../cases/work-queues.js";
import type { IsoDate } from "../cases/working-days.js";
import type { Answers, YesNo } from "./answers.js";
import type { Evaluation, Outcome, ReportableCaseType } from "./journey.js";
import { answersOnPath, type Step } from "./steps.js";
import { stepAfter, walkPages, type PageList, type Walk } from "../journey/engine.js";

export const REPORT_LIMITS = {
  descriptionMax: 2000,
  wantedMax: 2000,
  lateReasonMax: 2000,
  timelineTextMax: 500,
  timelineEntriesMax: 20,
  nameMax: 100,
  relationshipMax: 100,
  addressMax: 500,
  adjustmentsMax: 1000,
} as const;

export const REPORT_STEPS = ["late-reason", "details", "timeline", "wanted", "representative", "files", "contact", "language", "adjustments"] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export function isReportStep(value: unknown): value is ReportStep {
  return typeof value === "string" && (REPORT_STEPS as readonly string[]).includes(value);
}

export const CONTACT_METHODS = ["email", "phone", "post"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const AUTHORITIES = ["consent", "legal"] as const;
export type Authority = (typeof AUTHORITIES)[number];

export type TimelineEntry = { date: IsoDate; text: string };

export type Report = {
  lateReason?: string;
  /** The reason for the delay has to do with a disability or health condition. */
  lateDisability?: YesNo;
  description?: string;
  /** What the person added to the timeline; the journey's own dates are added to it. */
  timeline?: TimelineEntry[];
  timelineDone?: boolean;
  wanted?: string;
  representative?: YesNo;
  representedName?: string;
  relationship?: string;
  authority?: Authority;
  filesDone?: boolean;
  name?: string;
  email?: string;
  phone?: string;
  contactMethod?: ContactMethod;
  address?: string;
  language?: "en" | "cy";
  adjustments?: YesNo;
  adjustmentsDetail?: string;
};

const filled = (value: unknown) => typeof value === "string" && value.trim().length > 0;

export function isReportStepDone(step: ReportStep, r: Report): boolean {
  switch (step) {
    case "late-reason":
      return filled(r.lateReason) && (r.lateDisability === "yes" || r.lateDisability === "no");
    case "details":
      return filled(r.description);
    case "timeline":
      return r.timelineDone === true;
    case "wanted":
      return filled(r.wanted);
    case "representative":
      return r.representative === "no" || (r.representative === "yes" && filled(r.representedName) && filled(r.relationship) && (r.authority === "consent" || r.authority === "legal"));
    case "files":
      return r.filesDone === true;
    case "contact":
      return (
        filled(r.name) &&
        filled(r.email) &&
        (r.contactMethod === "email" || (r.contactMethod === "phone" && filled(r.phone)) || (r.contactMethod === "post" && filled(r.address)))
      );
    case "language":
      return r.language === "en" || r.language === "cy";
    case "adjustments":
      return r.adjustments === "no" || r.adjustments === "yes";
  }
}

/** The report form as a journey: the reason for the delay only when the concern is late. */
export function reportJourney(late: boolean): PageList<ReportStep, Report> {
  return { pages: REPORT_STEPS, applies: (step) => late || step !== "late-reason", answered: isReportStepDone };
}

/** The report pages answered so far, and the next one (null: the person can check their answers). */
export function walkReport(report: Report, late: boolean): Walk<ReportStep, "complete"> {
  return walkPages(reportJourney(late), report);
}

/** The report pages that apply. */
export function reportSteps(late: boolean): ReportStep[] {
  return REPORT_STEPS.filter((s) => reportJourney(late).applies!(s, {}));
}

/** The first report page not yet complete, or null when the person can check their answers. */
export function nextReportStep(report: Report, late: boolean): ReportStep | null {
  return walkReport(report, late).next;
}

export function previousReportStep(step: ReportStep, late: boolean): ReportStep | null {
  const steps = reportSteps(late);
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1]! : null;
}

/**
 * The report page after answering `step`: the next page (answered or not, so back, back,
 * Continue shows each page again), or check answers at the end. When changing an answer from
 * check answers, only a page still incomplete is asked before going back there.
 */
export function reportStepAfter(report: Report, late: boolean, step: ReportStep, changing: boolean): ReportStep | null {
  const walk = walkReport(report, late);
  return changing ? walk.next : stepAfter(walk, step);
}

/** Dates the journey already knows, as timeline entries (their wording is chosen by `event`). */
export type JourneyEvent = "raised" | "replied" | "review_requested" | "review_replied" | "last_contact";
/** `index` is an own entry's place in Report.timeline (to remove it). */
export type TimelineItem = { date: IsoDate; event: JourneyEvent | "own"; text?: string; index?: number };

export function journeyTimeline(answers: Answers, path: readonly Step[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  const add = (step: Step, date: IsoDate | undefined, event: JourneyEvent) => {
    if (date && path.includes(step)) items.push({ date, event });
  };
  add("raised-on", answers.raisedOn, "raised");
  add("replied-on", answers.repliedOn, "replied");
  add("review-requested-on", answers.reviewRequestedOn, "review_requested");
  add("review-replied-on", answers.reviewRepliedOn, "review_replied");
  // The last contact is worth its own line only when it is not one of the dates above.
  if (answers.lastContact && path.includes("last-contact") && !items.some((i) => i.date === answers.lastContact)) items.push({ date: answers.lastContact, event: "last_contact" });
  return items;
}

/** The journey's dates and the person's own entries, oldest first (stable for equal dates). */
export function fullTimeline(answers: Answers, path: readonly Step[], own: readonly TimelineEntry[] = []): TimelineItem[] {
  const items = [...journeyTimeline(answers, path), ...own.map((e, index) => ({ date: e.date, event: "own" as const, text: e.text, index }))];
  return items.map((item, index) => ({ item, index })).sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.index - b.index)).map((x) => x.item);
}

export type AttachmentSummary = { id: string; fileName: string; mediaType: string; sizeBytes: number };

/** The organisation as the case records it. A credit file is always about a credit reference agency. */
export function organisationForCase(answers: Answers): { name: string; sector: Sector | null; location: "uk" | "eea" | "elsewhere" } {
  return {
    name: (answers.organisation ?? "").trim(),
    sector: answers.topic === "credit" ? "lenders_credit_reference" : (answers.sector ?? null),
    location: answers.location ?? "uk",
  };
}

export const CONCERN_DETAILS_VERSION = 1;

/**
 * Everything the person told us, as structured data for the case (`Case.details`), so a case
 * officer can start without writing back for the basics.
 */
export function concernCaseDetails(input: {
  answers: Answers;
  evaluation: Evaluation;
  report: Report;
  attachments: readonly AttachmentSummary[];
  journeyLanguage: "en" | "cy";
}) {
  const { evaluation, report } = input;
  const outcome = evaluation.outcome as Extract<Outcome, { kind: "report" | "report_late" }>;
  const late = outcome.kind === "report_late";
  return {
    form: "concerns",
    version: CONCERN_DETAILS_VERSION,
    journeyLanguage: input.journeyLanguage,
    caseType: outcome.caseType as ReportableCaseType,
    reason: outcome.reason,
    late,
    lateFrom: late ? outcome.lateFrom : null,
    answers: answersOnPath(input.answers, evaluation.path),
    questions: [...evaluation.path],
    timeline: fullTimeline(input.answers, evaluation.path, report.timeline ?? []),
    description: report.description?.trim() ?? "",
    wanted: report.wanted?.trim() ?? "",
    lateReason: late ? (report.lateReason?.trim() ?? "") : null,
    lateDisability: late ? report.lateDisability === "yes" : null,
    representative:
      report.representative === "yes"
        ? { actingFor: report.representedName?.trim() ?? "", relationship: report.relationship?.trim() ?? "", authority: report.authority ?? null }
        : null,
    contact: {
      method: report.contactMethod ?? "email",
      phone: report.phone?.trim() || null,
      address: report.contactMethod === "post" ? (report.address?.trim() ?? null) : null,
    },
    preferredLanguage: report.language ?? input.journeyLanguage,
    adjustments: report.adjustments === "yes" ? { needed: true, detail: report.adjustmentsDetail?.trim() || null } : { needed: false, detail: null },
    attachments: input.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes })),
  };
}

export type ConcernCaseDetails = ReturnType<typeof concernCaseDetails>;
