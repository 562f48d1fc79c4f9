import { describe, expect, it } from "vitest";
import { chooseAdvice, withinTpsWait, type ReportFacts } from "./advice";
import { checkContact, ContactFormSchema, contactKeys, occurredAt, parseTime } from "./contact";

const NOW = new Date("2026-12-02T10:00:00Z");
const form = (over: Record<string, string> = {}) =>
  ContactFormSchema.parse({
    kind: "live_call",
    "date-day": "1",
    "date-month": "12",
    "date-year": "2026",
    time: "14:30",
    fromStatus: "given",
    from: "07700 900123",
    topic: "pensions",
    ...over,
  });

describe("parseTime", () => {
  it.each([
    ["14:30", "14:30"],
    ["1430", "14:30"],
    ["9.05", "09:05"],
    ["2:30pm", "14:30"],
    ["2.30 p.m.", "14:30"],
    ["12am", "00:00"],
    ["12pm", "12:00"],
    ["9am", "09:00"],
    ["3yh", "15:00"],
    ["25:00", null],
    ["14:75", null],
    ["13pm", null],
    ["soon", null],
    ["14", null],
  ])("%s → %s", (typed, time) => {
    expect(parseTime(typed)).toBe(time);
  });
});

describe("checkContact: bad input", () => {
  it.each([
    [{ "date-day": "31", "date-month": "2" }, "date", "errors.date.not_real"],
    [{ "date-day": "", "date-month": "", "date-year": "" }, "date", "errors.date.required"],
    [{ "date-day": "3", "date-month": "12" }, "date", "errors.date.future"],
    [{ "date-day": "2", time: "23:00" }, "time", "errors.time.future"],
    [{ time: "" }, "time", "errors.time.required"],
    [{ time: "half past" }, "time", "errors.time.invalid"],
    [{ from: "" }, "from", "errors.from.required"],
    [{ kind: "email", from: "not an address" }, "from", "errors.from.emailInvalid"],
    [{ kind: "text", message: "" }, "message", "errors.message.required"],
  ])("%j → %s: %s", (over, field, key) => {
    const result = checkContact(form(over as Record<string, string>), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(key);
  });

  // As the "About you" date: the code names the missing boxes, the link goes to the first wrong
  // box and only the wrong boxes are marked.
  it.each([
    [{ "date-month": "" }, "errors.date.incomplete_month", "month", ["month"]],
    [{ "date-day": "", "date-year": "" }, "errors.date.incomplete_day_year", "day", ["day", "year"]],
    [{ "date-day": "31", "date-month": "2" }, "errors.date.not_real", "day", ["day"]],
    [{ "date-month": "13" }, "errors.date.not_real", "month", ["month"]],
    [{ "date-year": "26" }, "errors.date.year_format", "year", ["year"]],
    [{ "date-day": "", "date-month": "", "date-year": "" }, "errors.date.required", "day", ["day", "month", "year"]],
    [{ "date-day": "3", "date-month": "12" }, "errors.date.future", "day", ["day", "month", "year"]],
  ])("date %j → %s, link to the %s box, marks %j", (over, key, box, parts) => {
    const result = checkContact(form(over as Record<string, string>), NOW);
    expect(result).toMatchObject({ ok: false, errors: { date: key }, date: { box, parts } });
  });

  it("no date boxes when the date is right and another field is wrong", () => {
    const result = checkContact(form({ time: "" }), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.date).toBeUndefined();
  });

  it("the schema refuses descriptions over 2,000 characters and unknown topics", () => {
    expect(ContactFormSchema.safeParse({ ...form(), description: "x".repeat(2001) }).success).toBe(false);
    expect(ContactFormSchema.safeParse({ ...form(), description: "x".repeat(2000) }).success).toBe(true);
    expect(ContactFormSchema.safeParse({ ...form(), topic: "bitcoin" }).success).toBe(false);
  });

  it("'I don't know the exact time' needs no time and counts as midday", () => {
    const result = checkContact(form({ time: "", timeUnknown: "yes" }), NOW);
    expect(result).toMatchObject({ ok: true, contact: { time: null } });
    if (result.ok) expect(contactKeys(result.contact)).toMatchObject({ timeKnown: false, occurredAt: new Date("2026-12-01T12:00:00Z") });
  });

  it("an unparseable number is accepted, kept as typed and marked", () => {
    const result = checkContact(form({ from: "12345" }), NOW);
    expect(result.ok).toBe(true);
    if (result.ok) expect(contactKeys(result.contact)).toMatchObject({ fromTyped: "12345", fromNumber: null, fromUnparsed: true });
  });

  it("'Number withheld' typed in the box counts as withheld", () => {
    const result = checkContact(form({ from: "Number withheld" }), NOW);
    expect(result).toMatchObject({ ok: true, contact: { fromStatus: "withheld", from: "" } });
  });

  it("script in text is kept as text, unchanged", () => {
    const result = checkContact(form({ description: "<script>alert(1)</script>", company: "<b>Acme</b> Ltd" }), NOW);
    expect(result).toMatchObject({ ok: true, contact: { description: "<script>alert(1)</script>" } });
    if (result.ok) expect(contactKeys(result.contact).companyNormalised).toBe("b acme b");
  });
});

describe("contactKeys: grouping columns", () => {
  it.each([
    ["live_call", "+44 7700 900123", { fromNumber: "+447700900123", senderAddress: null }],
    ["fax", "01632 960001", { fromNumber: "+441632960001" }],
    ["text", "0909 879 0000", { fromNumber: "+449098790000", premiumRate: true }],
    ["email", "Prize <Win@Prize.Example>", { fromNumber: null, senderAddress: "win@prize.example", senderDomain: "prize.example" }],
  ] as const)("%s from %s", (kind, from, expected) => {
    const result = checkContact(form({ kind, from, message: "Win", company: "Acme Ltd" }), NOW);
    expect(result.ok).toBe(true);
    if (result.ok) expect(contactKeys(result.contact)).toMatchObject({ ...expected, companyNormalised: "acme" });
  });

  it("London summer time is taken into account", () => {
    expect(occurredAt("2026-07-01", "14:30")).toEqual(new Date("2026-07-01T13:30:00Z"));
    expect(occurredAt("2026-12-01", "14:30")).toEqual(new Date("2026-12-01T14:30:00Z"));
  });
});

describe("advice", () => {
  const facts = (over: Partial<ReportFacts>): ReportFacts => ({
    kinds: ["live_call"],
    premiumRate: false,
    tps: "no",
    registeredOn: null,
    latestContactOn: "2026-12-01",
    consent: "no",
    askedToStop: "yes",
    ...over,
  });
  it.each([
    [{}, ["tps", "block"]],
    [{ tps: "yes" as const }, ["block"]],
    [{ tps: "yes" as const, registeredOn: "2026-11-20" }, ["tps_wait", "block"]],
    [{ tps: "yes" as const, registeredOn: "2026-11-03" }, ["block"]],
    [{ kinds: ["text" as const] }, ["forward_7726", "block"]],
    [{ kinds: ["email" as const] }, ["phishing"]],
    [{ kinds: ["fax" as const] }, ["fps"]],
    [{ premiumRate: true }, ["tps", "block", "premium_rate"]],
    [{ consent: "customer" as const, askedToStop: "no" as const }, ["tps", "block", "consent", "ask_to_stop"]],
  ])("%j → %j", (over, advice) => {
    expect(chooseAdvice(facts(over))).toEqual(advice);
  });

  it.each([
    ["2026-11-01", "2026-11-28", true],
    ["2026-11-01", "2026-11-29", false],
    [null, "2026-11-29", false],
  ])("registered %s, call %s: within 28 days %s", (reg, call, within) => {
    expect(withinTpsWait(reg, call)).toBe(within);
  });
});
