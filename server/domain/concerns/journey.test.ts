import { describe, expect, it } from "vitest";
import type { Answers } from "./answers.js";
import { evaluate, isReportOutcome, letterFor, OUTCOME_KINDS, previousStep, stepAfter, type Outcome } from "./journey.js";
import { answersOnPath, type Step } from "./steps.js";

// Building blocks for the table.
const sar: Answers = { topic: "personal", whatHappened: "sar", organisation: "Acme Ltd", location: "uk", sector: "general_business" };
const personal = (whatHappened: Answers["whatHappened"]): Answers => ({ topic: "personal", whatHappened, organisation: "Acme Ltd", location: "uk", sector: "health" });
const foi: Answers = { topic: "foi", organisation: "Cyngor Sir Enghraifft", sector: "local_government" };
const eir: Answers = { ...foi, topic: "eir" };
const credit: Answers = { topic: "credit", organisation: "Credit Checkers", location: "uk" };

type Row = [name: string, answers: Answers, today: string, expected: Partial<Outcome> | { next: Step }];

// Every outcome of DESIGN §1, and the boundaries: the deadline day itself (still theirs), the day
// after (ours), a deadline moved across bank holidays, and exactly 3 months since the last contact.
const TABLE: Row[] = [
  // ── not in remit, outside the UK, marketing, premium rate
  ["something else → not in remit", { topic: "other" }, "2026-03-10", { kind: "not_in_remit" }],
  ["organisation in Germany → EEA authority", { ...sar, location: "eea", country: "DE" }, "2026-03-10", { kind: "outside_uk_eea", country: "DE" }],
  ["EEA without a country → asks the country", { ...sar, location: "eea" }, "2026-03-10", { next: "country" }],
  ["organisation outside UK and EEA → cannot help", { ...credit, location: "elsewhere" }, "2026-03-10", { kind: "outside_uk_elsewhere" }],
  ["marketing texts → nuisance tool", { topic: "marketing", channel: "text", premiumRate: "no" }, "2026-03-10", { kind: "marketing", channel: "text" }],
  ["marketing texts with a premium-rate number", { topic: "marketing", channel: "text", premiumRate: "yes" }, "2026-03-10", { kind: "premium_rate", channel: "text" }],
  ["recorded calls ask about premium rate", { topic: "marketing", channel: "recorded_call" }, "2026-03-10", { next: "premium-rate" }],
  ["marketing email: no premium-rate question", { topic: "marketing", channel: "email" }, "2026-03-10", { kind: "marketing", channel: "email" }],
  ["marketing fax", { topic: "marketing", channel: "fax", premiumRate: "yes" }, "2026-03-10", { kind: "marketing", channel: "fax" }],

  // ── raise it with them first (and its exceptions)
  ["wrong information, not raised → correction letter", { ...personal("wrong_info"), raised: "no", exceptions: ["none"] }, "2026-03-10", { kind: "raise_first", letter: "correction" }],
  ["shared wrongly, not raised → objection/erasure letter", { ...personal("misuse"), raised: "no", exceptions: ["none"] }, "2026-03-10", { kind: "raise_first", letter: "objection_erasure" }],
  ["breach, not raised → concern letter", { ...personal("breach"), raised: "no", exceptions: ["none"] }, "2026-03-10", { kind: "raise_first", letter: "concern" }],
  ["CCTV, not raised → concern letter", { ...personal("cctv"), raised: "no", exceptions: ["none"] }, "2026-03-10", { kind: "raise_first", letter: "concern" }],
  ["credit file, not raised → correction letter", { ...credit, raised: "no" }, "2026-03-10", { kind: "raise_first", letter: "correction" }],
  ["whistle-blower may report straight away", { ...personal("misuse"), raised: "no", exceptions: ["whistleblower"] }, "2026-03-10", { kind: "report", caseType: "RFA", reason: "exception" }],
  ["serious and many people affected may report straight away", { ...personal("breach"), raised: "no", exceptions: ["serious", "many_people"] }, "2026-03-10", { kind: "report", caseType: "RFA", reason: "exception" }],
  ["'none' with another exception is not an answer", { ...personal("breach"), raised: "no", exceptions: ["none", "serious"] }, "2026-03-10", { next: "exceptions" }],

  // ── subject access: 1 calendar month
  ["SAR on the deadline day → wait", { ...sar, raisedOn: "2026-02-10", extended: "no" }, "2026-03-10", { kind: "wait", basis: "subject_access", deadline: "2026-03-10", comeBackOn: "2026-03-11" }],
  ["SAR a day after the deadline → asks last contact", { ...sar, raisedOn: "2026-02-10", extended: "no" }, "2026-03-11", { next: "last-contact" }],
  ["SAR a day after the deadline → report", { ...sar, raisedOn: "2026-02-10", extended: "no", lastContact: "2026-02-10" }, "2026-03-11", { kind: "report", caseType: "RFA", reason: "no_reply", letter: "sar_chase" }],
  ["SAR not answered after 5 weeks → report", { ...sar, raisedOn: "2026-02-03", extended: "no", lastContact: "2026-02-03" }, "2026-03-10", { kind: "report", caseType: "RFA" }],
  // 3 Mar + 1 month = Fri 3 Apr 2026, Good Friday; Easter Monday 6 Apr: due Tue 7 Apr.
  ["SAR deadline moved across Easter bank holidays: on the day", { ...sar, raisedOn: "2026-03-03", extended: "no" }, "2026-04-07", { kind: "wait", deadline: "2026-04-07", comeBackOn: "2026-04-08" }],
  ["SAR deadline moved across Easter bank holidays: Good Friday", { ...sar, raisedOn: "2026-03-03", extended: "no" }, "2026-04-03", { kind: "wait", deadline: "2026-04-07" }],
  ["SAR deadline moved across Easter bank holidays: day after", { ...sar, raisedOn: "2026-03-03", extended: "no", lastContact: "2026-03-03" }, "2026-04-08", { kind: "report" }],
  // 31 Jan + 1 month = 28 Feb 2026 (a Saturday): due Mon 2 Mar.
  ["SAR from 31 January: end of February, then the next working day", { ...sar, raisedOn: "2026-01-31", extended: "no" }, "2026-03-02", { kind: "wait", deadline: "2026-03-02" }],
  ["SAR sent yesterday → wait, without asking about more time", { ...sar, raisedOn: "2026-03-09" }, "2026-03-10", { kind: "wait", basis: "subject_access", deadline: "2026-04-09" }],
  ["SAR within its month, an old 'more time' answer ignored", { ...sar, raisedOn: "2026-03-09", extended: "yes" }, "2026-03-10", { kind: "wait", basis: "subject_access", deadline: "2026-04-09" }],
  ["SAR past its month → asks whether they said they need longer", { ...sar, raisedOn: "2026-02-03" }, "2026-03-10", { next: "extended" }],
  ["SAR past even 3 months → no question about more time", { ...sar, raisedOn: "2025-10-01" }, "2026-03-10", { next: "last-contact" }],
  ["SAR extended: 3 months in all, on the day", { ...sar, raisedOn: "2026-02-10", extended: "yes" }, "2026-05-11", { kind: "wait", basis: "subject_access_extended", deadline: "2026-05-11" }],
  ["SAR extended: the day after", { ...sar, raisedOn: "2026-02-10", extended: "yes", lastContact: "2026-04-01" }, "2026-05-12", { kind: "report", caseType: "RFA" }],

  // ── other personal information concerns: 1 calendar month after raising it
  ["raised, no reply, on the deadline day → wait", { ...personal("wrong_info"), raised: "yes", raisedOn: "2026-01-05", replied: "no" }, "2026-02-05", { kind: "wait", basis: "personal", deadline: "2026-02-05", comeBackOn: "2026-02-06" }],
  ["raised, no reply, a day after → report", { ...personal("wrong_info"), raised: "yes", raisedOn: "2026-01-05", replied: "no", lastContact: "2026-01-05" }, "2026-02-06", { kind: "report", caseType: "RFA", reason: "no_reply", letter: null }],
  ["raised, replied badly → report", { ...personal("misuse"), raised: "yes", raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-01-20", lastContact: "2026-01-20" }, "2026-01-21", { kind: "report", caseType: "RFA", reason: "replied" }],

  // ── report it, but late: 3 months or more since the last meaningful contact
  ["last contact exactly 3 months ago → late", { ...personal("misuse"), raised: "yes", raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-01-15", lastContact: "2026-01-15" }, "2026-04-15", { kind: "report_late", lastContact: "2026-01-15", lateFrom: "2026-04-15" }],
  ["last contact 3 months less a day ago → not late", { ...personal("misuse"), raised: "yes", raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-01-15", lastContact: "2026-01-15" }, "2026-04-14", { kind: "report" }],
  ["last contact 4 months ago → late", { ...sar, raisedOn: "2025-10-01", extended: "no", lastContact: "2025-11-10" }, "2026-03-10", { kind: "report_late", caseType: "RFA", letter: "sar_chase" }],
  ["late from 30 November is 28 February", { ...credit, raised: "yes", raisedOn: "2025-11-01", replied: "yes", repliedOn: "2025-11-30", lastContact: "2025-11-30" }, "2026-02-28", { kind: "report_late", caseType: "SEC", lateFrom: "2026-02-28" }],

  // ── credit file (CCA s159): 28 days
  ["credit: on the 28th day → wait", { ...credit, raised: "yes", raisedOn: "2026-03-01", replied: "no" }, "2026-03-29", { kind: "wait", basis: "credit", deadline: "2026-03-29", comeBackOn: "2026-03-30" }],
  ["credit: the day after → report SEC", { ...credit, raised: "yes", raisedOn: "2026-03-01", replied: "no", lastContact: "2026-03-01" }, "2026-03-30", { kind: "report", caseType: "SEC" }],

  // ── FOI / EIR: 20 working days for the request
  // 10 Dec 2026 + 20 working days skips 25 and 28 Dec and 1 Jan: due Tue 12 Jan 2027.
  ["FOI no reply across Christmas: on the day → wait", { ...foi, raisedOn: "2026-12-10", replied: "no" }, "2027-01-12", { kind: "wait", basis: "request", deadline: "2027-01-12", comeBackOn: "2027-01-13" }],
  ["FOI no reply across Christmas: day after → report FS50", { ...foi, raisedOn: "2026-12-10", replied: "no", lastContact: "2026-12-10" }, "2027-01-13", { kind: "report", caseType: "FS50", reason: "no_reply" }],
  ["EIR no reply → report FER", { ...eir, raisedOn: "2026-12-10", replied: "no", lastContact: "2026-12-10" }, "2027-01-13", { kind: "report", caseType: "FER" }],

  // ── ask for an internal review first
  ["FOI refused, no internal review → internal review letter, with the date to ask by", { ...foi, raisedOn: "2026-03-02", replied: "yes", repliedOn: "2026-03-20", reviewRequested: "no" }, "2026-03-25", { kind: "internal_review_first", letter: "foi_internal_review", eir: false, askBy: "2026-05-20", windowClosed: false }],
  ["FOI refused, no review, window closed", { ...foi, raisedOn: "2026-03-02", replied: "yes", repliedOn: "2026-03-02", reviewRequested: "no" }, "2026-04-30", { kind: "internal_review_first", eir: false, askBy: "2026-04-29", windowClosed: true }],
  // EIR: 40 working days to ask; 2 Mar 2026 + 40 working days (Easter) = 29 Apr.
  ["EIR refused, no review, last day of the window", { ...eir, raisedOn: "2026-02-02", replied: "yes", repliedOn: "2026-03-02", reviewRequested: "no" }, "2026-04-29", { kind: "internal_review_first", eir: true, askBy: "2026-04-29", windowClosed: false }],
  ["EIR refused, no review, window closed", { ...eir, raisedOn: "2026-02-02", replied: "yes", repliedOn: "2026-03-02", reviewRequested: "no" }, "2026-04-30", { kind: "internal_review_first", eir: true, askBy: "2026-04-29", windowClosed: true }],

  // ── internal review asked for: 20 working days (FOI; 40 at most), 40 (EIR)
  ["FOI review not answered, on the 20th working day → wait", { ...foi, raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-03-02", reviewReplied: "no", reviewExtended: "no" }, "2026-03-30", { kind: "wait", basis: "review", deadline: "2026-03-30", comeBackOn: "2026-03-31" }],
  ["FOI review not answered, the day after → report", { ...foi, raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-03-02", reviewReplied: "no", reviewExtended: "no", lastContact: "2026-03-02" }, "2026-03-31", { kind: "report", caseType: "FS50", reason: "review_no_reply" }],
  ["FOI review extended: 40 working days (across Easter)", { ...foi, raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-03-02", reviewReplied: "no", reviewExtended: "yes" }, "2026-04-29", { kind: "wait", basis: "review_extended", deadline: "2026-04-29" }],
  ["EIR review not answered: 40 working days, no extension question", { ...eir, raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-03-02", reviewReplied: "no" }, "2026-04-29", { kind: "wait", basis: "review_extended", deadline: "2026-04-29" }],
  ["FOI review answered → report FS50", { ...foi, raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-02-03", reviewReplied: "yes", reviewRepliedOn: "2026-03-02", lastContact: "2026-03-02" }, "2026-03-10", { kind: "report", caseType: "FS50", reason: "review_replied" }],
  ["FOI review answered 4 months ago → late FS50", { ...foi, raisedOn: "2025-09-01", replied: "yes", repliedOn: "2025-09-20", reviewRequested: "yes", reviewRequestedOn: "2025-10-01", reviewReplied: "yes", reviewRepliedOn: "2025-11-05", lastContact: "2025-11-05" }, "2026-03-10", { kind: "report_late", caseType: "FS50" }],

  // ── bad or missing answers send the person back to the question
  ["no answers → the first question", {}, "2026-03-10", { next: "topic" }],
  ["unknown topic → the first question", { topic: "weather" as never }, "2026-03-10", { next: "topic" }],
  ["blank organisation name → asked again", { ...sar, organisation: "   " }, "2026-03-10", { next: "organisation" }],
  ["request date in the future → asked again", { ...sar, raisedOn: "2026-03-11" }, "2026-03-10", { next: "raised-on" }],
  ["reply before the request → asked again", { ...foi, raisedOn: "2026-03-02", replied: "yes", repliedOn: "2026-03-01" }, "2026-03-10", { next: "replied-on" }],
  ["last contact before the reply → asked again", { ...personal("misuse"), raised: "yes", raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-01-20", lastContact: "2026-01-19" }, "2026-03-10", { next: "last-contact" }],
  ["impossible stored date → asked again", { ...sar, raisedOn: "2026-02-30" }, "2026-03-10", { next: "raised-on" }],
  ["FOI to a car dealer → the organisation type is asked again", { ...foi, sector: "motor" }, "2026-03-10", { next: "sector" }],
  ["country outside the EEA list → asked again", { ...sar, location: "eea", country: "US" }, "2026-03-10", { next: "country" }],
];

describe("evaluate: the decision table", () => {
  it.each(TABLE)("%s", (_name, answers, today, expected) => {
    const result = evaluate(answers, today);
    if ("next" in expected) {
      expect(result.outcome).toBeNull();
      expect(result.next).toBe(expected.next);
    } else {
      expect(result.next).toBeNull();
      expect(result.outcome).toMatchObject(expected);
    }
  });

  it("covers every outcome kind", () => {
    const seen = new Set(TABLE.map(([, answers, today]) => evaluate(answers, today).outcome?.kind).filter(Boolean));
    expect([...seen].sort()).toEqual([...OUTCOME_KINDS].sort());
  });
});

describe("the path of questions", () => {
  it("lists the questions asked, in order, for a subject access report", () => {
    const result = evaluate({ ...sar, raisedOn: "2026-02-03", extended: "no", lastContact: "2026-02-03" }, "2026-03-10");
    expect(result.path).toEqual(["topic", "what-happened", "organisation", "location", "sector", "raised-on", "extended", "last-contact"]);
  });

  it("asks FOI questions without the location, and the review questions in order", () => {
    const result = evaluate({ ...foi, raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-03-02", reviewReplied: "no" }, "2026-03-10");
    expect(result.next).toBe("review-extended");
    expect(result.path).toEqual(["topic", "organisation", "sector", "raised-on", "replied", "replied-on", "review-requested", "review-requested-on", "review-replied"]);
  });

  it("back, back, Continue shows each page again: the organisation question is not skipped", () => {
    // Answered up to the location; back to the organisation, back to what happened, Continue.
    const answers: Answers = { topic: "personal", whatHappened: "sar", organisation: "Acme Ltd", location: "uk" };
    const result = evaluate(answers, "2026-03-10");
    expect(result.next).toBe("sector");
    expect(stepAfter(result, "what-happened")).toBe("organisation");
    expect(stepAfter(result, "organisation")).toBe("location");
    expect(stepAfter(result, "location")).toBe("sector");
    expect(stepAfter(evaluate({ topic: "other" }, "2026-03-10"), "topic")).toBeNull();
  });

  it("gives the question before, and the start page before the first", () => {
    const result = evaluate({ topic: "marketing" }, "2026-03-10");
    expect(previousStep(result, "channel")).toBe("topic");
    expect(previousStep(result, "topic")).toBeNull();
    expect(previousStep(evaluate({}, "2026-03-10"), "topic")).toBeNull();
  });

  it("drops answers a change made irrelevant", () => {
    const answers: Answers = { ...sar, raisedOn: "2026-02-03", extended: "no", topic: "marketing", channel: "email" };
    const result = evaluate(answers, "2026-03-10");
    expect(answersOnPath(answers, result.path)).toEqual({ topic: "marketing", channel: "email" });
  });

  it("offers letters only with the outcomes that have one", () => {
    expect(letterFor({ kind: "not_in_remit" })).toBeNull();
    expect(letterFor({ kind: "raise_first", letter: "correction" })).toBe("correction");
    expect(isReportOutcome({ kind: "wait", basis: "request", from: "2026-01-01", deadline: "2026-01-29", comeBackOn: "2026-01-30" })).toBe(false);
  });
});
