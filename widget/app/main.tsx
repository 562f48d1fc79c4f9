/** @jsxImportSource preact */
// The chat app inside the widget's iframe (preact, no React): pre-chat questions, the queue,
// the conversation, and what happens after. Every string comes from locales/*/widget.json.
import { render, type JSX } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { MAX_MESSAGE_CHARS, TOPICS, type ErrorCode } from "../../shared/chat/events";
import { transcriptHtml, transcriptText } from "../../shared/chat/transcript";
import { officeTimes } from "../hours";
import { CustomerChatClient } from "./client";

type Strings = typeof import("../../locales/en/widget.json");
type Lang = "en" | "cy";

const root = document.getElementById("chat-app")!;
const all = JSON.parse(document.getElementById("chat-strings")!.textContent!) as Record<Lang, Strings>;
const hostOrigin = root.dataset.hostOrigin!;
/** Opening times to show, or null when the chat is "always" open or switched off ("closed"). */
const times = officeTimes(root.dataset.hours);

function translator(lang: Lang) {
  return (key: string, values: Record<string, string | number> = {}) => {
    let node: unknown = all[lang];
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return String(node ?? key).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ""));
  };
}

const client = new CustomerChatClient(location.origin);

function closeWidget() {
  // Only ever to the host page the server checked against CHAT_ALLOWED_ORIGINS.
  if (window.parent !== window) window.parent.postMessage({ type: "doorstep-chat:close" }, hostOrigin);
}

function useClient() {
  const [state, setState] = useState(client.state);
  useEffect(() => client.subscribe(() => setState(client.state)), []);
  return state;
}

/** Moves focus to a screen's heading when the screen changes, so screen readers hear where they are. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function App() {
  const state = useClient();
  const [lang, setLang] = useState<Lang>(root.dataset.lang === "cy" ? "cy" : "en");
  const t = useMemo(() => translator(state.conversation?.lang ?? lang), [lang, state.conversation?.lang]);
  const [mode, setMode] = useState<"prechat" | "leave">("prechat");
  const [closedReason, setClosedReason] = useState<"outOfHours" | "queueFull" | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && closeWidget();
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== hostOrigin || e.source !== window.parent) return;
      if ((e.data as { type?: string } | null)?.type === "doorstep-chat:opened") document.querySelector<HTMLElement>("h1")?.focus();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("message", onMessage);
    };
  }, []);

  useEffect(() => {
    if (client.hasSavedConversation) return;
    void client.status().then((res) => {
      if ("data" in res && !res.data.acceptingChats) {
        setClosedReason(res.data.open ? "queueFull" : "outOfHours");
        setMode("leave");
      }
    });
  }, [state.connected]);

  const c = state.conversation;
  let screen;
  if (!c) {
    screen =
      mode === "leave" ? (
        <LeaveMessage t={t} lang={lang} reason={closedReason} />
      ) : (
        <PreChat
          t={t}
          lang={lang}
          setLang={setLang}
          onClosed={(code) => {
            setClosedReason(code === "closed" ? "outOfHours" : "queueFull");
            setMode("leave");
          }}
        />
      );
  } else if (c.status === "ended") screen = <AfterChat key="after" t={t} />;
  else screen = <Conversation key="chat" t={t} />;

  return (
    <div class="chat">
      <header class="chat__bar">
        <span class="chat__brand">{t("app.title")}</span>
        <span class="chat__conn" role="status">
          {state.connected ? "" : client.hasSavedConversation ? t("app.reconnecting") : t("app.connecting")}
        </span>
        {window.parent !== window ? (
          <button type="button" class="chat__close" onClick={closeWidget} aria-label={t("app.closeLabel")}>
            {t("app.close")}
          </button>
        ) : null}
      </header>
      <main class={c && c.status !== "ended" ? "chat__body chat__body--chat" : "chat__body"}>{screen}</main>
    </div>
  );
}

type T = ReturnType<typeof translator>;

function ErrorSummary({ t, errors }: { t: T; errors: [string, string][] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors.map((e) => e.join()).join()]);
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t("app.errorTitle")}</h2>
      <ul>
        {errors.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PreChat({ t, lang, setLang, onClosed }: { t: T; lang: Lang; setLang: (l: Lang) => void; onClosed: (code: ErrorCode) => void }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [topic, setTopic] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<[string, string][]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: [string, string][] = [];
    if (!topic) found.push(["topic", t("prechat.errors.topic")]);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) found.push(["email", t("prechat.errors.email")]);
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const res = await client.start({ lang, topic: topic as (typeof TOPICS)[number], name, email, transcriptConsent: consent });
    setBusy(false);
    if ("error" in res) {
      if (res.error.code === "closed" || res.error.code === "queue_full") onClosed(res.error.code);
      else setErrors([["topic", t(`errors.${res.error.code}`)]]);
    }
  };
  const err = (f: string) => errors.find((e) => e[0] === f)?.[1];

  return (
    <form onSubmit={submit} noValidate>
      <h1 tabIndex={-1} ref={heading}>
        {t("app.title")}
      </h1>
      <ErrorSummary t={t} errors={errors} />
      <p>{t("prechat.intro")}</p>
      {times ? <p>{t("prechat.hours", times)}</p> : null}
      <fieldset>
        <legend>{t("prechat.language")}</legend>
        {(["en", "cy"] as const).map((l) => (
          <label class="choice" key={l}>
            <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} /> {l === "en" ? t("prechat.english") : t("prechat.welsh")}
          </label>
        ))}
      </fieldset>
      <div class={err("topic") ? "field field--error" : "field"}>
        <label for="topic">{t("prechat.topic")}</label>
        {err("topic") ? <p class="field__error" id="topic-error">{err("topic")}</p> : null}
        <select id="topic" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} aria-describedby={err("topic") ? "topic-error" : undefined}>
          <option value="" />
          {TOPICS.map((k) => (
            <option key={k} value={k}>
              {t(`topics.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="name">
          {t("prechat.name")} {t("app.optional")}
        </label>
        <input id="name" autocomplete="name" maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class={err("email") ? "field field--error" : "field"}>
        <label for="email">
          {t("prechat.email")} {t("app.optional")}
        </label>
        <p class="hint" id="email-hint">
          {t("prechat.emailHint")}
        </p>
        {err("email") ? <p class="field__error" id="email-error">{err("email")}</p> : null}
        <input id="email" type="email" autocomplete="email" spellcheck={false} value={email} onInput={(e) => setEmail(e.currentTarget.value)} aria-describedby={err("email") ? "email-hint email-error" : "email-hint"} />
      </div>
      <label class="choice">
        <input type="checkbox" id="consent" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} /> {t("prechat.consent")}
      </label>
      <button type="submit" class="button" disabled={busy}>
        {t("app.continue")}
      </button>
    </form>
  );
}

function Conversation({ t }: { t: T }) {
  const state = useClient();
  const c = state.conversation!;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const logRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
    if (document.hasFocus()) client.markRead();
  }, [state.messages.length, state.pending.length]);
  useEffect(() => {
    const onFocus = () => client.markRead();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, []);

  const send = () => {
    const value = text.trim();
    if (!value) return setError(t("prechat.errors.text"));
    if (value.length > MAX_MESSAGE_CHARS) return setError(t("prechat.errors.tooLong"));
    setError(null);
    client.send(value);
    setText("");
  };
  const lastOwn = [...state.messages].reverse().find((m) => m.author === "customer");
  const receipt = (seq: number) => (seq <= state.adviserReadSeq ? t("chat.read") : lastOwn && seq === lastOwn.seq ? t("chat.sent") : "");

  return (
    <div class="conversation">
      <h1 tabIndex={-1} ref={heading} class="visually-hidden-focusable">
        {c.status === "queued" ? t("queue.title") : t("app.title")}
      </h1>
      <div role="status" class="notice">
        {c.status === "queued" ? (
          <>
            <p>{c.position ? t("queue.position", { position: c.position }) : null}</p>
            <p>{c.estimatedWaitSeconds ? t("queue.wait", { minutes: Math.ceil(c.estimatedWaitSeconds / 60) }) : t("queue.waitSoon")}</p>
            {state.requeued ? <p>{t("queue.requeued")}</p> : <p>{t("queue.typeWhileWaiting")}</p>}
          </>
        ) : c.adviserName ? (
          <p>{t("chat.joined", { name: c.adviserName })}</p>
        ) : null}
      </div>
      {state.fallbackOffered && c.status === "queued" ? (
        <div class="panel">
          <p>{t("queue.fallback")}</p>
          <button type="button" class="button button--secondary" onClick={() => void client.acceptFallback()}>
            {t("queue.acceptFallback")}
          </button>
        </div>
      ) : null}
      <div class="log-wrap" role="log" aria-live="polite" aria-label={t("chat.log")} tabIndex={0}>
      <ol class="log" ref={logRef}>
        {state.messages.map((m) => (
          <li key={m.seq} class={`msg msg--${m.author}`}>
            <span class="msg__who">{m.author === "customer" ? t("chat.you") : (m.authorName ?? t("chat.adviser"))}</span>
            <span class="msg__text">{m.text}</span>
            {m.author === "customer" ? <span class="msg__state">{receipt(m.seq)}</span> : null}
          </li>
        ))}
        {state.pending.map((p) => (
          <li key={p.clientId} class="msg msg--customer msg--pending">
            <span class="msg__who">{t("chat.you")}</span>
            <span class="msg__text">{p.text}</span>
            <span class="msg__state">{p.error ? t(`errors.${p.error}`) : state.connected ? t("chat.sending") : t("chat.failed")}</span>
          </li>
        ))}
      </ol>
      </div>
      <p class="typing" aria-live="polite">
        {state.adviserTyping && c.adviserName ? t("chat.typing", { name: c.adviserName }) : ""}
      </p>
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label for="message">{t("chat.message")}</label>
        <p class="hint" id="message-hint">
          {t("chat.messageHint")}
        </p>
        {error ? (
          <p class="field__error" id="message-error" role="alert">
            {error}
          </p>
        ) : null}
        <textarea
          id="message"
          rows={3}
          value={text}
          aria-describedby={error ? "message-hint message-error" : "message-hint"}
          onInput={(e) => {
            setText(e.currentTarget.value);
            client.typing();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              send();
            }
          }}
        />
        <div class="actions">
          <button type="submit" class="button">
            {t("app.send")}
          </button>
          <button
            type="button"
            class="button button--warning"
            onClick={() => {
              if (window.confirm(t("chat.endConfirm"))) void client.end();
            }}
          >
            {t("chat.end")}
          </button>
        </div>
      </form>
    </div>
  );
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function AfterChat({ t }: { t: T }) {
  const state = useClient();
  const c = state.conversation!;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [rated, setRated] = useState(c.rated);
  const [email, setEmail] = useState("");
  const [emailSent, setEmailSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = { title: t("transcript.title"), you: t("transcript.you"), adviser: t("transcript.adviser"), system: t("transcript.system"), date: (iso: string) => new Date(iso).toLocaleString("en-GB") };

  return (
    <div>
      <h1 tabIndex={-1} ref={heading}>
        {t("after.title")}
      </h1>
      <div role="status">{error ? <p class="field__error">{error}</p> : null}</div>
      {rated ? (
        <p role="status">{t("after.thanks")}</p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!rating) return;
            const res = await client.rate(rating, comment);
            if ("data" in res) setRated(true);
            else setError(t(`errors.${res.error.code}`));
          }}
        >
          <fieldset>
            <legend>{t("after.rateQuestion")}</legend>
            {[5, 4, 3, 2, 1].map((n) => (
              <label class="choice" key={n}>
                <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} /> {t(`after.rate.${n}`)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="comment">
              {t("after.comment")} {t("app.optional")}
            </label>
            <textarea id="comment" rows={3} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button">
            {t("after.rateSend")}
          </button>
        </form>
      )}
      <h2>{t("transcript.title")}</h2>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => download("transcript.txt", "text/plain;charset=utf-8", transcriptText(state.messages, labels))}>
          {t("after.downloadText")}
        </button>
        <button type="button" class="button button--secondary" onClick={() => download("transcript.html", "text/html;charset=utf-8", transcriptHtml(state.messages, labels, c.lang))}>
          {t("after.downloadHtml")}
        </button>
      </div>
      {emailSent ? (
        <p role="status">{t("after.emailSent")}</p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setError(t("prechat.errors.email"));
            const res = await client.emailTranscript(email);
            if ("data" in res) setEmailSent(true);
            else setError(t(`errors.${res.error.code}`));
          }}
        >
          <div class="field">
            <label for="transcript-email">{t("prechat.email")}</label>
            <input id="transcript-email" type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button--secondary">
            {t("after.emailSend")}
          </button>
        </form>
      )}
      <button type="button" class="button" onClick={() => client.forget()}>
        {t("after.newChat")}
      </button>
    </div>
  );
}

function LeaveMessage({ t, lang, reason }: { t: T; lang: Lang; reason: "outOfHours" | "queueFull" | null }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [topic, setTopic] = useState("other");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<[string, string][]>([]);
  const [busy, setBusy] = useState(false);
  const [reference, setReference] = useState<string | null>(null);
  const done = useRef<HTMLHeadingElement>(null);
  useEffect(() => done.current?.focus(), [reference]);
  const err = (f: string) => errors.find((e) => e[0] === f)?.[1];
  // Our own pages, in the person's language, in a new tab: the host page (and what they typed) stays as it is.
  const page = (path: string) => `${lang === "cy" ? "/cy" : ""}${path}`;
  const otherWays = (
    <>
      <h2>{t("closed.otherWays")}</h2>
      <ul class="links">
        <li>
          <a href={page("/contact")} target="_blank" rel="noopener">
            {t("closed.contactLink")} {t("closed.newTab")}
          </a>
        </li>
        <li>
          <a href={page("/track")} target="_blank" rel="noopener">
            {t("closed.trackLink")} {t("closed.newTab")}
          </a>
        </li>
      </ul>
    </>
  );

  if (reference)
    return (
      <div>
        <h1 tabIndex={-1} ref={done}>
          {t("closed.sentTitle")}
        </h1>
        <p>{t("closed.sent", { reference })}</p>
      </div>
    );
  const field = (id: string, label: string, control: JSX.Element) => (
    <div class={err(id) ? "field field--error" : "field"}>
      <label for={id}>{label}</label>
      {err(id) ? (
        <p class="field__error" id={`${id}-error`}>
          {err(id)}
        </p>
      ) : null}
      {control}
    </div>
  );
  const describedBy = (id: string) => (err(id) ? `${id}-error` : undefined);
  return (
    <div>
      <h1 tabIndex={-1} ref={heading}>
        {reason === "queueFull" ? t("closed.busyTitle") : t("closed.closedTitle")}
      </h1>
      <ErrorSummary t={t} errors={errors} />
      <p>{reason === "queueFull" ? t("closed.queueFull") : times ? t("closed.outOfHours", times) : t("closed.unavailable")}</p>
      <form
        noValidate
        aria-labelledby="leave-heading"
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return;
          const found: [string, string][] = [];
          if (!name.trim()) found.push(["leave-name", t("prechat.errors.name")]);
          if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) found.push(["leave-email", t("prechat.errors.email")]);
          if (!text.trim()) found.push(["leave-text", t("prechat.errors.text")]);
          else if (text.length > MAX_MESSAGE_CHARS) found.push(["leave-text", t("prechat.errors.tooLong")]);
          setErrors(found);
          if (found.length) return;
          setBusy(true);
          const res = await client.leaveMessage({ lang, topic, name, email, text });
          setBusy(false);
          if ("data" in res) setReference(res.data.reference);
          else setErrors([["leave-text", t(`errors.${res.error.code}`)]]);
        }}
      >
        <h2 id="leave-heading">{t("closed.title")}</h2>
        <p>{t("closed.intro")}</p>
        {field(
          "leave-topic",
          t("prechat.topic"),
          <select id="leave-topic" value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
            {TOPICS.map((k) => (
              <option key={k} value={k}>
                {t(`topics.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field("leave-name", t("prechat.name"), <input id="leave-name" type="text" autocomplete="name" maxLength={100} value={name} aria-describedby={describedBy("leave-name")} onInput={(e) => setName(e.currentTarget.value)} />)}
        {field(
          "leave-email",
          t("prechat.email"),
          <input id="leave-email" type="email" autocomplete="email" spellcheck={false} value={email} aria-describedby={describedBy("leave-email")} onInput={(e) => setEmail(e.currentTarget.value)} />,
        )}
        {field("leave-text", t("closed.message"), <textarea id="leave-text" rows={5} value={text} aria-describedby={describedBy("leave-text")} onInput={(e) => setText(e.currentTarget.value)} />)}
        <button type="submit" class="button" disabled={busy}>
          {t("closed.send")}
        </button>
      </form>
      {otherWays}
    </div>
  );
}

render(<App />, root);
