// Demo data, applied on every start in demo mode. Idempotent: running it twice changes nothing.
import { createCase, type NewCaseInput } from "../domain/cases";
import type { Services } from "../services";
import { DEMO_STAFF } from "./demo-staff";
import { seedNuisanceDemo } from "./nuisance";

const DAY = 24 * 3600_000;

type DemoCase = Omit<NewCaseInput, "idempotencyKey"> & { key: string; daysAgo: number; flags?: { kind: "reasonable_adjustment" | "restricted_contact"; summary: string }[] };

const DEMO_CASES: DemoCase[] = [
  {
    key: "demo-1", daysAgo: 20, type: "RFA", channel: "web_form", language: "en",
    summary: "I asked my gym for a copy of my records in August and have had no reply.",
    customer: { name: "Priya Shah", email: "priya.shah@example.com" },
    organisation: { name: "FitLife Leisure Ltd", sector: "leisure", location: "uk" },
    flags: [{ kind: "reasonable_adjustment", summary: "Large print (18pt) for all letters; phone calls only after 2pm." }],
  },
  {
    key: "demo-2", daysAgo: 12, type: "FS50", channel: "web_form", language: "cy",
    summary: "Gwrthododd y cyngor fy nghais am wybodaeth am gyllideb y llyfrgelloedd.",
    customer: { name: "Gareth Williams", email: "gareth.williams@example.cymru", preferredLanguage: "cy" },
    organisation: { name: "Cyngor Sir Enghraifft", sector: "local_government", location: "uk" },
  },
  {
    key: "demo-3", daysAgo: 2, type: "ENQ", channel: "web_form", language: "en",
    summary: "Can my landlord give my phone number to a repairs company?",
    customer: { name: "Jo Bloggs", email: "jo.bloggs@example.org" },
  },
  {
    key: "demo-4", daysAgo: 33, type: "ELE", channel: "web_form", language: "en",
    summary: "I keep getting calls about an accident I never had, even though I am registered with TPS.",
    customer: { name: "Tom Evans", email: "tom.evans@example.net" },
    organisation: { name: "Claim Helpers Direct", sector: "direct_marketing", location: "uk" },
    flags: [{ kind: "restricted_contact", summary: "Contact in writing only; one named officer (manager review due March 2027)." }],
  },
  {
    key: "demo-5", daysAgo: 6, type: "RFA", channel: "web_form", language: "en",
    summary: "My hospital sent my test results to the wrong address.",
    customer: { name: "Alex Morgan", email: "alex.morgan@example.com" },
    organisation: { name: "Northshire NHS Trust", sector: "health", location: "uk" },
  },
];

export async function seedDemoData(services: Pick<Services, "prisma" | "logger" | "now">) {
  const { prisma } = services;
  for (const person of DEMO_STAFF) {
    const existing = await prisma.staffUser.findUnique({ where: { email: person.email } });
    // Compared as strings: the shipped hash is the demo password's, no key derivation at start.
    if (existing && existing.passwordHash === person.passwordHash && existing.active) continue;
    const { passwordHash } = person;
    await prisma.staffUser.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash, roles: person.roles, speaksWelsh: person.speaksWelsh },
      update: { passwordHash, roles: person.roles, active: true },
    });
  }

  const now = services.now().getTime();
  for (const { key, daysAgo, flags, ...input } of DEMO_CASES) {
    const { case: created, created: isNew } = await createCase({ prisma, now: () => new Date(now - daysAgo * DAY) }, { ...input, idempotencyKey: key });
    if (!isNew || !flags) continue;
    const customer = await prisma.caseParty.findFirst({ where: { caseId: created.id, role: "customer" } });
    if (!customer) continue;
    for (const flag of flags) await prisma.partyFlag.create({ data: { partyId: customer.partyId, ...flag } });
  }
  await seedNuisanceDemo(prisma, services.now());
  return { staff: DEMO_STAFF };
}
