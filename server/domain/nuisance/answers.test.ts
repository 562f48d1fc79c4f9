import { describe, expect, it } from "vitest";
import { aboutYouPage, storedDetails, YourDetailsPage } from "./answers.js";

const today = "2026-03-10";
const about = { tps: "yes", consent: "no", askedToStop: "yes" };
const date = (day: string, month: string, year: string) => ({ "registered-day": day, "registered-month": month, "registered-year": year });

describe("the About you page", () => {
  it.each<[string, Record<string, string>, unknown]>([
    ["no registration date", { ...about }, { tps: "yes", registeredOn: null, consent: "no", askedToStop: "yes" }],
    ["a registration date", { ...about, ...date("3", "2", "2026") }, { tps: "yes", registeredOn: "2026-02-03", consent: "no", askedToStop: "yes" }],
    ["today", { ...about, ...date("10", "3", "2026") }, { tps: "yes", registeredOn: "2026-03-10", consent: "no", askedToStop: "yes" }],
    ["a date with 'not registered' is ignored", { ...about, tps: "no", ...date("3", "2", "2026") }, { tps: "no", registeredOn: null, consent: "no", askedToStop: "yes" }],
  ])("%s", (_name, form, expected) => {
    expect(aboutYouPage(today).parse(form)).toEqual(expected);
  });

  it.each<[string, Record<string, string>, string, string]>([
    ["no TPS answer", { consent: "no", askedToStop: "yes" }, "tps", "errors.tps.required"],
    ["no consent answer", { tps: "no", askedToStop: "yes" }, "consent", "errors.consent.required"],
  ])("%s is refused on %s", (_name, form, field, message) => {
    const result = aboutYouPage(today).safeParse(form);
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  // Each message names the date, and the issue its box: the error summary links to the first
  // wrong box (`registered-<box>`) and only the wrong boxes are marked (none listed: all three).
  it.each<[string, Record<string, string>, string, { box: string; parts?: string[] }]>([
    ["a registration date tomorrow", { ...about, ...date("11", "3", "2026") }, "errors.registered.future", { box: "day" }],
    ["31 February", { ...about, ...date("31", "2", "2026") }, "errors.registered.not_real", { box: "day", parts: ["day"] }],
    ["month 13", { ...about, ...date("3", "13", "2026") }, "errors.registered.not_real", { box: "month", parts: ["month"] }],
    ["no year", { ...about, ...date("3", "2", "") }, "errors.registered.incomplete_year", { box: "year", parts: ["year"] }],
    ["only a year", { ...about, ...date("", "", "2026") }, "errors.registered.incomplete_day_month", { box: "day", parts: ["day", "month"] }],
    ["a 2-digit year", { ...about, ...date("3", "2", "26") }, "errors.registered.year_format", { box: "year", parts: ["year"] }],
  ])("%s: the date you registered, at its box", (_name, form, message, params) => {
    const issue = aboutYouPage(today).safeParse(form).error?.issues.find((i) => i.path[0] === "registered");
    expect(issue?.message).toBe(message);
    expect((issue as { params?: unknown } | undefined)?.params).toEqual(params);
  });
});

describe("the Your details page", () => {
  it("needs a name and a way to reply only when they want a reply", () => {
    expect(YourDetailsPage.safeParse({ wantsReply: "no" }).success).toBe(true);
    const noName = YourDetailsPage.safeParse({ wantsReply: "yes", email: "pat@example.com" });
    expect(noName.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["name", "errors.name.required"]]);
    const noWay = YourDetailsPage.safeParse({ wantsReply: "yes", name: "Pat" });
    expect(noWay.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["email", "errors.email.requiredForReply"]]);
  });

  it("keeps the details as the draft and the stored report want them", () => {
    const you = YourDetailsPage.parse({ wantsReply: "yes", name: " Pat ", email: "pat@example.com", phone: "", remember: "yes" });
    expect(you).toEqual({ wantsReply: true, name: "Pat", email: "pat@example.com", phone: "", remember: true });
    expect(storedDetails(you)).toEqual({ wantsReply: true, name: "Pat", email: "pat@example.com", phone: null });
    // Nothing to remember: "use the same details next time" is not kept.
    expect(YourDetailsPage.parse({ wantsReply: "no", remember: "yes" }).remember).toBe(false);
  });
});
