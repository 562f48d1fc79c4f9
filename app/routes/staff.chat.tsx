// The adviser console: availability, my chats side by side (up to my limit) with unread counts
// and waiting times, the customer's flags before the first reply, canned replies, internal notes,
// transfer, end, unacceptable behaviour, and "create a case from this chat". Live over socket.io.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { io, type Socket } from "socket.io-client";
import { PageTitle } from "~/components/layout";
import "~/styles/chat-console.css";
import { CHAT_ROLES, SUPERVISOR_ROLES, cannedReplies } from "~/lib/chat-staff.server";
import { requireStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";
import type { Ack, AdviserChatView, AdviserClientEvents, AdviserServerEvents, ChatMessageView } from "../../server/domain/chat/events";
import { ADVISER_NAMESPACE, MAX_MESSAGE_CHARS } from "../../server/domain/chat/events";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context, [...CHAT_ROLES]);
  const { prisma } = context.services;
  const [me, canned, advisers] = await Promise.all([
    prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { maxChats: true } }),
    cannedReplies(context),
    prisma.staffUser.findMany({ where: { active: true, roles: { has: "adviser" }, NOT: { id: staff.id } }, select: { id: true, name: true, speaksWelsh: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    me: { id: staff.id, name: staff.name, maxChats: me.maxChats, supervisor: staff.roles.some((r) => (SUPERVISOR_ROLES as readonly string[]).includes(r)) },
    canned,
    advisers,
  };
}

type ChatState = AdviserChatView & { unread: number; typing: boolean; ended: boolean; notice: string | null };
type AdviserSocket = Socket<AdviserServerEvents, AdviserClientEvents>;

let idCounter = 0;
const newId = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `c-${Date.now()}-${idCounter++}`);

function call<T>(socket: AdviserSocket, event: keyof AdviserClientEvents, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) =>
    (socket.timeout(10_000) as unknown as { emit(e: string, p: unknown, cb: (err: unknown, r: Ack<T>) => void): void }).emit(event, payload, (err, res) =>
      resolve(err ? { error: { code: "internal" } } : res),
    ),
  );
}

function mergeMessages(a: ChatMessageView[], b: ChatMessageView[]) {
  const bySeq = new Map(a.map((m) => [m.seq, m]));
  for (const m of b) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

export default function ChatConsole() {
  const { t } = useTranslation("staff-chat");
  const to = useLocalePath();
  const { me, canned, advisers } = useLoaderData<typeof loader>();
  const [socket, setSocket] = useState<AdviserSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const [available, setAvailable] = useState(false);
  const [chats, setChats] = useState<ChatState[]>([]);
  const wantAvailable = useRef(false);
  const chatsRef = useRef<ChatState[]>([]);
  chatsRef.current = chats;
  const [, tick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const s: AdviserSocket = io(ADVISER_NAMESPACE, { transports: ["websocket", "polling"] });
    setSocket(s);
    const upsert = (view: AdviserChatView, patch: Partial<ChatState> = {}) =>
      setChats((list) => {
        const existing = list.find((c) => c.conversationId === view.conversationId);
        if (existing) return list.map((c) => (c === existing ? { ...c, ...view, messages: mergeMessages(c.messages, view.messages), ...patch } : c));
        return [...list, { ...view, unread: view.messages.filter((m) => m.author === "customer").length, typing: false, ended: false, notice: null, ...patch }];
      });
    const patch = (id: string, fn: (c: ChatState) => Partial<ChatState>) => setChats((list) => list.map((c) => (c.conversationId === id ? { ...c, ...fn(c) } : c)));

    s.on("connect", async () => {
      setConnected(true);
      // After any reconnection (or a server restart) say again whether we take chats, then catch up.
      await call(s, "adviser:availability", { available: wantAvailable.current });
      const lastSeqs = Object.fromEntries(chatsRef.current.map((c) => [c.conversationId, c.messages.at(-1)?.seq ?? 0]));
      const res = await call<{ chats: AdviserChatView[]; available: boolean }>(s, "adviser:sync", { lastSeqs });
      if ("data" in res) {
        for (const c of res.data.chats) upsert(c);
        setAvailable(res.data.available);
      }
    });
    s.on("disconnect", () => setConnected(false));
    s.on("chat:assigned", (view) => upsert(view, { ended: false, notice: null }));
    s.on("chat:unassigned", ({ conversationId }) => setChats((list) => list.filter((c) => c.conversationId !== conversationId)));
    s.on("message:new", ({ conversationId, message }) => {
      // A message for a chat this console has not heard of yet (it was assigned a moment ago): catch up.
      if (!chatsRef.current.some((c) => c.conversationId === conversationId)) {
        void call<{ chats: AdviserChatView[] }>(s, "adviser:sync", { lastSeqs: {} }).then((res) => "data" in res && res.data.chats.forEach((c) => upsert(c)));
        return;
      }
      patch(conversationId, (c) => ({
        messages: mergeMessages(c.messages, [message]),
        unread: message.author === "customer" ? c.unread + 1 : c.unread,
        typing: message.author === "customer" ? false : c.typing,
      }));
    });
    s.on("typing:update", ({ conversationId, typing }) => patch(conversationId, () => ({ typing })));
    s.on("receipt:update", ({ conversationId, upToSeq, state }) => state === "read" && patch(conversationId, (c) => ({ customerReadSeq: Math.max(c.customerReadSeq, upToSeq) })));
    s.on("chat:ended", ({ conversationId }) => patch(conversationId, () => ({ ended: true, typing: false })));
    return () => {
      s.disconnect();
    };
  }, []);

  const toggle = async () => {
    if (!socket) return;
    wantAvailable.current = !available;
    const res = await call<{ available: boolean }>(socket, "adviser:availability", { available: !available });
    if ("data" in res) setAvailable(res.data.available);
  };
  const open = chats.filter((c) => !c.ended).length;

  return (
    <>
      <PageTitle title={t("console.title")} />
      <h1 className="govuk-heading-l">{t("console.title")}</h1>
      <p className="govuk-body" role="status" data-connection={connected ? "up" : "down"}>
        {connected ? t("console.connected") : t("console.disconnected")}
      </p>
      <div className="govuk-inset-text">
        <p className="govuk-body">{available ? t("console.availableOn", { max: me.maxChats }) : t("console.availableOff")}</p>
        <button type="button" className={`govuk-button ${available ? "govuk-button--secondary" : ""}`} aria-pressed={available} onClick={toggle} disabled={!connected}>
          {available ? t("console.goUnavailable") : t("console.goAvailable")}
        </button>
      </div>
      <p className="govuk-body">
        {me.supervisor ? (
          <>
            <Link className="govuk-link govuk-!-margin-right-4" to={to("/staff/chat/monitor")}>
              {t("console.monitorLink")}
            </Link>
            <Link className="govuk-link govuk-!-margin-right-4" to={to("/staff/chat/canned")}>
              {t("console.manageCanned")}
            </Link>
            <Link className="govuk-link" to={to("/staff/chat/behaviour")}>
              {t("console.behaviourReviewLink")}
            </Link>
          </>
        ) : null}
      </p>
      <h2 className="govuk-heading-m">{t("console.myChats", { count: open, max: me.maxChats })}</h2>
      {chats.length === 0 ? <p className="govuk-body">{t("console.none")}</p> : null}
      <div className="chat-console">
        {chats.map((c) => (
          <ChatPanel
            key={c.conversationId}
            chat={c}
            socket={socket!}
            canned={canned}
            advisers={advisers}
            onRead={() => setChats((list) => list.map((x) => (x.conversationId === c.conversationId ? { ...x, unread: 0 } : x)))}
            onClose={() => setChats((list) => list.filter((x) => x.conversationId !== c.conversationId))}
            onNotice={(notice) => setChats((list) => list.map((x) => (x.conversationId === c.conversationId ? { ...x, notice } : x)))}
            onMessage={(m) => setChats((list) => list.map((x) => (x.conversationId === c.conversationId ? { ...x, notice: null, messages: mergeMessages(x.messages, [m]) } : x)))}
          />
        ))}
      </div>
    </>
  );
}

function minutesSince(iso: string, until?: string | null) {
  return Math.max(0, Math.floor(((until ? new Date(until).getTime() : Date.now()) - new Date(iso).getTime()) / 60_000));
}

function ChatPanel(props: {
  chat: ChatState;
  socket: AdviserSocket;
  canned: { id: string; language: "en" | "cy"; title: string; text: string }[];
  advisers: { id: string; name: string; speaksWelsh: boolean }[];
  onRead: () => void;
  onClose: () => void;
  onNotice: (notice: string | null) => void;
  onMessage: (message: ChatMessageView) => void;
}) {
  const { chat, socket, canned, advisers, onRead, onClose, onNotice, onMessage } = props;
  const { t } = useTranslation("staff-chat");
  const [text, setText] = useState("");
  const [asNote, setAsNote] = useState(false);
  const [cannedId, setCannedId] = useState("");
  const [transferTo, setTransferTo] = useState("queue:cy");
  const [behaviour, setBehaviour] = useState({ description: "", requestRestriction: false, endChat: true });
  const [caseType, setCaseType] = useState("ENQ");
  const firstQuestion = chat.messages.find((m) => m.author === "customer")?.text ?? "";
  const [caseSummary, setCaseSummary] = useState(firstQuestion);
  const name = chat.customerName ?? t("console.customer");
  const logId = `log-${chat.conversationId}`;
  const lastTyping = useRef(0);
  const sortedCanned = useMemo(() => [...canned].sort((a, b) => Number(b.language === chat.lang) - Number(a.language === chat.lang)), [canned, chat.lang]);

  useEffect(() => {
    if (!caseSummary && firstQuestion) setCaseSummary(firstQuestion);
  }, [firstQuestion]);
  useEffect(() => {
    document.getElementById(logId)?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [chat.messages.length]);

  const markRead = () => {
    const last = [...chat.messages].reverse().find((m) => m.author === "customer");
    if (chat.unread > 0 && last) socket.emit("receipt:update", { conversationId: chat.conversationId, upToSeq: last.seq, state: "read" });
    if (chat.unread > 0) onRead();
  };
  const report = (res: Ack<unknown>, ok: string) => onNotice("error" in res ? t("console.error", { reason: t(`errors.${res.error.code}`) }) : ok);

  const send = async () => {
    const value = text.trim();
    if (!value || value.length > MAX_MESSAGE_CHARS) return;
    const res = await call<ChatMessageView>(socket, asNote ? "note:add" : "message:send", { conversationId: chat.conversationId, clientId: newId(), text: value });
    if ("data" in res) {
      setText("");
      // Our own message comes back in the acknowledgement (the server does not echo it to this socket).
      onMessage(res.data);
    } else report(res, "");
  };

  const flags = chat.flags;
  return (
    <section className="chat-panel" aria-labelledby={`h-${chat.conversationId}`} onFocus={markRead} onClick={markRead} data-conversation={chat.conversationId}>
      <h3 className="govuk-heading-s" id={`h-${chat.conversationId}`}>
        {name}
        {chat.unread > 0 ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">{t("console.unread", { count: chat.unread })}</strong> : null}
      </h3>
      <dl className="govuk-body-s chat-panel__meta">
        <dt>{t("console.language")}</dt>
        <dd>{t(`console.lang.${chat.lang}`)}</dd>
        <dt>{t("console.topic")}</dt>
        <dd>{t(`console.topics.${chat.topic}`)}</dd>
        <dd>{chat.firstAnsweredAt ? t("console.waiting", { minutes: minutesSince(chat.queuedAt, chat.firstAnsweredAt) }) : t("console.waitingNow", { minutes: minutesSince(chat.queuedAt) })}</dd>
      </dl>
      <div className={flags.length ? "govuk-warning-text chat-panel__flags" : "govuk-body-s"} role={flags.some((f) => f.kind === "restricted_contact") ? "alert" : undefined}>
        {flags.length ? (
          <>
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <div className="govuk-warning-text__text">
              <strong>{t("console.flagsTitle")}</strong>
              <ul className="govuk-list">
                {flags.map((f, i) => (
                  <li key={i}>
                    <strong>{t(`console.flag.${f.kind}`)}:</strong> {f.summary}
                  </li>
                ))}
              </ul>
            </div>
          </>
        ) : (
          t("console.noFlags")
        )}
      </div>
      <div role="log" aria-live="polite" aria-label={t("console.log", { name })} tabIndex={0}>
      <ol className="chat-log" id={logId}>
        {chat.messages.map((m) => (
          <li key={m.seq} className={`chat-log__msg chat-log__msg--${m.kind === "note" ? "note" : m.author}`}>
            <span className="chat-log__who">{m.kind === "note" ? `${t("console.note")} (${m.authorName ?? ""})` : m.author === "customer" ? name : (m.authorName ?? t("console.you"))}</span>
            <span className="chat-log__text">{m.text}</span>
            {m.author === "adviser" && m.kind === "text" && m.seq <= chat.customerReadSeq ? <span className="chat-log__state">{t("console.read")}</span> : null}
          </li>
        ))}
      </ol>
      </div>
      <p className="govuk-body-s chat-panel__typing" aria-live="polite">
        {chat.typing ? t("console.typing") : ""}
      </p>
      {chat.notice ? (
        <p className="govuk-body-s" role="status">
          {chat.notice}
        </p>
      ) : null}
      {chat.ended ? (
        <>
          <p className="govuk-body">{t("console.ended")}</p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
            {t("console.close")}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`canned-${chat.conversationId}`}>
              {t("console.canned")}
            </label>
            <select className="govuk-select" id={`canned-${chat.conversationId}`} value={cannedId} onChange={(e) => setCannedId(e.target.value)}>
              <option value="" />
              {sortedCanned.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.language.toUpperCase()} – {c.title}
                </option>
              ))}
            </select>{" "}
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => {
                const reply = canned.find((c) => c.id === cannedId);
                if (reply) setText((v) => (v ? `${v} ${reply.text}` : reply.text));
                document.getElementById(`msg-${chat.conversationId}`)?.focus();
              }}
            >
              {t("console.cannedInsert")}
            </button>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`msg-${chat.conversationId}`}>
              {t("console.message", { name })}
            </label>
            <textarea
              className="govuk-textarea"
              id={`msg-${chat.conversationId}`}
              rows={3}
              maxLength={MAX_MESSAGE_CHARS}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                const now = Date.now();
                if (!asNote && now - lastTyping.current > 1500) {
                  lastTyping.current = now;
                  socket.emit("typing:update", { conversationId: chat.conversationId, typing: true });
                }
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  void send();
                }
              }}
            />
          </div>
          <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-3">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" type="checkbox" id={`note-${chat.conversationId}`} checked={asNote} onChange={(e) => setAsNote(e.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`note-${chat.conversationId}`}>
                {t("console.asNote")}
              </label>
            </div>
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              {asNote ? t("console.addNote") : t("console.send")}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              onClick={async () => report(await call(socket, "chat:end", { conversationId: chat.conversationId }), t("console.ended"))}
            >
              {t("console.end")}
            </button>
          </div>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t("console.transfer")}</span>
            </summary>
            <div className="govuk-details__text">
              <label className="govuk-label" htmlFor={`transfer-${chat.conversationId}`}>
                {t("console.transferTo")}
              </label>
              <select className="govuk-select" id={`transfer-${chat.conversationId}`} value={transferTo} onChange={(e) => setTransferTo(e.target.value)}>
                <option value="queue:cy">{t("console.transferWelsh")}</option>
                <option value="queue:any">{t("console.transferAny")}</option>
                {advisers.map((a) => (
                  <option key={a.id} value={`adviser:${a.id}`}>
                    {a.name}
                  </option>
                ))}
              </select>{" "}
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={async () => {
                  const [kind, value] = transferTo.split(":");
                  const res = await call(socket, "chat:transfer", { conversationId: chat.conversationId, to: kind === "queue" ? { queue: value } : { adviserId: value } });
                  report(res, t("console.transferDone"));
                }}
              >
                {t("console.transfer")}
              </button>
            </div>
          </details>
        </form>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("console.createCase")}</span>
        </summary>
        <div className="govuk-details__text">
          {chat.caseReference ? <p className="govuk-body">{t("console.caseCreated", { reference: chat.caseReference })}</p> : null}
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`case-type-${chat.conversationId}`}>
              {t("console.caseType")}
            </label>
            <select className="govuk-select" id={`case-type-${chat.conversationId}`} value={caseType} onChange={(e) => setCaseType(e.target.value)}>
              {(["ENQ", "RFA", "FS50", "FER", "ELE", "RCC"] as const).map((type) => (
                <option key={type} value={type}>
                  {t(`console.caseTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`case-summary-${chat.conversationId}`}>
              {t("console.caseSummary")}
            </label>
            <textarea className="govuk-textarea" id={`case-summary-${chat.conversationId}`} rows={3} value={caseSummary} onChange={(e) => setCaseSummary(e.target.value)} />
          </div>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={async () => {
              const res = await call<{ reference: string }>(socket, "case:create", { conversationId: chat.conversationId, type: caseType, summary: caseSummary });
              report(res, "data" in res ? t("console.caseCreated", { reference: res.data.reference }) : "");
            }}
          >
            {t("console.caseCreate")}
          </button>
        </div>
      </details>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("console.behaviour")}</span>
        </summary>
        <div className="govuk-details__text">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`behaviour-${chat.conversationId}`}>
              {t("console.behaviourDescription")}
            </label>
            <div className="govuk-hint" id={`behaviour-hint-${chat.conversationId}`}>
              {t("console.behaviourHint")}
            </div>
            <textarea
              className="govuk-textarea"
              id={`behaviour-${chat.conversationId}`}
              aria-describedby={`behaviour-hint-${chat.conversationId}`}
              rows={3}
              value={behaviour.description}
              onChange={(e) => setBehaviour({ ...behaviour, description: e.target.value })}
            />
          </div>
          <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-3">
            {(["requestRestriction", "endChat"] as const).map((key) => (
              <div className="govuk-checkboxes__item" key={key}>
                <input className="govuk-checkboxes__input" type="checkbox" id={`${key}-${chat.conversationId}`} checked={behaviour[key]} onChange={(e) => setBehaviour({ ...behaviour, [key]: e.target.checked })} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`${key}-${chat.conversationId}`}>
                  {key === "requestRestriction" ? t("console.behaviourRestrict") : t("console.behaviourEnd")}
                </label>
              </div>
            ))}
          </div>
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={async () => {
              if (!behaviour.description.trim()) return;
              const res = await call(socket, "behaviour:record", { conversationId: chat.conversationId, ...behaviour, endChat: behaviour.endChat && !chat.ended });
              report(res, t("console.behaviourDone"));
            }}
          >
            {t("console.behaviourSave")}
          </button>
        </div>
      </details>
    </section>
  );
}
