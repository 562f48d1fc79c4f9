// Service adjustments' pure rules: the request form's choices, the clocks, decisions, access
// rules, accessible emails and the flag text. The transactions that apply them are in
// server/adjustments/ (one module per use case); flags.ts re-exports the parties' flag reader.
export * from "./needs.js";
export * from "./reference.js";
export * from "./clocks.js";
export * from "./decision.js";
export * from "./access.js";
export * from "./email-format.js";
export * from "./summary.js";
export * from "./flags.js";
