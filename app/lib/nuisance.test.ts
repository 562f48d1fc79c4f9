import { describe, expect, it } from "vitest";
import { nuisanceAfter, nuisanceGuard, resumePath, type NuisanceDraft } from "./nuisance";

const contact = { id: "c1", kind: "live_call", date: "2026-03-01" } as unknown as NuisanceDraft["contacts"][number];
const about: NonNullable<NuisanceDraft["about"]> = { tps: "yes", registeredOn: null, consent: "no", askedToStop: "no" };
const you: NonNullable<NuisanceDraft["you"]> = { wantsReply: false, name: "", email: "", phone: "", remember: false };
const none: Partial<NuisanceDraft> = { contacts: [] };
const withContact: Partial<NuisanceDraft> = { contacts: [contact] };
const complete: Partial<NuisanceDraft> = { contacts: [contact], about, you };

describe("the nuisance journey on the engine", () => {
  it.each<[string, Parameters<typeof nuisanceGuard>[0], Partial<NuisanceDraft>, string | null]>([
    ["no contacts: the list goes to the kind page", "contacts", none, "/report-nuisance/kind"],
    ["no contacts: About you goes to the kind page", "about-you", none, "/report-nuisance/kind"],
    ["a contact: the list", "contacts", withContact, null],
    ["a contact: About you", "about-you", withContact, null],
    ["a contact: Your details too early", "your-details", withContact, "/report-nuisance/about-you"],
    ["a contact: check too early", "check", withContact, "/report-nuisance/about-you"],
    ["about answered: check too early", "check", { ...withContact, about }, "/report-nuisance/your-details"],
    ["complete: check", "check", complete, null],
    ["complete: About you again", "about-you", complete, null],
  ])("%s", (_name, page, draft, to) => {
    expect(nuisanceGuard(page, draft)).toBe(to);
  });

  it("back, back, Continue shows each page again: About you goes on to Your details, not past it", () => {
    expect(nuisanceAfter("about-you", complete, false)).toBe("/report-nuisance/your-details");
    expect(nuisanceAfter("your-details", complete, false)).toBe("/report-nuisance/check");
    // A change from check answers goes back there.
    expect(nuisanceAfter("about-you", complete, true)).toBe("/report-nuisance/check");
    expect(nuisanceAfter("about-you", { ...withContact, about }, true)).toBe("/report-nuisance/your-details");
  });

  it.each<[Partial<NuisanceDraft>, string]>([
    [none, "/report-nuisance/kind"],
    [withContact, "/report-nuisance/about-you"],
    [{ ...withContact, about }, "/report-nuisance/your-details"],
    [complete, "/report-nuisance/check"],
  ])("resumes %o at %s", (draft, path) => {
    expect(resumePath(draft)).toBe(path);
  });
});
