// server/domain/parties: the one place people and organisations are found or created and flags
// set or cleared (cases, adjustments and chat behaviour reviews all go through it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFlagsForEmail, clearFlags, findOrCreateOrganisation, findOrCreatePerson, normaliseOrganisationName, restrictContactByEmail, setFlag } from "../../server/domain/parties";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

describe.each(ENGINES)("parties on %s", (engine) => {
  let db: TestDatabase;
  let staffId: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    staffId = (await db.prisma.staffUser.create({ data: { email: `p-${engine}@x.test`, name: "Morgan Manager", passwordHash: "x", roles: ["manager"] } })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("finds a person by email whatever its case; refresh takes their latest name, keep leaves the record", async () => {
    const tx = db.prisma;
    const id = await findOrCreatePerson(tx, { name: "Sam Jones", email: "Sam.Jones@Example.com", preferredLanguage: "en" }, "refresh");
    expect(await findOrCreatePerson(tx, { name: "Someone Else", email: " sam.jones@example.com ", preferredLanguage: "cy" }, "keep")).toBe(id);
    expect((await tx.party.findUniqueOrThrow({ where: { id } })).name).toBe("Sam Jones");
    expect(await findOrCreatePerson(tx, { name: "Samuel Jones", email: "SAM.JONES@example.com", phone: "07700 900111", preferredLanguage: "cy" }, "refresh")).toBe(id);
    const row = await tx.party.findUniqueOrThrow({ where: { id } });
    expect([row.name, row.preferredLanguage, row.phone]).toEqual(["Samuel Jones", "cy", "07700 900111"]);
    // Without an email nobody can be matched: a new party each time.
    const a = await findOrCreatePerson(tx, { name: "No Email", preferredLanguage: "en" }, "refresh");
    const b = await findOrCreatePerson(tx, { name: "No Email", preferredLanguage: "en" }, "refresh");
    expect(a).not.toBe(b);
  });

  it("matches organisations by name without legal suffixes or punctuation", async () => {
    expect(normaliseOrganisationName("The Acme Co. Ltd")).toBe("acme");
    const id = await findOrCreateOrganisation(db.prisma, { name: "Acme Ltd", sector: "general_business" });
    expect(await findOrCreateOrganisation(db.prisma, { name: "The ACME Company" })).toBe(id);
    expect(await findOrCreateOrganisation(db.prisma, { name: "Acme Holdings" })).not.toBe(id);
  });

  it("keeps one restricted contact at a time, from a case or a chat review, and clears it", async () => {
    const at = new Date("2026-12-01T10:00:00Z");
    const partyId = await findOrCreatePerson(db.prisma, { name: "Pat", email: "pat@example.com", preferredLanguage: "en" }, "refresh");
    await setFlag(db.prisma, { partyId, kind: "restricted_contact", summary: "Writing only", reviewAt: new Date("2027-06-30T12:00:00Z"), setById: staffId, at });
    await setFlag(db.prisma, { partyId, kind: "no_further_contact", summary: "ENQ0000001: closed", setById: staffId, at });
    // A chat behaviour review on the same person (their email in another case): replaces the arrangement.
    const { partyId: same, flagId } = await restrictContactByEmail(db.prisma, { email: "PAT@example.com", name: "Pat from chat", language: "en", arrangement: "One named adviser", setById: staffId, at });
    expect(same).toBe(partyId);
    const flags = await activeFlagsForEmail(db.prisma, "pat@example.com");
    expect(flags.map((f) => [f.kind, f.summary]).sort()).toEqual([
      ["no_further_contact", "ENQ0000001: closed"],
      ["restricted_contact", "One named adviser"],
    ]);
    expect(flags.find((f) => f.id === flagId)!.reviewAt!.toISOString()).toBe("2027-06-01T10:00:00.000Z");
    expect(await clearFlags(db.prisma, { partyId, kind: "restricted_contact", clearedById: staffId, at })).toBe(1);
    expect((await activeFlagsForEmail(db.prisma, "pat@example.com")).map((f) => f.kind)).toEqual(["no_further_contact"]);
  });
});
