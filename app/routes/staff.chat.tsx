// The adviser console: availability, my chats side by side (up to my limit) with unread counts
// and waiting times, the customer's flags before the first reply, canned replies, internal notes,
// transfer, end, unacceptable behaviour, and "create a case from this chat". Live over socket.io:
// the protocol (connection, resume, events) is in app/chat-console/client.ts, each part of a
// chat is a component in app/chat-console/panels.tsx.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { ChatPanel } from "~/chat-console/panels";
import { useAdviserClient } from "~/chat-console/use-client";
import { PageTitle } from "~/components/layout";
import "~/styles/chat-console.css";
import { CHAT_ROLES, SUPERVISOR_ROLES, cannedReplies } from "~/lib/chat-staff.server";
import { requireStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";

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

export default function ChatConsole() {
  const { t } = useTranslation("staff-chat");
  const to = useLocalePath();
  const { me, canned, advisers } = useLoaderData<typeof loader>();
  const { client, state } = useAdviserClient();
  const { connected, available, chats } = state;
  // Waiting times are in minutes: redraw twice a minute.
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
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
        <button type="button" className={`govuk-button ${available ? "govuk-button--secondary" : ""}`} aria-pressed={available} onClick={() => void client?.setAvailable(!available)} disabled={!connected}>
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
            <Link className="govuk-link govuk-!-margin-right-4" to={to("/staff/chat/behaviour")}>
              {t("console.behaviourReviewLink")}
            </Link>
            <Link className="govuk-link" to={to("/staff/advisers")}>
              {t("console.advisersLink")}
            </Link>
          </>
        ) : null}
      </p>
      <h2 className="govuk-heading-m">{t("console.myChats", { count: open, max: me.maxChats })}</h2>
      {chats.length === 0 ? <p className="govuk-body">{t("console.none")}</p> : null}
      <div className="chat-console">
        {client ? chats.map((c) => <ChatPanel key={c.conversationId} chat={c} client={client} canned={canned} advisers={advisers} />) : null}
      </div>
    </>
  );
}
