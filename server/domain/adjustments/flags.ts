// A customer's flags moved to server/domain/parties/flags.ts (they are not only adjustments').
export * from "../parties/flags.js";
