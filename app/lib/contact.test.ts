import { describe, expect, it } from "vitest";
import { contactGuard, ContactDetailsSchema, ContactQuestionSchema, nextContactStep } from "./contact";

describe("contact journey", () => {
  it.each([
    [{}, "/contact"],
    [{ question: "  " }, "/contact"],
    [{ question: "Why?" }, "/contact/details"],
    [{ question: "Why?", name: "Sam" }, "/contact/details"],
    [{ question: "Why?", name: "Sam", email: "not-an-email" }, "/contact/details"],
    [{ question: "Why?", name: "Sam", email: "sam@example.com" }, "/contact/check"],
    [{ question: "x".repeat(2001), name: "Sam", email: "sam@example.com" }, "/contact"],
  ])("%o goes to %s", (draft, step) => expect(nextContactStep(draft)).toBe(step));

  it.each([
    ["/contact", {}, null],
    ["/contact/details", {}, "/contact"],
    ["/contact/details", { question: "Why?" }, null],
    ["/contact/check", { question: "Why?" }, "/contact/details"],
    ["/contact/check", { question: "Why?", name: "Sam", email: "sam@example.com" }, null],
    ["/contact/details", { question: "Why?", name: "Sam", email: "sam@example.com" }, null],
  ] as const)("%s with %o is sent to %s", (page, draft, to) => expect(contactGuard(page, draft)).toBe(to));

  it.each([
    [{ question: "" }, "contact:errors.question.required"],
    [{}, "contact:errors.question.required"],
    [{ question: "x".repeat(2001) }, "contact:errors.question.tooLong"],
  ])("question %# says %s", (input, message) => {
    const result = ContactQuestionSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(message);
  });

  it("keeps script as text and trims", () => {
    expect(ContactQuestionSchema.parse({ question: "  <script>alert(1)</script> " }).question).toBe("<script>alert(1)</script>");
  });

  it.each([
    [{ name: "", email: "a@b.co" }, "name", "contact:errors.name.required"],
    [{ name: "x".repeat(101), email: "a@b.co" }, "name", "contact:errors.name.tooLong"],
    [{ name: "Sam", email: "" }, "email", "contact:errors.email.required"],
    [{ name: "Sam", email: "sam@" }, "email", "contact:errors.email.invalid"],
    [{ name: "Sam", email: "sam example.com" }, "email", "contact:errors.email.invalid"],
  ])("details %# fail on %s", (input, field, message) => {
    const result = ContactDetailsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field)!;
    expect(issue.message).toBe(message);
  });
});
