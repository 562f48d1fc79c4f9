import { describe, expect, it } from "vitest";
import { canShow, previousStep, stepAfter, walker, walkPages, type PageList } from "./engine.js";

// A small list journey: "extra" is asked only when "a" is "yes".
type Page = "a" | "extra" | "b" | "check";
type Draft = { a?: "yes" | "no"; extra?: string; b?: string };
const journey: PageList<Page, Draft> = {
  pages: ["a", "extra", "b", "check"],
  applies: (page, d) => page !== "extra" || d.a === "yes",
  answered: (page, d) => (page === "check" ? false : Boolean(d[page])),
};

describe("walkPages", () => {
  it.each<[string, Draft, Page[], Page]>([
    ["nothing answered", {}, [], "a"],
    ["a page that does not apply is left out", { a: "no" }, ["a"], "b"],
    ["a page that applies is asked", { a: "yes" }, ["a"], "extra"],
    ["an answer beyond a gap does not count", { a: "yes", b: "x" }, ["a"], "extra"],
    ["to the end", { a: "yes", extra: "e", b: "x" }, ["a", "extra", "b"], "check"],
    ["a stale answer to a page that no longer applies is skipped", { a: "no", extra: "e", b: "x" }, ["a", "b"], "check"],
  ])("%s", (_name, draft, path, next) => {
    const walk = walkPages(journey, draft);
    expect(walk.path).toEqual(path);
    expect(walk.next).toBe(next);
  });

  it("reaches the outcome when every page that applies is answered", () => {
    const walk = walkPages({ pages: ["a", "b"] as const, answered: () => true }, {});
    expect(walk).toEqual({ path: ["a", "b"], next: null, outcome: "complete" });
  });
});

describe("moving about a walk", () => {
  const walk = walkPages(journey, { a: "yes", extra: "e", b: "x" });

  it("shows pages on the path and the next one, and sends a deep link ahead back", () => {
    const early = walkPages(journey, { a: "yes" });
    expect(canShow(early, "a")).toBe(true);
    expect(canShow(early, "extra")).toBe(true);
    expect(canShow(early, "b")).toBe(false);
    expect(canShow(early, "check")).toBe(false);
    // A page that does not apply is never shown, even when later pages are answered.
    expect(canShow(walkPages(journey, { a: "no", b: "x" }), "extra")).toBe(false);
  });

  it("back, back, Continue shows each page again instead of jumping to the first unanswered one", () => {
    expect(previousStep(walk, "check")).toBe("b");
    expect(previousStep(walk, "b")).toBe("extra");
    expect(stepAfter(walk, "a")).toBe("extra");
    expect(stepAfter(walk, "extra")).toBe("b");
    expect(stepAfter(walk, "b")).toBe("check");
    expect(previousStep(walk, "a")).toBeNull();
  });

  it("gives the outcome (null) after the last page of a finished walk", () => {
    const finished = walkPages({ pages: ["a", "b"] as const, answered: () => true }, {});
    expect(stepAfter(finished, "b")).toBeNull();
    expect(previousStep(finished, "b")).toBe("a");
  });
});

describe("walker (decision trees)", () => {
  it("stops at the first unanswered question, passing the path before it", () => {
    const seen: string[][] = [];
    const w = walker<"x" | "y" | "z">((step, before) => {
      seen.push([...before]);
      return step !== "z";
    });
    expect(w.ask("x")).toBeNull();
    expect(w.ask("y")).toBeNull();
    expect(w.ask("z")).toEqual({ path: ["x", "y"], next: "z", outcome: null });
    expect(seen).toEqual([[], ["x"], ["x", "y"]]);
    expect(w.done("finished")).toEqual({ path: ["x", "y"], next: null, outcome: "finished" });
  });
});
