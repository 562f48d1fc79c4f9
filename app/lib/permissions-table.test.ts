// Role × action table: every intent a case page or an adjustment page accepts, posted by every
// role, on a case nobody has, on the poster's own case and on someone else's. The expected
// answers are written out here by hand (not read from server/auth/permissions.ts), so a change
// of policy has to change this table too. Each post carries only its intent: a refusal must
// come before the fields are read (403), anything else is a 400/409 or the change itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "react-router";
import { CASE_INTENT_NAMES, runCaseIntent } from "~/lib/case-intents.server";
import { ADJUSTMENT_INTENT_NAMES, runAdjustmentIntent } from "~/lib/adjustment-intents.server";
import { createAdjustmentTexts } from "~/lib/adjustments-texts.server";
import { createCase } from "../../server/domain/cases";
import { submitAdjustmentRequest } from "../../server/adjustments";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";

const ROLES = {
  adviser: ["adviser"],
  officer: ["case_officer"],
  manager: ["manager"],
  head: ["head_of_customer_contact"],
  admin: ["admin"],
  managerOfficer: ["manager", "case_officer"],
} as const;
type Who = keyof typeof ROLES;
type Allocation = "nobody" | "self" | "other";

const MANAGERS: Who[] = ["manager", "head", "managerOfficer"];
const WORKERS: Who[] = ["officer", ...MANAGERS];
// Officers work only their own cases; managers and the Head work any.
const ownCase = (a: Allocation): Who[] => (a === "self" ? WORKERS : MANAGERS);

const CASE_EXPECTED: Record<string, (a: Allocation) => Who[]> = {
  allocate: () => MANAGERS,
  take: (a) => (a === "other" ? MANAGERS : WORKERS),
  prepare: ownCase,
  progress: ownCase,
  note: ownCase,
  contact: ownCase,
  changeType: ownCase,
  link: ownCase,
  close: ownCase,
  reopen: ownCase,
  callback: ownCase,
  callbackDone: ownCase,
  nfc: () => MANAGERS,
  restrict: () => MANAGERS,
  lift: () => MANAGERS,
  complaint: () => WORKERS,
};
const ADJUSTMENT_EXPECTED: Record<string, Who[]> = {
  take: WORKERS,
  told: WORKERS,
  withdrawConsent: WORKERS,
  check: WORKERS,
  seen: ["head"],
};

/** The status a route would answer with: a thrown data()/Response, or the returned one. */
async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = (await run()) as { init?: { status?: number }; status?: number };
    return result?.init?.status ?? result?.status ?? 200;
  } catch (error) {
    const e = error as { init?: { status?: number }; status?: number };
    if (e?.init?.status) return e.init.status;
    if (e instanceof Response) return e.status;
    throw error;
  }
}

describe("role × action table", () => {
  let db: TestDatabase;
  const staff = {} as Record<Who | "someoneElse", { id: string; roles: string[] }>;
  let context: AppLoadContext;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    for (const [who, roles] of [...Object.entries(ROLES), ["someoneElse", ["case_officer"]]] as unknown as [Who, string[]][]) {
      const row = await db.prisma.staffUser.create({ data: { email: `${who}@x.test`, name: who, passwordHash: "x", roles: roles as never } });
      staff[who] = { id: row.id, roles: row.roles };
    }
    const now = () => new Date("2026-11-23T10:00:00Z");
    context = { services: { prisma: db.prisma, now, config: { publicUrl: "http://localhost" } } } as unknown as AppLoadContext;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("lists every intent of the two pages in the expected tables", () => {
    expect([...CASE_INTENT_NAMES].sort()).toEqual(Object.keys(CASE_EXPECTED).sort());
    expect([...ADJUSTMENT_INTENT_NAMES].sort()).toEqual(Object.keys(ADJUSTMENT_EXPECTED).sort());
  });

  for (const allocation of ["nobody", "self", "other"] as const) {
    it(`case intents × roles on a case allocated to ${allocation}`, async () => {
      const wrong: string[] = [];
      for (const intent of Object.keys(CASE_EXPECTED)) {
        for (const who of Object.keys(ROLES) as Who[]) {
          const { case: created } = await createCase(
            { prisma: db.prisma },
            { type: "RFA", channel: "web_form", language: "en", summary: "A concern", customer: { name: "Sam", email: `sam${n++}@example.com` }, organisation: { name: "Org", sector: "local_government", location: "uk" } },
          );
          const assignedToId = allocation === "self" ? staff[who].id : allocation === "other" ? staff.someoneElse.id : null;
          await db.prisma.case.update({ where: { id: created.id }, data: { assignedToId } });
          const form = new FormData();
          form.set("intent", intent);
          const status = await statusOf(() => runCaseIntent({ context, staff: staff[who], reference: created.reference, form, lang: "en" }));
          const expected = CASE_EXPECTED[intent]!(allocation).includes(who);
          if ((status === 403) === expected) wrong.push(`${intent} by ${who}: ${status} (expected ${expected ? "allowed" : "403"})`);
        }
      }
      expect(wrong).toEqual([]);
    }, 240_000);
  }

  it("adjustment intents × roles", async () => {
    const wrong: string[] = [];
    for (const intent of Object.keys(ADJUSTMENT_EXPECTED)) {
      for (const who of Object.keys(ROLES) as Who[]) {
        const made = await submitAdjustmentRequest(
          { prisma: db.prisma, now: () => new Date("2026-11-23T10:00:00Z"), texts: createAdjustmentTexts("http://localhost") },
          {
            language: "en",
            needs: [{ code: "large_print" } as never],
            otherNeed: null,
            duration: "one_off",
            caseReference: null,
            difficulty: null,
            consent: false,
            name: "Sam",
            email: `adj${n++}@example.com`,
            phone: null,
            postalAddress: null,
            replyBy: "letter",
            idempotencyKey: `k-${n++}`,
            withdrawConsentUrl: () => "http://localhost/x",
          },
        );
        const form = new FormData();
        form.set("intent", intent);
        const status = await statusOf(() => runAdjustmentIntent({ context, staff: staff[who], reference: made.reference, form, lang: "en" }));
        const expected = ADJUSTMENT_EXPECTED[intent]!.includes(who);
        if ((status === 403) === expected) wrong.push(`${intent} by ${who}: ${status} (expected ${expected ? "allowed" : "403"})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
