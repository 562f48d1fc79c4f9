import { describe, expect, it } from "vitest";
import { checkDateParts, stepSchema } from "./step-schema.js";
import type { Answers } from "./answers.js";

const today = "2026-03-10";
const foi: Answers = { topic: "foi", organisation: "Cyngor", sector: "local_government", raisedOn: "2026-02-01" };
const first = (r: { success: boolean; error?: { issues: { message: string; params?: unknown }[] } }) => r.error?.issues[0];

describe("checkDateParts: the message and the box it belongs to", () => {
  it.each([
    [{ day: "", month: "", year: "" }, "errors.date.required", "day", ["day", "month", "year"]],
    [{ day: "3", month: "", year: "2026" }, "errors.date.incomplete_month", "month", ["month"]],
    [{ day: "31", month: "2", year: "2026" }, "errors.date.not_real", "day", ["day"]],
    [{ day: "3", month: "13", year: "2026" }, "errors.date.not_real", "month", ["month"]],
    [{ day: "3", month: "2", year: "26" }, "errors.date.year_format", "year", ["year"]],
    [{ day: "11", month: "3", year: "2026" }, "errors.date.future.raised-on", "day", undefined],
  ])("%o → %s on the %s box", (boxes, key, box, parts) => {
    expect(checkDateParts(boxes, { today, dateOf: "raised-on" })).toEqual({ ok: false, key, box, ...(parts ? { parts } : {}) });
  });
  it("before the floor names the earlier date and its event", () => {
    expect(checkDateParts({ day: "1", month: "1", year: "2026" }, { today, dateOf: "replied-on", floor: { date: "2026-02-01", step: "raised-on" } })).toEqual({
      ok: false,
      key: "errors.date.too_early",
      box: "day",
      params: { date: "2026-02-01", eventKey: "errors.dateEvents.raised-on" },
    });
  });
});

describe("stepSchema: one schema per question, its output the answer", () => {
  it.each([
    ["topic", { topic: "foi" }, "foi"],
    ["organisation", { organisation: "  Cyngor   Sir " }, "Cyngor Sir"],
    ["sector", { sector: "health" }, "health"],
    ["exceptions", { exceptions: ["serious", "serious", "made_up"] }, ["serious"]],
    ["replied-on", { "repliedOn-day": "3", "repliedOn-month": "2", "repliedOn-year": "2026" }, "2026-02-03"],
  ] as const)("%s %o → %o", (step, input, answer) => {
    const r = stepSchema(step, { answers: foi, path: ["topic", "organisation", "sector", "raised-on"], today }).safeParse(input);
    expect(r.success && r.data).toEqual(answer);
  });

  it.each([
    ["topic", {}, "questions.topic.required"],
    ["topic", { topic: "nonsense" }, "questions.topic.required"],
    ["sector", { sector: "direct_marketing" }, "questions.sector.required"],
    ["organisation", { organisation: "   " }, "questions.organisation.required"],
    ["organisation", { organisation: "x".repeat(201) }, "questions.organisation.tooLong"],
    ["exceptions", {}, "questions.exceptions.required"],
    ["exceptions", { exceptions: ["none", "serious"] }, "questions.exceptions.exclusive"],
    ["replied-on", { "repliedOn-day": "1", "repliedOn-month": "1", "repliedOn-year": "2026" }, "errors.date.too_early"],
  ] as const)("%s %o → %s", (step, input, key) => {
    const r = stepSchema(step, { answers: foi, path: ["topic", "organisation", "sector", "raised-on"], today }).safeParse(input);
    expect(first(r as never)?.message).toBe(key);
  });

  it("a date's issue carries its box and wrong parts for the kit's validate()", () => {
    const r = stepSchema("raised-on", { answers: foi, path: ["topic", "organisation", "sector"], today }).safeParse({ "raisedOn-day": "3", "raisedOn-month": "", "raisedOn-year": "2026" });
    expect(first(r as never)).toMatchObject({ path: ["raisedOn"], message: "errors.date.incomplete_month", params: { box: "month", parts: ["month"] } });
  });
});
