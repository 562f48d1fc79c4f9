// Demo data, applied on every start in demo mode. Idempotent: running it twice changes nothing.
import { hashPassword, verifyPassword } from "../auth/password";
import type { Services } from "../services";
import { DEMO_STAFF } from "./demo-staff";

export async function seedDemoData(services: Pick<Services, "prisma" | "logger">) {
  const { prisma } = services;
  for (const person of DEMO_STAFF) {
    const existing = await prisma.staffUser.findUnique({ where: { email: person.email } });
    if (existing && (await verifyPassword(person.password, existing.passwordHash))) continue;
    const passwordHash = await hashPassword(person.password);
    await prisma.staffUser.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash, roles: person.roles, speaksWelsh: person.speaksWelsh },
      update: { passwordHash, roles: person.roles, active: true },
    });
  }
  return { staff: DEMO_STAFF };
}
