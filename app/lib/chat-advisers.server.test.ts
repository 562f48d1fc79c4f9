import { describe, expect, it } from "vitest";
import { parseAdviserSettings } from "./chat-advisers.server";

const A = "0b8f2a52-6a43-4c1e-9a4e-7d0a4f1c2b11";
const B = "5c3d9e77-1f2a-4b6c-8d9e-0a1b2c3d4e5f";

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("the advisers settings form", () => {
  it("reads each listed adviser: a ticked box is Welsh, an unticked one is not, capacity as a number", () => {
    const parsed = parseAdviserSettings(form([["adviser", A], ["welsh-" + A, "yes"], ["capacity-" + A, "4"], ["adviser", B], ["capacity-" + B, "1"]]));
    expect(parsed).toEqual({ ok: true, rows: [{ id: A, speaksWelsh: true, maxChats: 4 }, { id: B, speaksWelsh: false, maxChats: 1 }] });
  });

  it.each(["0", "7", "2.5", "", "three", "-1"])("refuses a capacity of %j and says whose", (capacity) => {
    const parsed = parseAdviserSettings(form([["adviser", A], ["capacity-" + A, "3"], ["adviser", B], ["capacity-" + B, capacity]]));
    expect(parsed).toEqual({ ok: false, invalid: [B] });
  });

  it("refuses an id that is not a staff id, and an empty post", () => {
    expect(parseAdviserSettings(form([["adviser", "1 OR 1=1"], ["capacity-1 OR 1=1", "3"]]))).toEqual({ ok: false, invalid: ["1 OR 1=1"] });
    expect(parseAdviserSettings(form([]))).toEqual({ ok: false, invalid: [] });
  });

  it("counts a repeated adviser once", () => {
    const parsed = parseAdviserSettings(form([["adviser", A], ["adviser", A], ["capacity-" + A, "6"]]));
    expect(parsed).toEqual({ ok: true, rows: [{ id: A, speaksWelsh: false, maxChats: 6 }] });
  });
});
