import { describe, expect, it } from "vitest";
import * as cases from "./index.js";

describe("index", () => {
  it.each([
    "CASE_TYPES", "CaseTypeSchema", "caseTypeInfo", "CASE_TYPE_DESCRIPTIONS_EN",
    "formatReference", "parseReference", "ReferenceSchema", "allocateReference",
    "SECTORS", "SectorSchema", "CHANNELS", "WORK_QUEUES", "WORK_QUEUE_LABELS_EN", "routeToWorkQueue",
    "londonDate", "isWorkingDay", "addWorkingDays", "addWorkingDaysFrom", "workingDaysBetween", "bankHolidays",
    "computeCaseClocks", "callbackDueAt", "adjustmentDecisionDueAt", "adjustmentReviewDueAt",
    "clockState", "nextDueClock", "isComplaintInTime",
    "OUTCOME_LABELS_EN", "outcomesFor", "isValidOutcome",
    "transition", "caseTitle",
  ])("re-exports %s", (name) => {
    expect(cases).toHaveProperty(name);
  });

  it("intake end to end: route, reference, clocks, title", async () => {
    const openedAt = new Date("2025-04-17T18:30:00Z");
    const reference = await cases.allocateReference({ next: async () => 12345 }, "RFA");
    const queue = cases.routeToWorkQueue({ type: "RFA", sector: "health", channel: "web_form" });
    const clocks = cases.computeCaseClocks("RFA", openedAt);
    expect(reference).toBe("RFA0012345");
    expect(queue).toBe("12");
    expect(cases.nextDueClock(clocks, {})?.name).toBe("queueBy");
    expect(cases.caseTitle({ type: "RFA", language: "cy", subject: "Bwrdd Iechyd" })).toBe(
      "Welsh language – Data protection concern – Bwrdd Iechyd",
    );
  });
});
