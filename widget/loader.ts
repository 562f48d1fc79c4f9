// The one script a website adds: <script src="https://<doorstep>/widget.js" defer></script>.
// On page load it draws only a launcher button (no socket, nothing else fetched). A click opens
// the chat app in an iframe from our origin; page and iframe talk by postMessage with exact
// origin checks both ways.
import { launcher as cyText } from "../locales/cy/widget.json";
import { launcher as enText } from "../locales/en/widget.json";

const OPEN_KEY = "doorstep-chat-open";

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || document.getElementById("doorstep-chat-launcher")) return;
  const origin = new URL(script.src).origin;
  const lang = (script.dataset.lang || document.documentElement.lang || "en").toLowerCase().startsWith("cy") ? "cy" : "en";
  const text = lang === "cy" ? cyText : enText;

  const button = document.createElement("button");
  button.type = "button";
  button.id = "doorstep-chat-launcher";
  button.textContent = text.open;
  button.setAttribute("aria-expanded", "false");
  // Styles through the CSSOM, which a host page's CSP (style-src) allows, unlike style attributes.
  Object.assign(button.style, {
    position: "fixed",
    right: "1rem",
    bottom: "1rem",
    zIndex: "2147483000",
    padding: "0.75rem 1rem",
    font: "bold 1rem/1.25 system-ui, sans-serif",
    color: "#fff",
    background: "#00566b",
    border: "2px solid #fff",
    borderRadius: "0.25rem",
    boxShadow: "0 0 0 2px #0b0c0c",
    cursor: "pointer",
  });
  button.addEventListener("focus", () => Object.assign(button.style, { outline: "3px solid #ffdd00", outlineOffset: "0" }));
  button.addEventListener("blur", () => (button.style.outline = "none"));

  let frame: HTMLIFrameElement | null = null;

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "doorstep-chat-frame";
      frame.title = text.frameTitle;
      frame.src = `${origin}${lang === "cy" ? "/cy" : ""}/chat/frame?host=${encodeURIComponent(location.origin)}`;
      const small = window.matchMedia("(max-width: 30em)").matches;
      Object.assign(frame.style, {
        position: "fixed",
        zIndex: "2147483001",
        right: small ? "0" : "1rem",
        bottom: small ? "0" : "1rem",
        width: small ? "100vw" : "min(26rem, calc(100vw - 2rem))",
        height: small ? "100dvh" : "min(40rem, calc(100dvh - 2rem))",
        border: "2px solid #0b0c0c",
        background: "#fff",
      });
      frame.addEventListener("load", () => frame?.focus());
      button.setAttribute("aria-controls", frame.id);
      document.body.appendChild(frame);
    } else {
      frame.hidden = false;
      frame.contentWindow?.postMessage({ type: "doorstep-chat:opened" }, origin);
      frame.focus();
    }
    button.hidden = true;
    button.setAttribute("aria-expanded", "true");
    try {
      sessionStorage.setItem(OPEN_KEY, "1");
    } catch {
      // storage blocked: the chat still works, it just does not reopen itself on reload
    }
  }

  function close() {
    if (frame) frame.hidden = true;
    button.hidden = false;
    button.setAttribute("aria-expanded", "false");
    button.focus();
    try {
      sessionStorage.removeItem(OPEN_KEY);
    } catch {
      // ignore
    }
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const data = event.data as { type?: unknown } | null;
    if (data?.type === "doorstep-chat:close") close();
  });
  button.addEventListener("click", open);

  const mount = () => {
    document.body.appendChild(button);
    // A reload mid-chat reopens the chat, which resumes the same conversation.
    try {
      if (sessionStorage.getItem(OPEN_KEY)) open();
    } catch {
      // ignore
    }
  };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
