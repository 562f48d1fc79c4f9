// Binds one AdviserChatClient to a component's life: created (and connected) after hydration,
// disconnected when the page goes; re-renders on every change of its state.
import { useEffect, useState } from "react";
import { AdviserChatClient, type ConsoleState } from "./client";

const EMPTY: ConsoleState = { connected: false, available: false, chats: [] };

export function useAdviserClient(): { client: AdviserChatClient | null; state: ConsoleState } {
  const [client, setClient] = useState<AdviserChatClient | null>(null);
  const [state, setState] = useState<ConsoleState>(EMPTY);
  useEffect(() => {
    const c = new AdviserChatClient();
    setClient(c);
    const off = c.subscribe(() => setState(c.state));
    return () => {
      off();
      c.disconnect();
    };
  }, []);
  return { client, state };
}
