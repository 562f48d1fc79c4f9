import { describe, expect, it } from "vitest";
import { ALL_SECTORS, GROUPED_SECTORS, sectorFits, sectorGroupsFor } from "./sectors.js";

describe("organisation types for a concern", () => {
  it("puts every sector in exactly one group", () => {
    expect([...GROUPED_SECTORS].sort()).toEqual([...ALL_SECTORS].sort());
  });
  it("offers FOI and EIR requests public bodies only (no marketing companies or car dealers)", () => {
    for (const topic of ["foi", "eir"] as const) {
      const offered = sectorGroupsFor(topic).flatMap((g) => g.sectors);
      expect(offered).toEqual(expect.arrayContaining(["local_government", "health", "central_government", "other"]));
      expect(offered).not.toContain("direct_marketing");
      expect(offered).not.toContain("motor");
      expect(sectorFits(topic, "motor")).toBe(false);
      expect(sectorFits(topic, "local_government")).toBe(true);
    }
  });
  it("offers personal-information concerns every type", () => {
    expect(sectorGroupsFor("personal").flatMap((g) => g.sectors)).toHaveLength(ALL_SECTORS.length);
    expect(sectorFits("personal", "motor")).toBe(true);
    expect(sectorFits("personal", "nonsense")).toBe(false);
  });
});
