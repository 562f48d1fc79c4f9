import type { StaffRole } from "../../generated/prisma/enums";

// Published demo sign-ins: seeded only in demo mode (the embedded database by default).
export const DEMO_STAFF: { email: string; name: string; password: string; roles: StaffRole[]; speaksWelsh: boolean }[] = [
  { email: "adviser@doorstep.example", name: "Alex Adviser", password: "demo-adviser-2026", roles: ["adviser"], speaksWelsh: false },
  { email: "cynghorydd@doorstep.example", name: "Catrin Cynghorydd", password: "demo-cynghorydd-2026", roles: ["adviser"], speaksWelsh: true },
  { email: "officer@doorstep.example", name: "Olu Officer", password: "demo-officer-2026", roles: ["case_officer"], speaksWelsh: false },
  { email: "manager@doorstep.example", name: "Morgan Manager", password: "demo-manager-2026", roles: ["manager", "case_officer"], speaksWelsh: true },
  { email: "head@doorstep.example", name: "Hana Head", password: "demo-head-2026", roles: ["head_of_customer_contact", "manager"], speaksWelsh: false },
  { email: "admin@doorstep.example", name: "Ade Admin", password: "demo-admin-2026", roles: ["admin"], speaksWelsh: false },
];
