// The case page's two dates (restricted contact's review date, a complaint's event date) are the
// kit's three boxes: read through validate() into the domain's ISO date, and when wrong, an error
// that names the date, links to the first wrong box and marks only the wrong ones.
import { describe, expect, it } from "vitest";
import { CASE_INTENTS } from "./case-intents.server";
import { validate } from "./forms.server";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("case page dates in three boxes", () => {
  it("a review date becomes the domain's ISO date", () => {
    const result = validate(form({ arrangement: "Writing only", "reviewOn-day": "1", "reviewOn-month": "6", "reviewOn-year": "2027" }), CASE_INTENTS.restrict.schema);
    expect(result).toEqual({ ok: true, value: { arrangement: "Writing only", reviewOn: "2027-06-01" } });
  });

  it("a complaint keeps its other fields and reads its date", () => {
    const result = validate(form({ summary: "Rude", "eventOn-day": "03", "eventOn-month": "11", "eventOn-year": "2026", acceptLate: "yes", lateReason: "Ill" }), CASE_INTENTS.complaint.schema);
    expect(result).toEqual({ ok: true, value: { summary: "Rude", eventOn: "2026-11-03", acceptLate: "yes", lateReason: "Ill" } });
  });

  it.each([
    [{ "reviewOn-day": "30", "reviewOn-month": "2", "reviewOn-year": "2027" }, "staff-cases:errors.reviewOn.not_real", "reviewOn-day", ["day"]],
    [{ "reviewOn-day": "30", "reviewOn-month": "", "reviewOn-year": "" }, "staff-cases:errors.reviewOn.incomplete_month_year", "reviewOn-month", ["month", "year"]],
    [{ "reviewOn-day": "30", "reviewOn-month": "6", "reviewOn-year": "27" }, "staff-cases:errors.reviewOn.year_format", "reviewOn-year", ["year"]],
    [{}, "staff-cases:errors.reviewOn.required", "reviewOn-day", ["day", "month", "year"]],
  ])("review date %j → %s, linked to %s, marks %j; the arrangement's error is reported too", (boxes, key, field, parts) => {
    const result = validate(form({ arrangement: "", ...boxes }), CASE_INTENTS.restrict.schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ arrangement: "staff-cases:errors.arrangement.required", reviewOn: key });
    expect(result.fieldErrors).toEqual([
      { field: "arrangement", key: "staff-cases:errors.arrangement.required" },
      { field, key, parts },
    ]);
  });

  it("a complaint's date names its own date", () => {
    const result = validate(form({ summary: "Rude", "eventOn-day": "3", "eventOn-month": "", "eventOn-year": "2026" }), CASE_INTENTS.complaint.schema);
    expect(result).toMatchObject({ ok: false, fieldErrors: [{ field: "eventOn-month", key: "staff-cases:errors.eventOn.incomplete_month", parts: ["month"] }] });
  });
});
