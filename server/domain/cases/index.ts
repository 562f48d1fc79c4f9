// The case-intake domain: pure functions and constants, no framework imports.
export * from "./case-types.js";
export * from "./reference.js";
export * from "./work-queues.js";
export * from "./working-days.js";
export * from "./clocks.js";
export * from "./outcomes.js";
export * from "./status.js";
export * from "./welsh.js";
export * from "./create-case.js";
export * from "./case-work.js";
export * from "./queue-counts.js";
export * from "./case-query.js";
export * from "./case-counts.js";
