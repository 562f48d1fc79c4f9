export * from "./parties.js";
export * from "./flags.js";
