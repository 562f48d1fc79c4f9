// The chat contracts moved to shared/chat/events.ts (the widget and the adviser console import
// them too, and the widget may import nothing from server/). Edit them there.
export * from "../../../shared/chat/events.js";
