// @vitest-environment jsdom
// The adviser console says an ended chat has ended once (issue 13: "This chat has ended." twice,
// once as the End button's notice and once as the ended panel's text).
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { AdviserChatClient, ChatState } from "./client";
import { ChatPanel } from "./panels";

const chat: ChatState = {
  conversationId: "c1",
  status: "active",
  lang: "en",
  topic: "other" as ChatState["topic"],
  customerName: "Sam",
  customerEmail: null,
  queuedAt: "2026-03-10T09:00:00.000Z",
  assignedAt: "2026-03-10T09:01:00.000Z",
  firstAnsweredAt: null,
  customerReadSeq: 0,
  flags: [],
  messages: [],
  caseReference: null,
  unread: 0,
  typing: false,
  ended: false,
  notice: null,
  pending: [],
};

afterEach(cleanup);

describe("ending a chat in the console", () => {
  it("says the chat has ended once", async () => {
    const notices: (string | null)[] = [];
    const client = {
      end: async () => ({ data: { ended: true } }),
      setNotice: (_id: string, notice: string | null) => notices.push(notice),
      markRead: () => {},
      typing: () => {},
    } as unknown as AdviserChatClient;
    // Without an i18n instance the console shows its keys: "console.ended" is "This chat has ended."
    const view = render(<ChatPanel chat={chat} client={client} canned={[]} advisers={[]} />);
    await act(async () => {
      fireEvent.click(view.getByText("console.end"));
    });
    const notice = notices.at(-1) ?? null;
    view.rerender(<ChatPanel chat={{ ...chat, status: "ended", ended: true, notice }} client={client} canned={[]} advisers={[]} />);
    expect(view.container.textContent!.match(/console\.ended/g)).toHaveLength(1);
  });
});
