// The language helpers live in shared/ (browser-safe, also used by the server and the widget).
export * from "../../shared/lang";
