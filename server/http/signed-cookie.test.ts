import { createCookie } from "react-router";
import { describe, expect, it } from "vitest";
import { createSignedCookie } from "./signed-cookie";

const options = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: true, maxAge: 3600 };
const valueOf = (setCookie: string) => setCookie.split(";")[0]!;

describe("createSignedCookie", () => {
  const values: [string, unknown][] = [
    ["a session token", "Zm9vYmFy_-token"],
    ["an object", { name: "Siân Ellis", email: "sian@example.com", phone: "07700 900123" }],
    ["Welsh and emoji", "Diolch yn fawr 🙂 ŵŷ"],
    ["a number", 42],
  ];

  it.each(values)("reads back what it wrote (%s)", async (_label, value) => {
    const cookie = createSignedCookie("c", { ...options, secrets: ["s1"] });
    expect(await cookie.parse(valueOf(await cookie.serialize(value)))).toEqual(value);
  });

  it.each(values)("writes exactly what React Router's signed cookie writes, so cookies already given out still work (%s)", async (_label, value) => {
    const ours = createSignedCookie("c", { ...options, secrets: ["s1"] });
    const theirs = createCookie("c", { ...options, secrets: ["s1"] });
    const written = await ours.serialize(value, { maxAge: 60 });
    expect(written).toBe(await theirs.serialize(value, { maxAge: 60 }));
    expect(await theirs.parse(valueOf(written))).toEqual(value);
    expect(await ours.parse(valueOf(await theirs.serialize(value)))).toEqual(value);
  });

  it.each([
    ["another secret", async () => valueOf(await createSignedCookie("c", { ...options, secrets: ["other"] }).serialize("token"))],
    ["a changed value", async () => valueOf(await createSignedCookie("c", { ...options, secrets: ["s1"] }).serialize("token")).replace("c=I", "c=J")],
    ["no signature", async () => `c=${Buffer.from(JSON.stringify("token")).toString("base64")}`],
    ["a cut signature", async () => valueOf(await createSignedCookie("c", { ...options, secrets: ["s1"] }).serialize("token")).slice(0, -3)],
    ["a malformed escape", async () => "c=%E0%A4%A"],
  ])("refuses %s", async (_label, make) => {
    const cookie = createSignedCookie("c", { ...options, secrets: ["s1"] });
    expect(await cookie.parse(await make())).toBeNull();
  });

  it("accepts a cookie signed with an older secret while signing with the newest", async () => {
    const old = createSignedCookie("c", { ...options, secrets: ["old"] });
    const rotated = createSignedCookie("c", { ...options, secrets: ["new", "old"] });
    expect(await rotated.parse(valueOf(await old.serialize("token")))).toBe("token");
    expect(await old.parse(valueOf(await rotated.serialize("token")))).toBeNull();
  });

  it("reads its own cookie among others, and nothing when it is absent or empty", async () => {
    const cookie = createSignedCookie("c", { ...options, secrets: ["s1"] });
    expect(await cookie.parse(`lang=cy; ${valueOf(await cookie.serialize("token"))}; other=1`)).toBe("token");
    expect(await cookie.parse("lang=cy")).toBeNull();
    expect(await cookie.parse(null)).toBeNull();
    expect(await cookie.parse("c=")).toBe("");
  });

  it("writes an empty value with the same attributes, to clear it", async () => {
    const cookie = createSignedCookie("c", { ...options, secrets: ["s1"] });
    expect(await cookie.serialize("", { maxAge: 0 })).toBe(await createCookie("c", { ...options, secrets: ["s1"] }).serialize("", { maxAge: 0 }));
  });

  it("will not be made without a secret", () => {
    expect(() => createSignedCookie("c", { ...options, secrets: [] })).toThrow(/secret/);
    expect(() => createSignedCookie("c", { ...options, secrets: [""] })).toThrow(/secret/);
  });
});
