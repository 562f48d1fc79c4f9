export * from "./contracts.js";
export * from "./office-hours.js";
export * from "./queue.js";
export * from "./transcript.js";
export * from "./status.js";
