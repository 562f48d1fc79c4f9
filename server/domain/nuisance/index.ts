// Nuisance calls and spam: reports of many contacts, stored as intelligence and grouped into
// repeat offenders. Plain TypeScript; the database and clock are passed in.
export * from "./kinds.js";
export * from "./phone.js";
export * from "./company.js";
export * from "./sender.js";
export * from "./contact.js";
export * from "./advice.js";
export * from "./answers.js";
export * from "./store.js";
export * from "./offenders.js";
export * from "./summary.js";
export * from "./open-case.js";
export * from "./retention.js";
