// Per-address limits found missing in the fifth session's re-check of issue 12, over HTTP and
// sockets with demo mode's relaxations off:
// - new chats from one address an hour (server/limits/public.ts, chatStartsPerAddress): a script
//   opening connection after connection, each with a new browser id, could fill the queue;
// - the tracking page's message form (multipart, not read by readForm) now counts against the
//   public form posts per address (PUBLIC_POSTS_PER_10_MIN=300 on this server), before the link
//   is looked at.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { PUBLIC_LIMITS } from "../../server/limits/public";
import { HOSTILE_POSTS_PER_10_MIN } from "./settings";
import { baseUrl, newAddress, Visitor } from "./support";

const sockets: Socket[] = [];
afterAll(() => {
  for (const s of sockets) s.disconnect();
});

async function customer(address: string): Promise<Socket> {
  const s = io(`${baseUrl}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: new URL(baseUrl).origin, "x-forwarded-for": address },
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

type Ack = { data?: { conversationId: string }; error?: { code: string } };
const start = async (s: Socket) =>
  (await s.timeout(15_000).emitWithAck("chat:start", { lang: "en", topic: "foi", name: "Sam", email: "sam@example.org", transcriptConsent: true, browserId: randomUUID() })) as Ack;

describe("new chats per address", () => {
  it("one address starting chat after chat on new connections with new browser ids is refused after the hour's allowance; another address is not", async () => {
    const address = newAddress();
    const n = PUBLIC_LIMITS.chatStartsPerAddress.points;
    const started: { s: Socket; ack: Ack }[] = [];
    for (let i = 0; i < n; i++) {
      const s = await customer(address);
      started.push({ s, ack: await start(s) });
    }
    // Within the allowance each gets a chat, or "queue_full" if the generated run left it full.
    for (const { ack } of started) expect(ack.error?.code).not.toBe("rate_limited");
    expect(await start(await customer(address))).toEqual({ error: { code: "rate_limited" } });
    const elsewhere = await customer(newAddress());
    const other = { s: elsewhere, ack: await start(elsewhere) };
    expect(other.ack.error?.code).not.toBe("rate_limited");
    for (const { s, ack } of [...started, other]) {
      if (ack.data) await s.timeout(15_000).emitWithAck("chat:end", { conversationId: ack.data.conversationId }).catch(() => undefined);
    }
  }, 120_000);
});

describe("the tracking page's message form", () => {
  it("counts against the public form posts per address: after the limit a post is 429 in the person's language, even to a link that does not exist", async () => {
    const v = new Visitor();
    await v.get("/track");
    const csrf = v.csrfToken(); // the 404 page after each post carries no form
    const path = `/track/case/${"A".repeat(43)}`;
    for (let i = 0; i < HOSTILE_POSTS_PER_10_MIN; i++) {
      const res = await v.post(path, { message: "Hello" }, { multipart: true, csrf });
      await res.text();
      expect(res.status, `post ${i + 1}`).toBe(404);
    }
    const over = await v.post(`/cy${path}`, { message: "Helo" }, { multipart: true, csrf });
    expect(over.status).toBe(429);
    expect(await over.text()).toContain('<html lang="cy"');
    // Another address is not affected.
    const other = new Visitor();
    await other.get("/track");
    expect((await other.post(path, { message: "Hello" }, { multipart: true })).status).toBe(404);
  }, 180_000);
});
