import { describe, expect, it } from "vitest";
import { needsRehash, verifyPassword } from "../auth/password";
import { DEMO_STAFF } from "./demo-staff";

describe("demo staff", () => {
  it("ship hashes at today's cost that fit their published passwords", async () => {
    for (const person of DEMO_STAFF) {
      expect(needsRehash(person.passwordHash), person.email).toBe(false);
      expect(await verifyPassword(person.password, person.passwordHash), person.email).toBe(true);
    }
  }, 120_000);
});
