// The concerns assistant's domain: pure functions and constants, no framework imports.
export * from "./answers.js";
export * from "./dates.js";
export * from "./deadlines.js";
export * from "./steps.js";
export * from "./journey.js";
export * from "./remit.js";
export * from "./letters.js";
export * from "./uploads.js";
export * from "./report.js";
export * from "./sectors.js";
