import { describe, expect, it } from "vitest";
import type { Answers } from "./answers.js";
import { evaluate } from "./journey.js";
import { concernCaseDetails, fullTimeline, isReportStepDone, nextReportStep, organisationForCase, previousReportStep, reportStepAfter, reportSteps, type Report } from "./report.js";

const complete: Report = {
  description: "They did not reply.",
  timelineDone: true,
  wanted: "My data",
  representative: "no",
  filesDone: true,
  name: "Sam Jones",
  email: "sam@example.com",
  contactMethod: "email",
  language: "cy",
  adjustments: "no",
};

describe("the report pages", () => {
  it("asks the reason for the delay only when late", () => {
    expect(reportSteps(false)[0]).toBe("details");
    expect(reportSteps(true)[0]).toBe("late-reason");
    expect(nextReportStep(complete, false)).toBeNull();
    expect(nextReportStep(complete, true)).toBe("late-reason");
    expect(nextReportStep({ ...complete, lateReason: "I was in hospital", lateDisability: "yes" }, true)).toBeNull();
  });

  it.each([
    ["details", { description: "  " }],
    ["timeline", { timelineDone: false }],
    ["wanted", { wanted: "" }],
    ["representative", { representative: "yes", representedName: "Alex", relationship: "parent" }],
    ["files", { filesDone: undefined }],
    ["contact", { contactMethod: "phone", phone: "" }],
    ["contact", { contactMethod: "post", address: " " }],
    ["language", { language: undefined }],
    ["adjustments", { adjustments: undefined }],
  ] as const)("%s is not done with %o", (step, patch) => {
    const report = { ...complete, ...patch } as Report;
    expect(isReportStepDone(step, report)).toBe(false);
    expect(nextReportStep(report, false)).toBe(step);
  });

  it("back, back, Continue shows each page again, not the first unfinished one further on", () => {
    // Up to "what you want"; back to the timeline, back to the details, Continue.
    const partway: Report = { description: "They did not reply.", timelineDone: true, wanted: "My data" };
    expect(nextReportStep(partway, false)).toBe("representative");
    expect(reportStepAfter(partway, false, "details", false)).toBe("timeline");
    expect(reportStepAfter(partway, false, "timeline", false)).toBe("wanted");
    expect(reportStepAfter(partway, false, "wanted", false)).toBe("representative");
    // Changing an answer from check answers goes back there, or to a page still to finish.
    expect(reportStepAfter(complete, false, "details", true)).toBeNull();
    expect(reportStepAfter(partway, false, "details", true)).toBe("representative");
    expect(reportStepAfter(complete, false, "adjustments", false)).toBeNull();
  });

  it("goes back a page, and from the first to nothing", () => {
    expect(previousReportStep("timeline", false)).toBe("details");
    expect(previousReportStep("details", false)).toBeNull();
    expect(previousReportStep("details", true)).toBe("late-reason");
  });
});

describe("the timeline", () => {
  const answers: Answers = { topic: "foi", organisation: "Council", sector: "local_government", raisedOn: "2026-01-05", replied: "yes", repliedOn: "2026-02-01", reviewRequested: "yes", reviewRequestedOn: "2026-02-03", reviewReplied: "yes", reviewRepliedOn: "2026-03-02", lastContact: "2026-03-04" };
  const { path } = evaluate(answers, "2026-03-10");
  it("starts with the journey's dates and adds the person's own, oldest first", () => {
    const items = fullTimeline(answers, path, [{ date: "2026-01-20", text: "I phoned them" }]);
    expect(items.map((i) => [i.date, i.event])).toEqual([
      ["2026-01-05", "raised"],
      ["2026-01-20", "own"],
      ["2026-02-01", "replied"],
      ["2026-02-03", "review_requested"],
      ["2026-03-02", "review_replied"],
      ["2026-03-04", "last_contact"],
    ]);
    expect(items[1]).toMatchObject({ text: "I phoned them", index: 0 });
  });
  it("leaves out dates no longer on the path", () => {
    const changed = { ...answers, replied: "no" as const };
    const items = fullTimeline(changed, evaluate(changed, "2026-03-10").path);
    expect(items.map((i) => i.event)).not.toContain("replied");
  });
});

describe("the case's details", () => {
  it("keeps the journey's answers on the path, the report, the files and the late facts", () => {
    const answers: Answers = { topic: "personal", whatHappened: "sar", organisation: "Acme", location: "uk", sector: "health", raisedOn: "2025-10-01", extended: "no", lastContact: "2025-11-10", channel: "text" };
    const evaluation = evaluate(answers, "2026-03-10");
    const details = concernCaseDetails({
      answers,
      evaluation,
      report: { ...complete, lateReason: "I was ill", lateDisability: "yes", representative: "yes", representedName: "Alex", relationship: "parent", authority: "legal" },
      attachments: [{ id: "a1", fileName: "reply.pdf", mediaType: "application/pdf", sizeBytes: 1234 }],
      journeyLanguage: "en",
    });
    expect(details).toMatchObject({
      form: "concerns",
      caseType: "RFA",
      reason: "no_reply",
      late: true,
      lateFrom: "2026-02-10",
      lateReason: "I was ill",
      lateDisability: true,
      preferredLanguage: "cy",
      representative: { actingFor: "Alex", relationship: "parent", authority: "legal" },
      attachments: [{ id: "a1", fileName: "reply.pdf" }],
    });
    expect(details.answers).not.toHaveProperty("channel");
    expect(details.questions).toContain("last-contact");
  });

  it("files a credit file concern under lenders and credit reference agencies", () => {
    expect(organisationForCase({ topic: "credit", organisation: " Credit Co " })).toEqual({ name: "Credit Co", sector: "lenders_credit_reference", location: "uk" });
  });
});
