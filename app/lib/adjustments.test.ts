import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { afterStep, applyFollowUps, ContactSchema, DifficultySchema, followUpSchema, guardStep, NeedsSchema, nextStep, previousStep, replyOptions, ReplySchema, type Draft } from "./adjustments";

const complete: Draft = {
  needs: [{ code: "large_print", size: "18" }, { code: "phone_not_writing" }],
  other: "",
  moreAnswered: true,
  duration: "ongoing",
  caseAnswered: true,
  difficultyAnswered: true,
  name: "Pat",
  email: "pat@example.com",
  replyBy: "email",
};

describe("journey steps", () => {
  it.each<[string, Draft, string]>([
    ["nothing yet", {}, "needs"],
    ["only other text", { other: "A quiet room" }, "duration"],
    ["a need with a follow-up", { needs: [{ code: "large_print" }] }, "more"],
    ["follow-up visited but a required answer missing", { needs: [{ code: "large_print" }], moreAnswered: true }, "more"],
    ["an optional follow-up not visited", { needs: [{ code: "more_time" }] }, "more"],
    ["no follow-ups", { needs: [{ code: "bold" }] }, "duration"],
    ["up to the case reference", { ...complete, caseAnswered: false }, "case"],
    ["no way to reach them", { ...complete, email: "", phone: "" }, "contact"],
    ["letter without an address", { ...complete, replyBy: "letter" }, "reply"],
    ["email chosen but no email", { ...complete, email: "", phone: "01632 960001" }, "reply"],
    ["everything", complete, "check"],
  ])("%s → %s", (_why, draft, step) => {
    expect(nextStep(draft)).toBe(step);
  });

  it("skips the follow-up page when no chosen need has one, both ways", () => {
    const draft: Draft = { needs: [{ code: "bold" }] };
    expect(afterStep("needs", draft, false)).toBe("duration");
    expect(previousStep("duration", draft)).toBe("needs");
    expect(previousStep("duration", { needs: [{ code: "braille", grade: "2" }], moreAnswered: true })).toBe("more");
  });

  it("goes back to check answers after a change, unless the change needs a new answer", () => {
    expect(afterStep("duration", complete, true)).toBe("check");
    const added = { ...complete, needs: [...complete.needs!, { code: "braille" as const }] };
    expect(afterStep("needs", added, true)).toBe("more");
    expect(afterStep("contact", complete, false)).toBe("reply");
  });

  it("back, back, Continue shows each page again, not the first unanswered one further on", () => {
    // Answered up to the contact details; back to the case reference, back to how long, Continue.
    const partway: Draft = { ...complete, replyBy: undefined };
    expect(nextStep(partway)).toBe("reply");
    expect(afterStep("duration", partway, false)).toBe("case");
    expect(afterStep("case", partway, false)).toBe("about-you");
    expect(afterStep("about-you", partway, false)).toBe("contact");
    expect(afterStep("contact", partway, false)).toBe("reply");
  });

  it("sends a page reached too early to the first unanswered one", () => {
    // The follow-up page when no chosen need has one does not apply: sent on.
    expect(guardStep("more", { ...complete, needs: [{ code: "bold" }] })).toBe("check");
    expect(guardStep("check", {})).toBe("needs");
    expect(guardStep("needs", {})).toBeNull();
    expect(guardStep("reply", { ...complete, replyBy: undefined })).toBeNull();
    expect(guardStep("check", complete)).toBeNull();
  });

  it.each<[Draft, string[]]>([
    [{ email: "a@b.c" }, ["email", "letter"]],
    [{ phone: "07700 900001" }, ["phone", "text", "letter"]],
    [{ email: "a@b.c", phone: "07700 900001" }, ["email", "phone", "text", "letter"]],
    // A landline cannot take a text message (issue 13: "By text message to 029 2018 0000").
    [{ phone: "029 2018 0000" }, ["phone", "letter"]],
    [{ email: "a@b.c", phone: "01632 960001" }, ["email", "phone", "letter"]],
    [{ phone: "+44 7624 123456" }, ["phone", "text", "letter"]],
    [{ phone: "07000 123456" }, ["phone", "letter"]],
    [{ phone: "+33 6 12 34 56 78" }, ["phone", "text", "letter"]],
  ])("offers the ways their details allow: %j", (draft, options) => {
    expect(replyOptions(draft)).toEqual(options);
  });
});

describe("validation", () => {
  const parse = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? { ok: true, data: r.data } : { ok: false, errors: Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message])) };
  };

  it.each([
    [{}, { ok: false, errors: { needs: "adjustments:errors.needs.required" } }],
    [{ other: "   " }, { ok: false, errors: { needs: "adjustments:errors.needs.required" } }],
    [{ other: "x".repeat(501) }, { ok: false, errors: { other: "adjustments:errors.other.tooLong" } }],
    [{ needs: "bold" }, { ok: true, data: { needs: ["bold"], other: "" } }],
    [{ needs: ["welsh", "<script>", "bold"] }, { ok: true, data: { needs: ["bold", "welsh"], other: "" } }],
    [{ needs: ["<script>"] }, { ok: false, errors: { needs: "adjustments:errors.needs.required" } }],
    [{ other: " A quiet room " }, { ok: true, data: { needs: [], other: "A quiet room" } }],
  ])("needs %j", (value, expected) => {
    expect(parse(NeedsSchema, value)).toEqual(expected);
  });

  it("asks only the follow-ups of the needs chosen", () => {
    const schema = followUpSchema([{ code: "large_print" }, { code: "font" }, { code: "more_time" }, { code: "bold" }]);
    expect(parse(schema, {})).toEqual({ ok: false, errors: { size: "adjustments:errors.size.required", font: "adjustments:errors.font.required" } });
    expect(parse(schema, { size: "99", font: "arial" })).toMatchObject({ ok: false, errors: { size: "adjustments:errors.size.required" } });
    expect(parse(schema, { size: "18", font: "other" })).toEqual({ ok: false, errors: { fontName: "adjustments:errors.fontName.required" } });
    const ok = parse(schema, { size: "18", font: "other", fontName: "Lexend", extra: "", grade: "2" });
    expect(ok.ok).toBe(true);
    expect(applyFollowUps([{ code: "large_print" }, { code: "font" }, { code: "more_time" }, { code: "bold" }], ok.data as Record<string, unknown>)).toEqual([
      { code: "large_print", size: "18" },
      { code: "font", font: "other", fontName: "Lexend" },
      { code: "more_time" },
      { code: "bold" },
    ]);
  });

  it.each([
    [{ difficulty: "" }, true],
    [{ difficulty: "Small print" }, false],
    [{ difficulty: "Small print", consent: "yes" }, true],
    [{ difficulty: "x".repeat(2001), consent: "yes" }, false],
  ])("difficulty %j valid: %s", (value, ok) => {
    expect(DifficultySchema.safeParse(value).success).toBe(ok);
  });

  it.each([
    [{ name: "Pat", email: "pat@example.com" }, {}],
    [{ name: "Pat", phone: "01632 960 001" }, {}],
    [{ name: "Pat", phone: "+44 7700 900982" }, {}],
    [{ name: "", email: "" }, { name: "adjustments:errors.name.required", email: "adjustments:errors.contact.required" }],
    [{ name: "Pat", email: "pat@" }, { email: "adjustments:errors.email.invalid" }],
    [{ name: "Pat", phone: "12" }, { phone: "adjustments:errors.phone.invalid" }],
    [{ name: "x".repeat(101), email: "a@b.co" }, { name: "adjustments:errors.name.tooLong" }],
  ])("contact %j", (value, errors) => {
    const r = parse(ContactSchema, value);
    expect(r.ok ? {} : r.errors).toEqual(errors);
  });

  it.each([
    [{ replyBy: "letter", address: "" }, { address: "adjustments:errors.address.required" }],
    [{ replyBy: "fax" }, { replyBy: "adjustments:errors.replyBy.required" }],
    [{ replyBy: "letter", address: "1 High St" }, {}],
  ])("reply %j", (value, errors) => {
    const r = parse(ReplySchema, value);
    expect(r.ok ? {} : r.errors).toEqual(errors);
  });
});

describe("adjustment locale files", () => {
  const flat = (o: Record<string, unknown>, p = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? flat(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
  const load = (lang: string, ns: string) => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, "utf8")) as Record<string, unknown>;
  const PLURALS = ["_zero", "_one", "_two", "_few", "_many", "_other"];
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

  it.each(["adjustments", "staff-adjustments", "email-adjustments"])("%s has the same keys in Welsh, with all six Welsh plural forms", (ns) => {
    const en = flat(load("en", ns));
    const cy = flat(load("cy", ns));
    expect(new Set(cy.map(base))).toEqual(new Set(en.map(base)));
    for (const key of en.filter((k) => k.endsWith("_other"))) {
      for (const form of PLURALS) expect(cy).toContain(base(key) + form);
    }
    // Every {{placeholder}} is kept.
    const enAll = load("en", ns);
    const cyAll = load("cy", ns);
    const value = (o: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown>)?.[k], o) as string;
    for (const key of en) {
      const cyKey = cy.includes(key) ? key : base(key) + "_other";
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(value(cyAll, cyKey)), key).toEqual(names(value(enAll, key)));
    }
  });
});
