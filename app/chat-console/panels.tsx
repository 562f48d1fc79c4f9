// The parts of one chat in the adviser console, each a component: the heading and details,
// the customer's flags (shown before the first reply), the conversation, the reply form with
// transfer, "create a case" and "record unacceptable behaviour". They talk to the server only
// through the AdviserChatClient they are given.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ack } from "../../shared/chat/events";
import { MAX_MESSAGE_CHARS } from "../../shared/chat/events";
import type { AdviserChatClient, ChatState } from "./client";

export type CannedReply = { id: string; language: "en" | "cy"; title: string; text: string };
export type TransferTarget = { id: string; name: string; speaksWelsh: boolean };
/** Shows what happened: an error, or `ok` (null when the panel already says it). */
type Report = (res: Ack<unknown>, ok: string | null) => void;

function minutesSince(iso: string, until?: string | null) {
  return Math.max(0, Math.floor(((until ? new Date(until).getTime() : Date.now()) - new Date(iso).getTime()) / 60_000));
}

export function ChatPanel({ chat, client, canned, advisers }: { chat: ChatState; client: AdviserChatClient; canned: CannedReply[]; advisers: TransferTarget[] }) {
  const { t } = useTranslation("staff-chat");
  const name = chat.customerName ?? t("console.customer");
  const markRead = () => client.markRead(chat.conversationId);
  const report: Report = (res, ok) => client.setNotice(chat.conversationId, "error" in res ? t("console.error", { reason: t(`errors.${res.error.code}`) }) : ok);
  return (
    <section className="chat-panel" aria-labelledby={`h-${chat.conversationId}`} onFocus={markRead} onClick={markRead} data-conversation={chat.conversationId}>
      <ChatHeader chat={chat} name={name} />
      <FlagsPanel flags={chat.flags} />
      <MessageLog chat={chat} name={name} />
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
          {/* Said here only: ending the chat leaves no notice saying it again (issue 13). */}
          <p className="govuk-body">{t("console.ended")}</p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => client.dismiss(chat.conversationId)}>
            {t("console.close")}
          </button>
        </>
      ) : (
        <ReplyForm chat={chat} name={name} client={client} canned={canned} advisers={advisers} report={report} />
      )}
      <CreateCasePanel chat={chat} client={client} report={report} />
      <BehaviourPanel chat={chat} client={client} report={report} />
    </section>
  );
}

function ChatHeader({ chat, name }: { chat: ChatState; name: string }) {
  const { t } = useTranslation("staff-chat");
  return (
    <>
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
    </>
  );
}

export function FlagsPanel({ flags }: { flags: ChatState["flags"] }) {
  const { t } = useTranslation("staff-chat");
  return (
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
  );
}

export function MessageLog({ chat, name }: { chat: ChatState; name: string }) {
  const { t } = useTranslation("staff-chat");
  const logId = `log-${chat.conversationId}`;
  useEffect(() => {
    document.getElementById(logId)?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [chat.messages.length]);
  return (
    <div role="log" aria-live="polite" aria-label={t("console.log", { name })} tabIndex={0}>
      <ol className="chat-log" id={logId}>
        {chat.messages.map((m) => (
          <li key={m.seq} className={`chat-log__msg chat-log__msg--${m.kind === "note" ? "note" : m.author}`}>
            <span className="chat-log__who">{m.kind === "note" ? `${t("console.note")} (${m.authorName ?? ""})` : m.author === "customer" ? name : (m.authorName ?? t("console.you"))}</span>
            <span className="chat-log__text">{m.text}</span>
            {m.author === "adviser" && m.kind === "text" && m.seq <= chat.customerReadSeq ? <span className="chat-log__state">{t("console.read")}</span> : null}
          </li>
        ))}
        {chat.pending.map((p) => (
          <li key={p.clientId} className={`chat-log__msg chat-log__msg--${p.asNote ? "note" : "adviser"}`}>
            <span className="chat-log__who">{p.asNote ? t("console.note") : t("console.you")}</span>
            <span className="chat-log__text">{p.text}</span>
            <span className="chat-log__state">{t("console.notSentYet")}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ReplyForm({ chat, name, client, canned, advisers, report }: { chat: ChatState; name: string; client: AdviserChatClient; canned: CannedReply[]; advisers: TransferTarget[]; report: Report }) {
  const { t } = useTranslation("staff-chat");
  const [text, setText] = useState("");
  const [asNote, setAsNote] = useState(false);
  const [cannedId, setCannedId] = useState("");
  const lastTyping = useRef(0);
  // Canned replies in the chat's language first.
  const sortedCanned = useMemo(() => [...canned].sort((a, b) => Number(b.language === chat.lang) - Number(a.language === chat.lang)), [canned, chat.lang]);

  const send = async () => {
    const value = text.trim();
    if (!value || value.length > MAX_MESSAGE_CHARS) return;
    const res = await client.send(chat.conversationId, value, asNote);
    // Sent, or kept by the client and sent when the connection is back (shown in the log meanwhile).
    if (!("error" in res)) setText("");
    else report(res, "");
  };

  return (
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
            // Throttled: at most one "typing" every 1.5 s, and never for an internal note.
            const now = Date.now();
            if (!asNote && now - lastTyping.current > 1500) {
              lastTyping.current = now;
              client.typing(chat.conversationId);
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
        <button type="button" className="govuk-button govuk-button--warning" onClick={async () => report(await client.end(chat.conversationId), null)}>
          {t("console.end")}
        </button>
      </div>
      <TransferPanel chat={chat} client={client} advisers={advisers} report={report} />
    </form>
  );
}

function TransferPanel({ chat, client, advisers, report }: { chat: ChatState; client: AdviserChatClient; advisers: TransferTarget[]; report: Report }) {
  const { t } = useTranslation("staff-chat");
  const [transferTo, setTransferTo] = useState("queue:cy");
  return (
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
            const res = await client.transfer(chat.conversationId, kind === "queue" ? { queue: value as "cy" | "any" } : { adviserId: value! });
            report(res, t("console.transferDone"));
          }}
        >
          {t("console.transfer")}
        </button>
      </div>
    </details>
  );
}

function CreateCasePanel({ chat, client, report }: { chat: ChatState; client: AdviserChatClient; report: Report }) {
  const { t } = useTranslation("staff-chat");
  const [caseType, setCaseType] = useState("ENQ");
  // The summary starts as the customer's first question.
  const firstQuestion = chat.messages.find((m) => m.author === "customer")?.text ?? "";
  const [caseSummary, setCaseSummary] = useState(firstQuestion);
  useEffect(() => {
    if (!caseSummary && firstQuestion) setCaseSummary(firstQuestion);
  }, [firstQuestion]);
  return (
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
            const res = await client.createCase(chat.conversationId, caseType, caseSummary);
            report(res, "data" in res ? t("console.caseCreated", { reference: res.data.reference }) : "");
          }}
        >
          {t("console.caseCreate")}
        </button>
      </div>
    </details>
  );
}

function BehaviourPanel({ chat, client, report }: { chat: ChatState; client: AdviserChatClient; report: Report }) {
  const { t } = useTranslation("staff-chat");
  const [behaviour, setBehaviour] = useState({ description: "", requestRestriction: false, endChat: true });
  return (
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
            const res = await client.recordBehaviour(chat.conversationId, { ...behaviour, endChat: behaviour.endChat && !chat.ended });
            report(res, t("console.behaviourDone"));
          }}
        >
          {t("console.behaviourSave")}
        </button>
      </div>
    </details>
  );
}
