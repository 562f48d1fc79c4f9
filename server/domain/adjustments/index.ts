// Service adjustments: the request form's choices, the clocks, decisions, access rules,
// accessible emails, the flag text, and (service.ts, flags.ts) the database work.
export * from "./needs.js";
export * from "./reference.js";
export * from "./clocks.js";
export * from "./decision.js";
export * from "./access.js";
export * from "./email-format.js";
export * from "./summary.js";
export * from "./service.js";
export * from "./flags.js";
