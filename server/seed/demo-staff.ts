import type { StaffRole } from "../../generated/prisma/enums";

// Published demo sign-ins: seeded only in demo mode (the embedded database by default).
// Each carries its scrypt hash made once in advance (at today's cost, N=2^17): hashing six
// passwords at that cost on every start took tens of seconds on a busy machine, and the
// passwords are published anyway. server/seed/demo-staff.test.ts checks each hash fits.
export const DEMO_STAFF: { email: string; name: string; password: string; passwordHash: string; roles: StaffRole[]; speaksWelsh: boolean }[] = [
  { email: "adviser@doorstep.example", passwordHash: "scrypt$131072$8$1$e4eUHnKnHPWp7rDczCSsFw$HAFAbshYmNCuVI_5HBFEWt67MDs67Z-QOKq1g_K7iCk", name: "Alex Adviser", password: "demo-adviser-2026", roles: ["adviser"], speaksWelsh: false },
  { email: "cynghorydd@doorstep.example", passwordHash: "scrypt$131072$8$1$yg2ZzJIaZ7dLtF3vo4ICIw$r8dnhHbgFsxpuzK4_DwnYHLYQP1l-BMY3dYpvO_RY98", name: "Catrin Cynghorydd", password: "demo-cynghorydd-2026", roles: ["adviser"], speaksWelsh: true },
  { email: "officer@doorstep.example", passwordHash: "scrypt$131072$8$1$Knlo2QuNDfHFBNZPrtpm-g$WdowBn3MFn_050BalUbINmLzTvMJXyMEU44xHie6Vk0", name: "Olu Officer", password: "demo-officer-2026", roles: ["case_officer"], speaksWelsh: false },
  { email: "manager@doorstep.example", passwordHash: "scrypt$131072$8$1$NJasv3XJ4VH2p89PtuB6lw$M4EvBlwgHt9am20nrbQI5eiDWjuw87AokyOin5O6HrQ", name: "Morgan Manager", password: "demo-manager-2026", roles: ["manager", "case_officer"], speaksWelsh: true },
  { email: "head@doorstep.example", passwordHash: "scrypt$131072$8$1$1QHOY1kSbPEpi37nT1xROg$3pVqrZ8pwztACYSpB92q3INuSHwNwB9ThyQs0KeVeIs", name: "Hana Head", password: "demo-head-2026", roles: ["head_of_customer_contact", "manager"], speaksWelsh: false },
  { email: "admin@doorstep.example", passwordHash: "scrypt$131072$8$1$3qfRKu8ibzxm8LrgxrThjQ$XbIiowx-Y8rxyY7B7ge3ihAU0XtVDWGR8-jR_F9Mb8E", name: "Ade Admin", password: "demo-admin-2026", roles: ["admin"], speaksWelsh: false },
];
