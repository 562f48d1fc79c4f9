// Supervisor view: the queue and its longest wait, advisers and their load, a read-only view
// of any chat, and today's figures. Live over socket.io; the first view comes with the page.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { io, type Socket } from "socket.io-client";
import { SummaryList, Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { SUPERVISOR_ROLES, todaysFigures } from "~/lib/chat-staff.server";
import { formatDateTime } from "~/lib/format";
import { requireStaff } from "~/lib/staff.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import type { Ack, AdviserChatView, AdviserClientEvents, AdviserServerEvents, MonitorView } from "../../server/domain/chat/events";
import { ADVISER_NAMESPACE } from "../../server/domain/chat/events";
import "~/styles/chat-console.css";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const [figures, snapshot] = await Promise.all([todaysFigures(context), context.services.chat?.monitor() ?? null]);
  await audit(context.services.prisma, { actorId: staff.id, action: "chat.monitor", entityType: "chat", entityId: "all" });
  return { figures, snapshot };
}

const duration = (t: (k: string, v?: Record<string, unknown>) => string, seconds: number | null) =>
  seconds === null ? t("monitor.none") : t("monitor.seconds", { minutes: Math.floor(seconds / 60), seconds: Math.round(seconds % 60) });

export default function ChatMonitor() {
  const { t } = useTranslation("staff-chat");
  const lang = useLang();
  const to = useLocalePath();
  const { figures, snapshot } = useLoaderData<typeof loader>();
  const [view, setView] = useState<MonitorView | null>(snapshot);
  const [socket, setSocket] = useState<Socket<AdviserServerEvents, AdviserClientEvents> | null>(null);
  const [watched, setWatched] = useState<AdviserChatView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});

  useEffect(() => {
    const s: Socket<AdviserServerEvents, AdviserClientEvents> = io(ADVISER_NAMESPACE, { transports: ["websocket", "polling"] });
    setSocket(s);
    s.on("connect", () => s.emit("monitor:snapshot", undefined, (res: Ack<MonitorView>) => "data" in res && setView(res.data)));
    s.on("monitor:update", setView);
    s.on("message:new", ({ conversationId, message }) =>
      setWatched((w) => (w && w.conversationId === conversationId && !w.messages.some((m) => m.seq === message.seq) ? { ...w, messages: [...w.messages, message] } : w)),
    );
    s.on("chat:ended", ({ conversationId }) => setWatched((w) => (w && w.conversationId === conversationId ? { ...w, status: "ended" } : w)));
    return () => {
      s.disconnect();
    };
  }, []);

  const watch = (conversationId: string) =>
    socket?.emit("monitor:watch", { conversationId }, (res: Ack<AdviserChatView>) => {
      if ("data" in res) {
        setWatched(res.data);
        setTimeout(() => document.getElementById("watched")?.focus(), 0);
      }
    });

  // Supervisors move a chat to another adviser with room, or take it over themselves (server checks the role).
  const done = (ok: string) => (res: Ack<unknown>) => setNotice("error" in res ? t("monitor.actionFailed", { reason: t(`errors.${res.error.code}`) }) : ok);
  const reassign = (conversationId: string) => {
    const adviserId = targets[conversationId];
    if (adviserId) socket?.emit("supervisor:reassign", { conversationId, adviserId }, done(t("monitor.reassigned")));
  };
  const takeOver = (conversationId: string) => socket?.emit("supervisor:take-over", { conversationId }, done(t("monitor.takenOver")));

  return (
    <>
      <PageTitle title={t("monitor.title")} />
      <h1 className="govuk-heading-l">{t("monitor.title")}</h1>
      <h2 className="govuk-heading-m">{t("monitor.today")}</h2>
      <SummaryList
        rows={(
          [
            ["chatsToday", String(figures.chats)],
            ["medianAnswer", duration(t, figures.medianAnswerSeconds)],
            ["medianLength", duration(t, figures.medianLengthSeconds)],
            ["rating", figures.averageRating === null ? t("monitor.none") : `${figures.averageRating} (${t("monitor.ratings", { count: figures.ratings })})`],
            ["messagesLeft", String(figures.messagesLeft)],
          ] as const
        ).map(([key, value]) => ({ id: key, key: t(`monitor.${key}`), value }))}
      />
      <div aria-live="polite">
        <h2 className="govuk-heading-m">{t("monitor.queue")}</h2>
        <SummaryList
          rows={[
            { id: "queue-length", key: t("monitor.queueLength"), value: view?.queueLength ?? 0 },
            { id: "longest-wait", key: t("monitor.longestWait"), value: duration(t, view?.longestWaitSeconds ?? 0) },
          ]}
        />
      </div>
      <h2 className="govuk-heading-m">{t("monitor.advisers")}</h2>
      <div className="ds-table-wrap">
        <Table
          caption={t("monitor.advisers")}
          captionSize="hidden"
          columns={[{ label: t("monitor.adviser") }, { label: t("monitor.welsh") }, { label: t("monitor.status") }, { label: t("monitor.load") }]}
          rows={(view?.advisers ?? []).map((a) => ({
            key: a.id,
            cells: [a.name, a.speaksWelsh ? t("monitor.yes") : t("monitor.no"), !a.connected ? t("monitor.offline") : a.available ? t("monitor.online") : t("monitor.busy"), `${a.load} / ${a.maxChats}`],
          }))}
        />
      </div>
      <p className="govuk-body">
        <Link className="govuk-link" to={to("/staff/advisers")}>
          {t("monitor.advisersLink")}
        </Link>
      </p>
      <h2 className="govuk-heading-m">{t("monitor.active")}</h2>
      <div aria-live="polite">
        {notice ? (
          <p className="govuk-body">
            {notice} <a className="govuk-link" href={lang === "cy" ? "/cy/staff/chat" : "/staff/chat"}>{t("monitor.openConsole")}</a>
          </p>
        ) : null}
      </div>
      {(view?.active.length ?? 0) === 0 ? <p className="govuk-body">{t("monitor.none")}</p> : null}
      <ul className="govuk-list">
        {(view?.active ?? []).map((a) => (
          <li key={a.conversationId}>
            {a.adviserName ?? "—"} · {t(`console.lang.${a.lang}`)} · {t("monitor.started")} {formatDateTime(a.startedAt, lang)}{" "}
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => watch(a.conversationId)}>
              {t("monitor.view")}
            </button>{" "}
            <label className="govuk-label govuk-!-display-inline" htmlFor={`reassign-${a.conversationId}`}>
              {t("monitor.reassignTo")}
            </label>{" "}
            <select
              className="govuk-select"
              id={`reassign-${a.conversationId}`}
              value={targets[a.conversationId] ?? ""}
              onChange={(e) => setTargets((m) => ({ ...m, [a.conversationId]: e.currentTarget.value }))}
            >
              <option value="" />
              {(view?.advisers ?? [])
                .filter((x) => x.id !== a.adviserId && x.connected && x.available && x.load < x.maxChats)
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
            </select>{" "}
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => reassign(a.conversationId)}>
              {t("monitor.reassign")}
            </button>{" "}
            <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => takeOver(a.conversationId)}>
              {t("monitor.takeOver")}
            </button>
          </li>
        ))}
      </ul>
      {watched ? (
        <section aria-labelledby="watched" className="chat-panel">
          <h2 className="govuk-heading-m" id="watched" tabIndex={-1}>
            {t("monitor.viewing")}
          </h2>
          <div role="log" aria-live="polite" aria-label={t("monitor.viewing")} tabIndex={0}>
          <ol className="chat-log">
            {watched.messages.map((m) => (
              <li key={m.seq} className={`chat-log__msg chat-log__msg--${m.kind === "note" ? "note" : m.author}`}>
                <span className="chat-log__who">{m.kind === "note" ? t("console.note") : m.author === "customer" ? (watched.customerName ?? t("console.customer")) : m.authorName}</span>
                <span className="chat-log__text">{m.text}</span>
              </li>
            ))}
          </ol>
          </div>
          {watched.status === "ended" ? <p className="govuk-body">{t("console.ended")}</p> : null}
        </section>
      ) : null}
    </>
  );
}
