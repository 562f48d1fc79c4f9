// The transcript moved to shared/chat/transcript.ts (the widget renders it in the browser).
export * from "../../../shared/chat/transcript.js";
